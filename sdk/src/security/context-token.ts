/**
 * The gateway's signed context token: a short-lived JWT (EdDSA, Ed25519) the
 * gateway puts on every subgraph call, saying which application (and end
 * user, and purpose) the call is for. The subgraph verifies it, so a caller
 * that goes around the gateway cannot claim to be an application.
 *
 * Claims: `iss` (`govgraph-gateway`), `aud` (the subgraph's name), `sub` (the
 * application id, or `govgraph-gateway` for the gateway's own calls), `usr?`
 * (end-user subject), `pur?` (purpose), `rid?` (request id), `iat`, `exp`.
 */

/** The request header that carries the token. */
export const CONTEXT_TOKEN_HEADER = 'x-govgraph-context';

/** The only signing algorithm accepted: EdDSA over Ed25519 (`alg: 'none'` and HMAC are refused). */
export const CONTEXT_TOKEN_ALGORITHM = 'EdDSA';

/** `sub` of the tokens the gateway signs for its own calls (`_service` at composition, readiness). */
export const GATEWAY_SUBJECT = 'govgraph-gateway';

/** In development mode: the header that names the calling application (else `development`). */
export const DEVELOPMENT_APPLICATION_HEADER = 'x-govgraph-application';

/** The claims of a context token. */
export interface ContextTokenClaims {
  readonly iss: string;
  readonly aud: string;
  readonly sub: string;
  readonly usr?: string;
  readonly pur?: string;
  readonly rid?: string;
  readonly iat: number;
  readonly exp: number;
}
