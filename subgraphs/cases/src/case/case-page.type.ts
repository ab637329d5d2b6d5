import 'reflect-metadata';
/** `CasePage`: one page of `Query.cases`. */
import { createPageType } from '@govgraph/sdk';
import { Case } from './case.type';

/** A page of cases: `items`, `page`, `pageSize`, `total`, `hasNextPage`. */
export const CasePage = createPageType(Case, 'CasePage');
