/**
 * The gateway-signed context token (issue 4 design): a short-lived JWT on
 * every subgraph call, header `x-govgraph-context`, EdDSA (Ed25519), saying
 * which application (and end user, purpose, request) the call is for. The
 * SDK verifies it against the gateway's JWKS, so a subgraph refuses calls
 * that did not come through the gateway's policy chain. The gateway's own
 * calls (composition `_service`, readiness probes) carry one with
 * `sub: 'govgraph-gateway'`.
 *
 * Signing is on the request path (a token per subgraph call), so it is done
 * with `node:crypto` directly over a header encoded once, not through jose's
 * `SignJWT` builder: the token is the same compact JWS, verified by jose in
 * the SDK, for a fraction of the cost.
 */
import { KeyObject, sign as signBytes } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';

/** Header carrying the token to subgraphs. */
export const CONTEXT_TOKEN_HEADER = 'x-govgraph-context';
/** `iss` of every context token. */
export const CONTEXT_TOKEN_ISSUER = 'govgraph-gateway';
/** `sub` of the gateway's own calls. */
export const GATEWAY_SUBJECT = 'govgraph-gateway';
/** Path of the gateway's JWKS. */
export const CONTEXT_TOKEN_JWKS_PATH = '/.well-known/govgraph-jwks.json';
/** Lifetime of a token. */
export const CONTEXT_TOKEN_TTL_SECONDS = 60;

/** The claims a caller provides. */
export interface ContextTokenClaims {
  /** `aud`: the subgraph's name. */
  readonly subgraph: string;
  /** `sub`: the application id, or {@link GATEWAY_SUBJECT}. */
  readonly subject: string;
  /** `usr`: the end user's subject. */
  readonly userSubject?: string | undefined;
  /** `pur`: the declared purpose. */
  readonly purpose?: string | undefined;
  /** `rid`: the request id. */
  readonly requestId?: string | undefined;
}

/** Key pair of {@link createContextTokenSigner}: Ed25519 JWKs (`kty: OKP`, `crv: Ed25519`). */
export interface ContextTokenKeys {
  readonly privateKeyJwk: JWK;
  readonly publicKeyJwk: JWK;
}

/** Signs context tokens and publishes the key to verify them. */
export interface ContextTokenSigner {
  sign(claims: ContextTokenClaims): Promise<string>;
  /** `{ keys: [publicJwk] }` with `kid`, `alg: EdDSA`, `use: sig`. */
  readonly jwks: { readonly keys: readonly JWK[] };
}

/**
 * Creates the signer from `keys`, or from a fresh key pair when none are
 * given (tokens then verify only against this process's JWKS: fine for one
 * replica, give every replica the same keys otherwise).
 */
export async function createContextTokenSigner(keys?: ContextTokenKeys, now: () => number = Date.now): Promise<ContextTokenSigner> {
  let privateKey: KeyLike | Uint8Array;
  let publicJwk: JWK;
  if (keys) {
    for (const [name, jwk] of [['privateKeyJwk', keys.privateKeyJwk], ['publicKeyJwk', keys.publicKeyJwk]] as const) {
      if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519') throw new TypeError(`contextToken.${name} must be an Ed25519 JWK (kty "OKP", crv "Ed25519")`);
    }
    if (typeof keys.privateKeyJwk.d !== 'string') throw new TypeError('contextToken.privateKeyJwk has no private part ("d")');
    if (keys.privateKeyJwk.x !== keys.publicKeyJwk.x) throw new TypeError('contextToken.privateKeyJwk and publicKeyJwk are not one key pair');
    privateKey = await importJWK(keys.privateKeyJwk, 'EdDSA');
    publicJwk = { kty: 'OKP', crv: 'Ed25519', x: keys.publicKeyJwk.x };
  } else {
    const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    privateKey = pair.privateKey;
    const exported = await exportJWK(pair.publicKey);
    publicJwk = { kty: 'OKP', crv: 'Ed25519', x: exported.x };
  }
  const kid = await calculateJwkThumbprint(publicJwk);
  const jwks = Object.freeze({ keys: Object.freeze([Object.freeze({ ...publicJwk, kid, alg: 'EdDSA', use: 'sig' })]) });
  const keyObject = toKeyObject(privateKey);
  const encodedHeader = base64url(JSON.stringify({ alg: 'EdDSA', kid, typ: 'JWT' }));
  return {
    jwks,
    sign(claims) {
      const issuedAt = Math.floor(now() / 1000);
      const payload: Record<string, string | number> = {};
      if (claims.userSubject !== undefined) payload['usr'] = claims.userSubject;
      if (claims.purpose !== undefined) payload['pur'] = claims.purpose;
      if (claims.requestId !== undefined) payload['rid'] = claims.requestId;
      payload['iss'] = CONTEXT_TOKEN_ISSUER;
      payload['aud'] = claims.subgraph;
      payload['sub'] = claims.subject;
      payload['iat'] = issuedAt;
      payload['exp'] = issuedAt + CONTEXT_TOKEN_TTL_SECONDS;
      const signingInput = `${encodedHeader}.${base64url(JSON.stringify(payload))}`;
      const signature = signBytes(null, Buffer.from(signingInput), keyObject).toString('base64url');
      return Promise.resolve(`${signingInput}.${signature}`);
    },
  };
}

function base64url(text: string): string {
  return Buffer.from(text).toString('base64url');
}

/** jose imports and generates Ed25519 keys as `KeyObject`s on Node; anything else is refused, not guessed at. */
function toKeyObject(key: KeyLike | Uint8Array): KeyObject {
  if (!(key instanceof KeyObject) || key.type !== 'private' || key.asymmetricKeyType !== 'ed25519') {
    throw new TypeError('contextToken: the private key is not an Ed25519 private key');
  }
  return key;
}
