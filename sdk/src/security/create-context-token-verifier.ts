/**
 * Verifies the gateway's context token (see `context-token.ts`): EdDSA only,
 * the configured issuer, this subgraph as the audience, not expired, and the
 * claims of the right types. The key comes from one JWK, a static JWKS or the
 * gateway's JWKS URL (fetched on first use, cached, refetched when a token
 * names an unknown `kid`, so a key rotation on the gateway needs no restart).
 */
import { createLocalJWKSet, createRemoteJWKSet, importJWK, jwtVerify, type JWTPayload, type JWTVerifyOptions, type KeyLike } from 'jose';
import type { Caller } from './caller';
import { CONTEXT_TOKEN_ALGORITHM } from './context-token';
import type { SubgraphSecurity } from './subgraph-security';

/** The outcome of verifying one token: the caller, or why the token was refused (for the log; never sent to the client). */
export type ContextTokenVerification = { readonly ok: true; readonly caller: Caller } | { readonly ok: false; readonly reason: string };

/** @internal Verifies context tokens for one subgraph. */
export interface ContextTokenVerifier {
  /** Verifies `token` (the header's value, `null` when absent); `requestId` fills `caller.requestId` when the token has no `rid`. */
  verify(token: string | null, requestId: string): Promise<ContextTokenVerification>;
}

type VerifySecurity = Extract<SubgraphSecurity, { mode: 'verify' }>;

/** @internal Builds the verifier of a verify-mode subgraph; `audience` is the subgraph's name unless the options say otherwise. */
export function createContextTokenVerifier(security: VerifySecurity, subgraphName: string): ContextTokenVerifier {
  const options: JWTVerifyOptions = {
    algorithms: [CONTEXT_TOKEN_ALGORITHM],
    issuer: security.issuer,
    audience: security.audience ?? subgraphName,
    clockTolerance: security.clockToleranceSeconds,
    requiredClaims: ['iss', 'aud', 'sub', 'iat', 'exp'],
  };
  const check = keyedVerify(security, options);
  return {
    async verify(token, requestId) {
      if (token === null || token.trim() === '') return { ok: false, reason: 'no x-govgraph-context header' };
      let payload: JWTPayload;
      try {
        payload = await check(token.trim());
      } catch (error) {
        return { ok: false, reason: describeFailure(error) };
      }
      return callerOf(payload, requestId);
    },
  };
}

function keyedVerify(security: VerifySecurity, options: JWTVerifyOptions): (token: string) => Promise<JWTPayload> {
  if (security.publicKeyJwk) {
    let key: Promise<KeyLike | Uint8Array> | undefined;
    const jwk = security.publicKeyJwk;
    return async (token) => {
      key ??= importJWK({ ...jwk, alg: CONTEXT_TOKEN_ALGORITHM }, CONTEXT_TOKEN_ALGORITHM);
      return (await jwtVerify(token, await key, options)).payload;
    };
  }
  const keySet = security.jwks
    ? createLocalJWKSet({ keys: security.jwks.keys.map((key) => ({ ...key })) })
    : createRemoteJWKSet(new URL(security.jwksUrl), { timeoutDuration: 2000, cooldownDuration: 10_000, cacheMaxAge: 10 * 60_000 });
  return async (token) => (await jwtVerify(token, keySet, options)).payload;
}

function callerOf(payload: JWTPayload, requestId: string): ContextTokenVerification {
  const { sub, usr, pur, rid } = payload as JWTPayload & { usr?: unknown; pur?: unknown; rid?: unknown };
  if (typeof sub !== 'string' || sub === '') return { ok: false, reason: 'claim "sub" is not a non-empty string' };
  for (const [name, value] of [['usr', usr], ['pur', pur], ['rid', rid]] as const) {
    if (value !== undefined && typeof value !== 'string') return { ok: false, reason: `claim "${name}" is not a string` };
  }
  return {
    ok: true,
    caller: Object.freeze({
      applicationId: sub,
      ...(typeof usr === 'string' ? { userSubject: usr } : {}),
      ...(typeof pur === 'string' ? { purpose: pur } : {}),
      requestId: typeof rid === 'string' && rid !== '' ? rid : requestId,
    }),
  };
}

function describeFailure(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' ? `${code}: ${message}` : message;
}
