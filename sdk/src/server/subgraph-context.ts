import type { Logger } from '../logger';
import type { Source } from '../source';

/**
 * What every resolver of a govgraph subgraph receives as its GraphQL context
 * (`@Ctx() ctx: SubgraphContext<MySources, MyLoaders>`): fresh per request.
 */
export interface SubgraphContext<
  TSources extends Readonly<Record<string, Source>> = Readonly<Record<string, Source>>,
  TLoaders = Readonly<Record<string, unknown>>,
> {
  /** The subgraph's name. */
  readonly subgraph: string;
  /** The request id the gateway passed on (or one created here). */
  readonly requestId: string;
  /** A logger bound to the subgraph and request id. */
  readonly logger: Logger;
  /** The subgraph's sources, started. */
  readonly sources: TSources;
  /** This request's DataLoaders, made by the subgraph's `loaders` factory. */
  readonly loaders: TLoaders;
}

/** Given to a subgraph's `loaders` factory once per request. */
export interface LoaderFactoryContext<TSources extends Readonly<Record<string, Source>>> {
  readonly sources: TSources;
  readonly requestId: string;
  readonly logger: Logger;
}
