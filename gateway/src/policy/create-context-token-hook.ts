/**
 * The data source's `willSendRequest` hook of the access-control chain: it
 * notes the subgraph as called (for the audit record) and signs the context
 * token of the call from the request's principal. Calls outside a client
 * request (readiness, composition) are signed as the gateway itself.
 */
import type { WillSendSubgraphRequest } from '../datasources/subgraph-data-source';
import { CONTEXT_TOKEN_HEADER, GATEWAY_SUBJECT, type ContextTokenSigner } from './context-token-signer';
import { findRequestAccess } from './request-access';

/** Options of {@link createContextTokenHook}. */
export interface ContextTokenHookOptions {
  readonly signer: ContextTokenSigner;
  /** `sub` of client calls without a principal (open mode). @default 'anonymous' */
  readonly anonymousSubject?: string;
}

/** Creates the hook. */
export function createContextTokenHook(options: ContextTokenHookOptions): WillSendSubgraphRequest {
  const { signer } = options;
  const anonymous = options.anonymousSubject ?? 'anonymous';
  return async ({ subgraph, headers, call }) => {
    const context = call.context;
    findRequestAccess(context?.request)?.subgraphs.add(subgraph);
    const principal = context?.principal;
    headers[CONTEXT_TOKEN_HEADER] = await signer.sign({
      subgraph,
      subject: principal?.applicationId ?? (context ? anonymous : GATEWAY_SUBJECT),
      userSubject: principal?.userSubject,
      purpose: principal?.purpose,
      requestId: call.requestId,
    });
  };
}

/** Headers of the gateway's own calls to `subgraph` (composition, readiness). */
export function gatewayCallHeaders(signer: ContextTokenSigner): (subgraph: string) => Promise<Record<string, string>> {
  return async (subgraph) => ({ [CONTEXT_TOKEN_HEADER]: await signer.sign({ subgraph, subject: GATEWAY_SUBJECT }) });
}
