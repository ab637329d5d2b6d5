/**
 * The context every gateway request carries through yoga/envelop plugins and
 * into subgraph calls. Policy plugins (authentication, grants, rate limits,
 * audit) extend it; they read it, they never reach for globals.
 */
import type { YogaInitialContext } from 'graphql-yoga';
import type { Logger } from '../logger';

/** The GraphQL context of one gateway request. */
export interface GatewayContext extends YogaInitialContext {
  /** The request id: the client's `x-request-id` if short and plain, else a fresh UUID. */
  readonly requestId: string;
  /** A child logger bound to `requestId`. */
  readonly logger: Logger;
}
