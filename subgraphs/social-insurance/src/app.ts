/**
 * `createSocialInsuranceSubgraph`: the social-insurance subgraph over the
 * social-insurance system (SOAP 1.2, WS-Security UsernameToken), built but
 * not listening (`main.ts` listens; tests call `fetch`).
 */
import { ConfigError, createSubgraph, type Logger, type Subgraph } from '@govgraph/sdk';
import type { SocialInsuranceSubgraphConfig } from './config';
import { PersonResolver } from './person/person.resolver';
import { Person } from './person/person.type';
import { createSocialInsuranceSources } from './sources';
import { createSocialInsuranceLoaders } from './social-insurance/social-insurance.loader';
import { SocialInsuranceResolver } from './social-insurance/social-insurance.resolver';

/** Options of {@link createSocialInsuranceSubgraph}. */
export interface CreateSocialInsuranceSubgraphOptions {
  /** @default the SDK's pino logger */
  readonly logger?: Logger;
}

/**
 * Builds the social-insurance subgraph: extends `Person` (owned by the users
 * subgraph, reached here by `@key(fields: "idNumber")`) with
 * `socialInsurance`. There is no `entities` entry: a `Person` reference needs
 * no look-up here, and `Person.socialInsurance` is batched by its loader
 * (N persons cost ⌈N / 50⌉ calls).
 *
 * @throws ConfigError when the source configuration is invalid or `config.security` is missing.
 */
export function createSocialInsuranceSubgraph(config: SocialInsuranceSubgraphConfig, options: CreateSocialInsuranceSubgraphOptions = {}): Subgraph {
  if (!config.security) {
    throw new ConfigError("social-insurance subgraph: config.security is required: { mode: 'verify', jwksUrl | publicKeyJwk | jwks } (the gateway's context token), or { mode: 'development' } on a developer's machine");
  }
  return createSubgraph({
    name: 'social-insurance',
    resolvers: [PersonResolver, SocialInsuranceResolver],
    // No query returns Person here, so type-graphql would leave it out of the
    // schema: an extended entity must be listed as an orphaned type.
    orphanedTypes: [Person],
    sources: createSocialInsuranceSources(config),
    security: config.security,
    loaders: createSocialInsuranceLoaders,
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
