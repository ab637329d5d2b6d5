/**
 * The subgraph's side of the gateway's context token, as a yoga plugin that
 * runs on every request that reaches it (the operational endpoints `/healthz`,
 * `/readyz` and `/metrics` answer before it and need no token). In verify
 * mode a request without a valid token is answered 401 `UNAUTHENTICATED`
 * before anything is parsed or executed; the verified caller is recorded for
 * the request's context. In development mode the caller is taken on trust
 * from the `x-govgraph-application` header.
 */
import type { Plugin } from 'graphql-yoga';
import { Counter, type Registry } from 'prom-client';
import type { Logger } from '../logger';
import type { Caller } from './caller';
import { CONTEXT_TOKEN_HEADER, DEVELOPMENT_APPLICATION_HEADER } from './context-token';
import { createContextTokenVerifier } from './create-context-token-verifier';
import type { SubgraphSecurity } from './subgraph-security';

/** The message of the 401 answer: the same whatever was wrong (the reason is logged, not told). */
export const UNAUTHENTICATED_MESSAGE = 'Missing or invalid gateway context token';

/** The application id of development-mode callers that do not name one. */
export const DEVELOPMENT_APPLICATION_ID = 'development';

/** @internal Options of {@link useContextToken}. */
export interface ContextTokenPluginOptions {
  readonly security: SubgraphSecurity;
  readonly subgraph: string;
  readonly logger: Logger;
  readonly metrics: Registry;
  /** This request's id (memoised per request by the caller of the plugin). */
  readonly requestIdOf: (request: Request) => string;
  /** Where the plugin records each admitted request's caller, for the context factory. */
  readonly callers: WeakMap<Request, Caller>;
}

/** @internal Verifies (or, in development mode, trusts) the caller of every non-operational request. */
export function useContextToken(options: ContextTokenPluginOptions): Plugin {
  const { security, callers, requestIdOf, logger } = options;
  if (security.mode === 'development') {
    return {
      onRequest({ request }) {
        const named = request.headers.get(DEVELOPMENT_APPLICATION_HEADER)?.trim();
        const applicationId = named && /^[A-Za-z0-9._:@-]{1,128}$/.test(named) ? named : DEVELOPMENT_APPLICATION_ID;
        callers.set(request, Object.freeze({ applicationId, requestId: requestIdOf(request) }));
      },
    };
  }
  const verifier = createContextTokenVerifier(security, options.subgraph);
  const refused = new Counter({
    name: 'govgraph_subgraph_unauthenticated_requests_total',
    help: 'Requests refused for a missing or invalid gateway context token.',
    registers: [options.metrics],
  });
  return {
    async onRequest({ request, endResponse, fetchAPI }) {
      const requestId = requestIdOf(request);
      const result = await verifier.verify(request.headers.get(CONTEXT_TOKEN_HEADER), requestId);
      if (result.ok) {
        callers.set(request, result.caller);
        return;
      }
      refused.inc();
      logger.warn({ requestId, reason: result.reason }, 'refused a request without a valid gateway context token');
      endResponse(
        new fetchAPI.Response(
          JSON.stringify({ errors: [{ message: UNAUTHENTICATED_MESSAGE, extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } }] }),
          { status: 401, headers: { 'content-type': 'application/json; charset=utf-8', 'x-request-id': requestId } },
        ),
      );
    },
  };
}
