/**
 * Serves the public key of the gateway's context tokens at
 * `GET /.well-known/govgraph-jwks.json`, where subgraphs (the SDK's verify
 * mode) fetch it. Public by nature: it needs no credential.
 */
import type { Plugin } from 'graphql-yoga';
import { CONTEXT_TOKEN_JWKS_PATH, type ContextTokenSigner } from '../policy/context-token-signer';
import type { GatewayContext } from './types';

/** Answers the JWKS path from `signer`. */
export function useContextTokenJwks(signer: Pick<ContextTokenSigner, 'jwks'>): Plugin<GatewayContext> {
  const body = JSON.stringify(signer.jwks);
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== CONTEXT_TOKEN_JWKS_PATH || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : body, {
          status: 200,
          headers: { 'content-type': 'application/jwk-set+json', 'cache-control': 'public, max-age=300' },
        }),
      );
    },
  };
}
