import 'reflect-metadata';
/**
 * `ServicePage`: a page of services (`items`, `page`, `pageSize`, `total`,
 * `hasNextPage`), the answer of the paginated service queries.
 */
import { createPageType } from '@govgraph/sdk';
import { Service } from './service.type';

/** The GraphQL `ServicePage` type. */
export const ServicePage = createPageType(Service, 'ServicePage');
