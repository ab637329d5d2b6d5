import { createPageType } from '@govgraph/sdk';
import { Enterprise } from './enterprise.type';

/** `EnterprisePage`: one page of `searchEnterprises` results. */
export const EnterprisePage = createPageType(Enterprise, 'EnterprisePage');
