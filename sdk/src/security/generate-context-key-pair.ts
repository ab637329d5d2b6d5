/**
 * A fresh Ed25519 key pair for context tokens, as JWKs: the gateway signs
 * with the private one, subgraphs verify with the public one. Used by tests
 * and by the gateway when no key is configured (a key made at start lives as
 * long as the process; subgraphs then read it from the gateway's JWKS URL).
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import type { JsonWebKey } from './subgraph-security';

/** A context-token key pair; both carry the same `kid` (the RFC 7638 thumbprint), `alg: 'EdDSA'` and `use: 'sig'`. */
export interface ContextKeyPair {
  /** Keep it secret: only the gateway holds it. */
  readonly privateKeyJwk: JsonWebKey;
  /** Give it to subgraphs (`security.publicKeyJwk`) or publish it in a JWKS. */
  readonly publicKeyJwk: JsonWebKey;
}

/** Generates an Ed25519 key pair for signing context tokens. */
export function generateContextKeyPair(): ContextKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicJwk = publicKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string };
  const privateJwk = privateKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string; d: string };
  const kid = jwkThumbprint(publicJwk);
  const common = { kty: publicJwk.kty, crv: publicJwk.crv, x: publicJwk.x, kid, alg: 'EdDSA', use: 'sig' };
  return Object.freeze({ privateKeyJwk: Object.freeze({ ...common, d: privateJwk.d }), publicKeyJwk: Object.freeze(common) });
}

/** RFC 7638 thumbprint of an OKP key: SHA-256 over `{"crv","kty","x"}` in that order, base64url. */
function jwkThumbprint(jwk: { kty: string; crv: string; x: string }): string {
  return createHash('sha256').update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x })).digest('base64url');
}
