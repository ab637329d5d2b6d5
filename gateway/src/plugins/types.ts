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
  /** Who is calling, once `useApplicationAuth` identified the application (absent in open mode). */
  readonly principal?: Principal;
}

/** The identified caller of a request: what the context token tells subgraphs. */
export interface Principal {
  readonly applicationId: string;
  readonly applicationName: string;
  /** How the application proved itself. */
  readonly credential: 'api-key' | 'client-credentials';
  /** The verified end user's subject (`x-end-user-token`), if any. */
  readonly userSubject?: string;
  /** The declared purpose (`x-purpose`), if any. */
  readonly purpose?: string;
}
