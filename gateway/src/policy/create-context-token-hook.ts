/**
 * The data source's `willSendRequest` hook of the access-control chain: it
 * notes the subgraph as called (for the audit record) and signs the context
 * token of the call from the request's principal. Calls outside a client
 * request (readiness, composition) are signed as the gateway itself.
 *
 * A query plan calls one subgraph several times (the benchmark's plan: 16
 * fetches to 4 subgraphs), and every call of one request carries the same
 * claims, so a request signs one token per subgraph and reuses it for its
 * later calls to that subgraph while it is fresh (under half its lifetime).
 * The claims, `rid` included, are exactly those of a token signed per call.
 */
import type { WillSendSubgraphRequest } from '../datasources/subgraph-data-source';
import { CONTEXT_TOKEN_HEADER, CONTEXT_TOKEN_TTL_SECONDS, GATEWAY_SUBJECT, type ContextTokenSigner } from './context-token-signer';
import { findRequestAccess, noteSubgraphCalled } from './request-access';

/** Options of {@link createContextTokenHook}. */
export interface ContextTokenHookOptions {
  readonly signer: ContextTokenSigner;
  /** `sub` of client calls without a principal (open mode). @default 'anonymous' */
  readonly anonymousSubject?: string;
  /** Clock (ms), the signer's. @default Date.now */
  readonly now?: () => number;
}

/** A token signed for one (request, subgraph). */
interface SignedToken {
  readonly token: string;
  readonly signedAt: number;
}

/** A token is reused for at most half its lifetime, so a reused token always has 30 s or more left. */
const REUSE_MS = (CONTEXT_TOKEN_TTL_SECONDS * 1000) / 2;

/** Creates the hook. */
export function createContextTokenHook(options: ContextTokenHookOptions): WillSendSubgraphRequest {
  const { signer } = options;
  const anonymous = options.anonymousSubject ?? 'anonymous';
  const now = options.now ?? Date.now;
  // Per request (its GraphQL context, which lives exactly as long as the request): subgraph → token.
  const signed = new WeakMap<object, Map<string, SignedToken>>();
  return async ({ subgraph, headers, call }) => {
    const context = call.context;
    const state = findRequestAccess(context?.request);
    if (state) noteSubgraphCalled(state, subgraph);
    let tokens = context ? signed.get(context) : undefined;
    const reusable = tokens?.get(subgraph);
    const time = now();
    if (reusable && time - reusable.signedAt < REUSE_MS) {
      headers[CONTEXT_TOKEN_HEADER] = reusable.token;
      return;
    }
    const principal = context?.principal;
    const token = await signer.sign({
      subgraph,
      subject: principal?.applicationId ?? (context ? anonymous : GATEWAY_SUBJECT),
      userSubject: principal?.userSubject,
      purpose: principal?.purpose,
      requestId: call.requestId,
    });
    headers[CONTEXT_TOKEN_HEADER] = token;
    if (!context) return;
    if (!tokens) signed.set(context, (tokens = new Map()));
    tokens.set(subgraph, { token, signedAt: time });
  };
}

/** Headers of the gateway's own calls to `subgraph` (composition, readiness). */
export function gatewayCallHeaders(signer: ContextTokenSigner): (subgraph: string) => Promise<Record<string, string>> {
  return async (subgraph) => ({ [CONTEXT_TOKEN_HEADER]: await signer.sign({ subgraph, subject: GATEWAY_SUBJECT }) });
}
