/**
 * Signs context tokens: what the gateway does for every subgraph call, and
 * what tests do to call a verify-mode subgraph. Deliberately tiny (jose's
 * `SignJWT`), so the gateway can keep its own copy without depending on the SDK.
 */
import { importJWK, SignJWT, type KeyLike } from 'jose';
import { CONTEXT_TOKEN_ALGORITHM } from './context-token';
import { DEFAULT_CONTEXT_TOKEN_ISSUER, type JsonWebKey } from './subgraph-security';

/** Options of {@link createContextTokenSigner}. */
export interface ContextTokenSignerOptions {
  /** The Ed25519 private key (`{ kty: 'OKP', crv: 'Ed25519', x, d }`); its `kid`, if any, goes into the header. */
  readonly privateKeyJwk: JsonWebKey;
  /** @default 'govgraph-gateway' */
  readonly issuer?: string;
  /** Lifetime of a token, in seconds. @default 60 */
  readonly ttlSeconds?: number;
}

/** What one token says. */
export interface ContextTokenRequest {
  /** The subgraph the call goes to (`aud`). */
  readonly audience: string;
  /** The application id, or `govgraph-gateway` for the gateway's own calls (`sub`). */
  readonly subject: string;
  /** The end user's subject (`usr`). */
  readonly userSubject?: string;
  /** The declared purpose (`pur`). */
  readonly purpose?: string;
  /** The request id (`rid`). */
  readonly requestId: string;
}

/** Signs context tokens with one key. */
export interface ContextTokenSigner {
  /** A compact JWS for the `x-govgraph-context` header. */
  sign(request: ContextTokenRequest): Promise<string>;
}

/** Creates a signer; throws a `TypeError` for a key that is not an Ed25519 private JWK or a bad `ttlSeconds`. */
export function createContextTokenSigner(options: ContextTokenSignerOptions): ContextTokenSigner {
  const { privateKeyJwk } = options;
  if (privateKeyJwk.kty !== 'OKP' || privateKeyJwk.crv !== 'Ed25519' || typeof privateKeyJwk.d !== 'string') {
    throw new TypeError('createContextTokenSigner: privateKeyJwk must be an Ed25519 private JWK ({ kty: "OKP", crv: "Ed25519", x, d })');
  }
  const ttlSeconds = options.ttlSeconds ?? 60;
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > 3600) throw new TypeError(`createContextTokenSigner: ttlSeconds must be an integer from 1 to 3600, got ${ttlSeconds}`);
  const issuer = options.issuer ?? DEFAULT_CONTEXT_TOKEN_ISSUER;
  const header = { alg: CONTEXT_TOKEN_ALGORITHM, typ: 'JWT', ...(privateKeyJwk.kid ? { kid: privateKeyJwk.kid } : {}) };
  let key: Promise<KeyLike | Uint8Array> | undefined;
  return {
    async sign(request) {
      key ??= importJWK({ ...privateKeyJwk, alg: CONTEXT_TOKEN_ALGORITHM }, CONTEXT_TOKEN_ALGORITHM);
      const claims: Record<string, string> = { rid: request.requestId };
      if (request.userSubject !== undefined) claims['usr'] = request.userSubject;
      if (request.purpose !== undefined) claims['pur'] = request.purpose;
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT(claims)
        .setProtectedHeader(header)
        .setIssuer(issuer)
        .setAudience(request.audience)
        .setSubject(request.subject)
        .setIssuedAt(now)
        .setExpirationTime(now + ttlSeconds)
        .sign(await key);
    },
  };
}
