/**
 * The request in progress, carried through async calls with AsyncLocalStorage
 * so that a source can log with the request id and forward it to the legacy
 * system without every resolver passing it down by hand.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../logger';

/** Header that carries the request id from the client, through the gateway, to subgraphs and legacy systems. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** What a source may know of the request that caused its call. */
export interface RequestScope {
  /** The request id (from the `x-request-id` header, or created by the subgraph). */
  readonly requestId: string;
  /** A child logger bound to the request id and subgraph. */
  readonly logger: Logger;
  /** Aborted when the client's request is gone. */
  readonly signal?: AbortSignal;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` with `scope` as the current request. */
export function runInRequestScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

/** The current request, or `undefined` outside one (start-up, health checks). */
export function getRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

/** Accepts a caller-supplied request id only if it is short and plain; otherwise a fresh one is made. */
export function normaliseRequestId(value: string | null | undefined, create: () => string): string {
  if (value && /^[A-Za-z0-9._:-]{1,128}$/.test(value)) return value;
  return create();
}
