/** The GraphQL context every resolver of the social-insurance subgraph receives. */
import type { SubgraphContext } from '@govgraph/sdk';
import type { SocialInsuranceLoaders } from './social-insurance/social-insurance.loader';
import type { SocialInsuranceSources } from './sources';

/** `SubgraphContext` with this subgraph's sources and loaders. */
export type SocialInsuranceContext = SubgraphContext<SocialInsuranceSources, SocialInsuranceLoaders>;
