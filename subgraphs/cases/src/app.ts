/**
 * `createCasesSubgraph`: the cases subgraph over the city case-handling
 * system, built but not listening (`main.ts` listens; tests call `fetch`).
 */
import { parseRestSourceConfig, restSource } from '@govgraph/connector-rest';
import { ConfigError, createSubgraph, type Logger, type Subgraph } from '@govgraph/sdk';
import type { CasesSubgraphConfig } from './config';
import type { CasesContext } from './context';
import { CaseMutationResolver } from './case/case-mutation.resolver';
import { CASE_BATCH_LIMIT, createCaseHandlingClient } from './case/case-handling-client';
import { createCasesLoaders } from './case/case.loader';
import { CASE_HANDLING_SOURCE } from './case/case.mapping';
import { CaseResolver } from './case/case.resolver';
import { EnterpriseCasesResolver } from './enterprise/enterprise-cases.resolver';
import { PersonCasesResolver } from './person/person-cases.resolver';
import type { CasesSources } from './sources';

/** Options of {@link createCasesSubgraph}. */
export interface CreateCasesSubgraphOptions {
  /** @default the SDK's pino logger */
  readonly logger?: Logger;
}

/**
 * Builds the cases subgraph: owns `Case`, extends `Person` and `Enterprise`
 * with `cases`, references `Service` and `Licence`. Every fan-out is batched:
 * `_entities` of `Case` and `Query.case` through `POST /api/v1/cases/batch`,
 * `Person.cases`/`Enterprise.cases` through `POST /api/v1/cases/by-applicants`,
 * at most 100 keys per call.
 *
 * @throws ConfigError when the source configuration is invalid or `config.security` is missing.
 */
export function createCasesSubgraph(config: CasesSubgraphConfig, options: CreateCasesSubgraphOptions = {}): Subgraph {
  if (!config.security) throw new ConfigError(`cases subgraph: config.security is required: { mode: 'verify', jwksUrl | publicKeyJwk | jwks } (the gateway's context token), or { mode: 'development' } on a developer's machine`);
  const sources: CasesSources = {
    caseHandling: restSource(
      parseRestSourceConfig({
        name: CASE_HANDLING_SOURCE,
        baseUrl: config.casesUrl,
        timeoutMs: config.timeoutMs,
        // Batch endpoints take at most 100 keys; lists are page-based. Only reads (GET) are retried:
        // submitting a case and moving it on are never repeated.
        capabilities: { batch: { maxSize: CASE_BATCH_LIMIT }, pagination: 'page' },
      }),
    ),
  };
  return createSubgraph({
    name: 'cases',
    resolvers: [CaseResolver, CaseMutationResolver, PersonCasesResolver, EnterpriseCasesResolver],
    sources,
    security: config.security,
    loaders: createCasesLoaders,
    entities: {
      Case: {
        maxBatchSize: CASE_BATCH_LIMIT,
        byKey: { number: { load: (numbers, ctx: CasesContext) => createCaseHandlingClient(ctx.sources.caseHandling).batchGetCases(numbers) } },
      },
    },
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
