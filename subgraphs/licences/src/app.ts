/**
 * The licences subgraph: the electronic licence library (电子证照库, a SQL
 * database) as Federation 2 types `Licence` and `LicenceType`, plus
 * `licences` on the users subgraph's `Person` and `Enterprise`. Builds the
 * subgraph and never listens (`main.ts` does).
 */
import { BadRequestError, ConfigError, createLogger, createSubgraph, type Logger, type Subgraph } from '@govgraph/sdk';
import { sqlSource, type SqlSource } from '@govgraph/connector-sql';
import type { LicencesLoaders, LicencesSources } from './context';
import type { LicencesSubgraphConfig } from './config';
import { EnterpriseResolver } from './enterprise/enterprise.resolver';
import { loadLicenceType } from './licence-type/licence-type.loader';
import { LicenceTypeResolver } from './licence-type/licence-type.resolver';
import { loadLicence } from './licence/licence.loader';
import { LicenceResolver } from './licence/licence.resolver';
import { createLicencesLoaders } from './loaders';
import { PersonResolver } from './person/person.resolver';
import { createVerificationResolver } from './verification/verification.resolver';

/** Options of {@link createLicencesSubgraph}: what is code, not configuration. */
export interface LicencesSubgraphOptions {
  /** @default pino at `config.logLevel` */
  readonly logger?: Logger;
  /**
   * The clock of `verifyLicence`: its date in Asia/Shanghai is the check date.
   * Tests pass a fixed instant so results are exact.
   * @default () => new Date()
   */
  readonly now?: () => Date;
}

/** The licences subgraph, with its licence library source (whose `stats()` count statements). */
export interface LicencesSubgraph extends Subgraph {
  /** The licence library source, started and stopped with the subgraph. */
  readonly licenceDb: SqlSource;
}

/**
 * Builds the licences subgraph from a parsed config; see {@link LicencesSubgraphOptions}.
 * @throws ConfigError when `config.security` is missing (a subgraph must say how it trusts callers)
 */
export function createLicencesSubgraph(config: LicencesSubgraphConfig, options: LicencesSubgraphOptions = {}): LicencesSubgraph {
  if (!config.security) throw new ConfigError(`licences subgraph: config.security is required: { mode: 'verify', jwksUrl | publicKeyJwk | jwks } (the gateway's context token), or { mode: 'development' } on a developer's machine`);
  const licenceDb = sqlSource(config.licenceDb);
  const sources: LicencesSources = { licenceDb };
  const subgraph = createSubgraph<LicencesSources, LicencesLoaders>({
    name: 'licences',
    resolvers: [LicenceResolver, LicenceTypeResolver, PersonResolver, EnterpriseResolver, createVerificationResolver(options.now ?? (() => new Date()))],
    sources,
    security: config.security,
    logger: options.logger ?? createLogger({ level: config.logLevel }),
    loaders: createLicencesLoaders,
    entities: {
      Licence: { resolveReferences: (representations, ctx) => resolveEach(representations, 'number', (number) => loadLicence(ctx.loaders, number)) },
      LicenceType: { resolveReferences: (representations, ctx) => resolveEach(representations, 'code', (code) => loadLicenceType(ctx.loaders, code)) },
    },
  });
  return { ...subgraph, licenceDb };
}

/**
 * Resolves each representation through a per-request loader (so all of them
 * cost one statement), giving `null` for a key the library does not hold and
 * an error in place of a reference that cannot be resolved, in order.
 */
function resolveEach(
  representations: readonly Record<string, unknown>[],
  keyField: 'number' | 'code',
  load: (key: string) => Promise<object | null>,
): Promise<(object | null | Error)[]> {
  return Promise.all(
    representations.map(async (representation) => {
      const key = representation[keyField];
      if (typeof key !== 'string' || key === '') {
        return new BadRequestError(`A ${String(representation['__typename'])} reference needs a ${keyField}`, { details: { argument: keyField } });
      }
      try {
        return await load(key);
      } catch (error) {
        return error instanceof Error ? error : new Error(String(error));
      }
    }),
  );
}
