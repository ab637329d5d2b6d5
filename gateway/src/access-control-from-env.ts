/**
 * The environment → access-control mapping `main.ts` uses. The gateway
 * command refuses to start without an explicit choice: a government gateway
 * must never run open because a variable was forgotten.
 *
 * | variable | meaning |
 * |---|---|
 * | `GATEWAY_ACCESS_CONTROL` | `enforce` or `open` (required) |
 * | `REGISTRY_URL` (or `DATABASE_URL`) | registry database (`file:./.data/registry.db`, `postgresql://…`); enforce |
 * | `GATEWAY_API_KEY_PEPPER` | pepper of API-key hashes, ≥ 16 characters; enforce |
 * | `REDIS_URL` | share rate limits and quotas between replicas (`redis://…`) |
 * | `REDIS_KEY_PREFIX` | prefix of the rate-limit keys in Redis (@default `govgraph:rl:`) |
 * | `GATEWAY_REGISTRY_POLL_MS` | registry poll interval (@default 2000) |
 * | `GATEWAY_CONTEXT_TOKEN_PRIVATE_JWK`, `GATEWAY_CONTEXT_TOKEN_PUBLIC_JWK` | Ed25519 key pair (JSON JWKs); @default generated at start |
 * | `OAUTH_JWKS_URL`, `OAUTH_ISSUER`, `OAUTH_AUDIENCE`, `OAUTH_APPLICATION_CLAIM` | accept client-credentials tokens |
 * | `END_USER_JWKS_URL`, `END_USER_ISSUER`, `END_USER_AUDIENCE` | verify end-user tokens |
 */
import { GW_ERRORS } from './errors';
import type { Environment } from './config-from-env';
import type { ContextTokenKeys } from './policy/context-token-signer';

/** What the environment asks for; `main.ts` opens the registry and Redis from it. */
export type AccessControlEnv =
  | { readonly mode: 'open'; readonly contextToken?: ContextTokenKeys }
  | {
      readonly mode: 'enforce';
      readonly registryUrl: string;
      readonly pepper: string;
      readonly redisUrl?: string;
      readonly redisKeyPrefix?: string;
      readonly registryPollMs?: number;
      readonly contextToken?: ContextTokenKeys;
      readonly clientCredentials?: { jwksUrl: string; issuer: string; audience: string; applicationClaim?: string };
      readonly endUsers?: { jwksUrl: string; issuer: string; audience: string };
    };

/**
 * Reads the access-control variables.
 * @throws GatewayError `GW_CONFIG_INVALID` listing every problem
 */
export function accessControlFromEnv(env: Environment): AccessControlEnv {
  const problems: string[] = [];
  const mode = env['GATEWAY_ACCESS_CONTROL']?.trim();
  let contextToken: ContextTokenKeys | undefined;
  const privateJwk = env['GATEWAY_CONTEXT_TOKEN_PRIVATE_JWK'];
  const publicJwk = env['GATEWAY_CONTEXT_TOKEN_PUBLIC_JWK'];
  if (privateJwk || publicJwk) {
    try {
      contextToken = { privateKeyJwk: JSON.parse(privateJwk ?? '') as ContextTokenKeys['privateKeyJwk'], publicKeyJwk: JSON.parse(publicJwk ?? '') as ContextTokenKeys['publicKeyJwk'] };
    } catch {
      problems.push('GATEWAY_CONTEXT_TOKEN_PRIVATE_JWK and GATEWAY_CONTEXT_TOKEN_PUBLIC_JWK must both be JSON JWKs');
    }
  }
  const trio = (prefix: string, names: readonly string[]): Record<string, string> | undefined => {
    const values = names.map((name) => env[`${prefix}_${name}`]?.trim());
    if (values.every((value) => !value)) return undefined;
    const missing = names.filter((_, index) => !values[index]);
    if (missing.length > 0) problems.push(`${missing.map((name) => `${prefix}_${name}`).join(', ')} must be set with the other ${prefix}_* variables`);
    return Object.fromEntries(names.map((name, index) => [name, values[index] ?? '']));
  };
  let result: AccessControlEnv | undefined;
  if (mode === 'open') {
    result = { mode: 'open', ...(contextToken ? { contextToken } : {}) };
  } else if (mode === 'enforce') {
    const registryUrl = env['REGISTRY_URL']?.trim() || env['DATABASE_URL']?.trim();
    const pepper = env['GATEWAY_API_KEY_PEPPER'] ?? '';
    if (!registryUrl) problems.push('REGISTRY_URL (or DATABASE_URL) is required with GATEWAY_ACCESS_CONTROL=enforce');
    if (pepper.length < 16) problems.push('GATEWAY_API_KEY_PEPPER must be set to at least 16 characters with GATEWAY_ACCESS_CONTROL=enforce');
    const poll = env['GATEWAY_REGISTRY_POLL_MS'];
    const registryPollMs = poll === undefined || poll === '' ? undefined : Number(poll);
    if (registryPollMs !== undefined && (!Number.isInteger(registryPollMs) || registryPollMs <= 0)) problems.push(`GATEWAY_REGISTRY_POLL_MS must be a positive integer (got "${poll}")`);
    const oauth = trio('OAUTH', ['JWKS_URL', 'ISSUER', 'AUDIENCE']);
    const endUsers = trio('END_USER', ['JWKS_URL', 'ISSUER', 'AUDIENCE']);
    const claim = env['OAUTH_APPLICATION_CLAIM']?.trim();
    result = {
      mode: 'enforce',
      registryUrl: registryUrl ?? '',
      pepper,
      ...(env['REDIS_URL']?.trim() ? { redisUrl: env['REDIS_URL'].trim() } : {}),
      ...(env['REDIS_KEY_PREFIX']?.trim() ? { redisKeyPrefix: env['REDIS_KEY_PREFIX'].trim() } : {}),
      ...(registryPollMs !== undefined ? { registryPollMs } : {}),
      ...(contextToken ? { contextToken } : {}),
      ...(oauth
        ? { clientCredentials: { jwksUrl: oauth['JWKS_URL'] ?? '', issuer: oauth['ISSUER'] ?? '', audience: oauth['AUDIENCE'] ?? '', ...(claim ? { applicationClaim: claim } : {}) } }
        : {}),
      ...(endUsers ? { endUsers: { jwksUrl: endUsers['JWKS_URL'] ?? '', issuer: endUsers['ISSUER'] ?? '', audience: endUsers['AUDIENCE'] ?? '' } } : {}),
    };
  } else {
    problems.push(
      `GATEWAY_ACCESS_CONTROL must be "enforce" or "open" (got ${mode ? `"${mode}"` : 'nothing'}): the gateway does not guess whether to check access`,
    );
  }
  if (problems.length > 0 || !result) {
    throw GW_ERRORS.GW_CONFIG_INVALID.err(`Invalid access control environment (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `- ${p}`).join('\n')}`, {
      details: { problems },
    });
  }
  return result;
}
