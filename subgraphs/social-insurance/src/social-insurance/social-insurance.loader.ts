/**
 * The per-request loaders of the social-insurance subgraph (created for each
 * request by `createSubgraph`, never shared): accounts asked for in one
 * request are gathered into one `GetInsuranceStatusByIdNumbers` call per
 * batch, the batch size read from the source's capability manifest.
 */
import { createBatchLoader, type LoaderFactoryContext } from '@govgraph/sdk';
import { SOCIAL_INSURANCE_MAX_BATCH, type SocialInsuranceSources } from '../sources';
import { fetchSocialInsurances } from './social-insurance-records';
import type { SocialInsurance } from './social-insurance.type';

/** This request's loaders. */
export interface SocialInsuranceLoaders {
  /** A person's account by resident ID number, `null` when the system has none. */
  readonly socialInsuranceByIdNumber: ReturnType<typeof createBatchLoader<string, SocialInsurance>>;
}

/** The `loaders` factory of the social-insurance subgraph. */
export function createSocialInsuranceLoaders({ sources }: LoaderFactoryContext<SocialInsuranceSources>): SocialInsuranceLoaders {
  const batch = sources.socialInsurance.capabilities.batch;
  return {
    socialInsuranceByIdNumber: createBatchLoader({
      name: 'socialInsuranceByIdNumber',
      batch: (idNumbers) => fetchSocialInsurances(sources.socialInsurance, idNumbers),
      keyOf: (found: SocialInsurance) => found.idNumber,
      maxBatchSize: batch ? batch.maxSize : SOCIAL_INSURANCE_MAX_BATCH,
    }),
  };
}
