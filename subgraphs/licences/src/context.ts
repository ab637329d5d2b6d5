/**
 * What the licences subgraph's resolvers receive: the SDK context over this
 * subgraph's one source (the licence library) and its per-request loaders.
 */
import type { SubgraphContext } from '@govgraph/sdk';
import type { SqlSource } from '@govgraph/connector-sql';
import type { LicenceTypeLoaders } from './licence-type/licence-type.loader';
import type { LicenceLoaders } from './licence/licence.loader';

/** The subgraph's sources. */
export type LicencesSources = {
  /** The electronic licence library (电子证照库), a SQL database. */
  readonly licenceDb: SqlSource;
};

/** The per-request loaders. */
export type LicencesLoaders = LicenceLoaders & LicenceTypeLoaders;

/** The GraphQL context of every resolver here. */
export type LicencesContext = SubgraphContext<LicencesSources, LicencesLoaders>;
