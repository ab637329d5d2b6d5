/**
 * The request in progress, carried through async calls with AsyncLocalStorage,
 * for the code that runs outside any GraphQL context: yoga's own logging of
 * masked errors, access logging, the response header. One store per gateway
 * instance (no module-level singleton), created in `createGateway`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../logger';

/** What the gateway knows of the request in progress. */
export interface RequestScope {
  /** The request id (see `useRequestId`). */
  readonly requestId: string;
  /** A child logger bound to `requestId`. */
  readonly logger: Logger;
  /** `performance.now()` when the request arrived. */
  readonly startedAt: number;
}

/** A store of the current {@link RequestScope}. */
export interface RequestScopeStore {
  /** Runs `fn` with `scope` as the current request. */
  run<T>(scope: RequestScope, fn: () => T): T;
  /** The current request, or `undefined` outside one. */
  current(): RequestScope | undefined;
}

/** Creates a store; `useRequestId` fills it, everything else reads it. */
export function createRequestScopeStore(): RequestScopeStore {
  const storage = new AsyncLocalStorage<RequestScope>();
  return {
    run: (scope, fn) => storage.run(scope, fn),
    current: () => storage.getStore(),
  };
}
