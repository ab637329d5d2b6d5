/**
 * Per-request loader of enterprises by credit code. `enterprise(creditCode)`
 * of one request goes through it, so N look-ups cost ⌈N / 100⌉ calls to the
 * legal-person registry.
 */
import type { RestSource } from '@govgraph/connector-rest';
import { maxBatchSizeOf } from '@govgraph/sdk';
import { createRecordLoader, type RecordLoader } from '../upstream/record-loader';
import { getEnterprisesByCreditCodes, LEGAL_PERSON_BATCH_LIMIT } from './legal-person-registry';
import type { Enterprise } from './enterprise.type';

/** The enterprise loaders of one request. A code with no enterprise loads `null`. */
export interface EnterpriseLoaders {
  readonly enterpriseByCreditCode: RecordLoader<Enterprise>;
}

/** Creates the enterprise loaders of one request. */
export function createEnterpriseLoaders(sources: { readonly legalPerson: RestSource }): EnterpriseLoaders {
  return {
    enterpriseByCreditCode: createRecordLoader<Enterprise>({
      name: 'enterpriseByCreditCode',
      field: 'creditCode',
      batch: (creditCodes) => getEnterprisesByCreditCodes(sources.legalPerson, creditCodes),
      maxBatchSize: maxBatchSizeOf(sources.legalPerson, LEGAL_PERSON_BATCH_LIMIT),
      cacheKeyOf: (creditCode) => creditCode.toUpperCase(),
    }),
  };
}
