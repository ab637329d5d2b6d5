import type { Logger } from '../logger';
import type { Caller } from '../security/caller';
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
  /** A logger bound to the subgraph, request id and calling application. */
  readonly logger: Logger;
  /** Who is calling: the application (and end user, purpose) the gateway's context token vouches for. */
  readonly caller: Caller;
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
  /** Who is calling (see `SubgraphContext.caller`). */
  readonly caller: Caller;
}
