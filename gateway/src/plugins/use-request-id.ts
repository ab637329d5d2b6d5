/**
 * Gives every request an id that follows it into every log line, every
 * subgraph call and back to the client, so one id finds a request across the
 * gateway, the subgraphs and the legacy systems behind them. A client's own
 * `x-request-id` is kept only when it is short and plain; anything else (too
 * long, spaces, control characters that could forge log lines) is replaced.
 */
import { randomUUID } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logger';
import type { RequestScopeStore } from './request-scope';
import type { GatewayContext, Principal } from './types';

/** Header carrying the request id from the client, through the gateway, to subgraphs; echoed in responses. */
export const REQUEST_ID_HEADER = 'x-request-id';

const PLAIN_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Returns `value` if it is a short, plain request id, else a fresh one from `create`. */
export function normaliseRequestId(value: string | null | undefined, create: () => string = randomUUID): string {
  return value && PLAIN_REQUEST_ID.test(value) ? value : create();
}

/** Options of {@link useRequestId}. */
export interface RequestIdOptions {
  /** The gateway's root logger; each request gets a child bound to its id. */
  logger: Logger;
  /** Where the request's scope is kept for code outside the GraphQL context. */
  scopes: RequestScopeStore;
  /** Makes a fresh id. @default crypto.randomUUID */
  createId?: () => string;
  /**
   * The principal of a request, put into the context with the request id (the access-control chain's, so the
   * context is extended once per request, not once per step). @default none
   */
  principalOf?: ((request: Request) => Principal | undefined) | undefined;
}

/**
 * Takes or creates the request id, runs the rest of the request in its
 * {@link RequestScope}, puts `requestId`, a bound `logger` and the
 * principal (`principalOf`) into the GraphQL context and echoes the id in
 * the `x-request-id` response header.
 */
export function useRequestId(options: RequestIdOptions): Plugin<GatewayContext> {
  const { logger, scopes, principalOf } = options;
  const createId = options.createId ?? randomUUID;
  return {
    instrumentation: {
      request({ request }, wrapped) {
        const requestId = normaliseRequestId(request.headers.get(REQUEST_ID_HEADER), createId);
        return scopes.run({ requestId, logger: logger.child({ requestId }), startedAt: performance.now() }, wrapped);
      },
    },
    onContextBuilding({ context, extendContext }) {
      const scope = scopes.current();
      const principal = principalOf?.(context.request);
      if (scope) extendContext(principal ? { requestId: scope.requestId, logger: scope.logger, principal } : { requestId: scope.requestId, logger: scope.logger });
      else if (principal) extendContext({ principal });
    },
    onResponse({ response }) {
      const scope = scopes.current();
      if (scope) response.headers.set(REQUEST_ID_HEADER, scope.requestId);
    },
  };
}
