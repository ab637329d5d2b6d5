/**
 * The `security` option of a subgraph from its environment, the same in
 * every subgraph's `main.ts` (which passes `process.env`: only `main.ts`
 * reads the environment). Values are passed on as given and judged by
 * `subgraphSecuritySchema`, so a config error shows what was set.
 *
 * | variable | meaning |
 * |---|---|
 * | `GOVGRAPH_DEV_MODE=1` | development mode: every caller trusted, no token (never in production) |
 * | `GATEWAY_JWKS_URL` | verify mode: the gateway's JWKS, e.g. `http://gateway:4000/.well-known/govgraph-jwks.json` |
 * | `GATEWAY_PUBLIC_KEY_JWK` | verify mode: the gateway's Ed25519 public key as one JWK (JSON) |
 */

/** What to tell an operator who set none of the variables. */
export const SECURITY_ENVIRONMENT_HELP = `Say how this subgraph trusts its callers (one of):
  GATEWAY_JWKS_URL=<url>          verify the gateway's context token with the gateway's JWKS
                                  (e.g. http://127.0.0.1:4000/.well-known/govgraph-jwks.json)
  GATEWAY_PUBLIC_KEY_JWK=<json>   verify it with the gateway's Ed25519 public key, one JWK as JSON
  GOVGRAPH_DEV_MODE=1             development only: trust every caller, no token checked
`;

/** The environment, as `process.env` has it. */
export type SecurityEnvironment = Readonly<Record<string, string | undefined>>;

/**
 * Reads `GOVGRAPH_DEV_MODE`, `GATEWAY_JWKS_URL` and `GATEWAY_PUBLIC_KEY_JWK`;
 * returns the `security` input for the subgraph's config, or `undefined` when
 * none is set (the caller then stops with {@link SECURITY_ENVIRONMENT_HELP}).
 * A JWK that is not JSON is passed on as the string, for the schema to refuse.
 */
export function securityInputFromEnv(env: SecurityEnvironment): Record<string, unknown> | undefined {
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };
  if (value('GOVGRAPH_DEV_MODE') === '1') return { mode: 'development' };
  const jwksUrl = value('GATEWAY_JWKS_URL');
  const jwkText = value('GATEWAY_PUBLIC_KEY_JWK');
  if (jwksUrl === undefined && jwkText === undefined) return undefined;
  let publicKeyJwk: unknown;
  if (jwkText !== undefined) {
    try {
      publicKeyJwk = JSON.parse(jwkText) as unknown;
    } catch {
      publicKeyJwk = jwkText;
    }
  }
  return { mode: 'verify', ...(jwksUrl !== undefined ? { jwksUrl } : {}), ...(publicKeyJwk !== undefined ? { publicKeyJwk } : {}) };
}
