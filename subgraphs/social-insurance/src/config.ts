/**
 * Configuration of the social-insurance subgraph. `parseSocialInsuranceSubgraphConfig` is the
 * only way in: it applies the defaults, reports every bad option at once
 * (naming it and the value given) and returns a frozen object. `main.ts`
 * builds the input from the environment; tests pass objects.
 */
import { ConfigError, integerOption, subgraphSecuritySchema, type SubgraphSecurity } from '@govgraph/sdk';

/** Digit strings from the environment are read as numbers; a signed string is refused as set. */
const UNSIGNED = { rangeMessage: true, signed: false } as const;
import { z } from 'zod';

/** Default port of the social-insurance subgraph. */
export const DEFAULT_SOCIAL_INSURANCE_PORT = 4005;

/** A validated, frozen configuration. Build one with {@link parseSocialInsuranceSubgraphConfig}. */
export interface SocialInsuranceSubgraphConfig {
  /**
   * Endpoint of the legacy SOAP service, where calls are POSTed. Env `SOCIAL_INSURANCE_URL`.
   */
  readonly url: string;
  /**
   * Where the WSDL is read at start (and probed for readiness). Env `SOCIAL_INSURANCE_WSDL_URL`.
   * @default the endpoint + ?wsdl
   */
  readonly wsdlUrl?: string | undefined;
  /**
   * WS-Security UsernameToken user the system issued to the gateway. Env `SOCIAL_INSURANCE_USERNAME`.
   */
  readonly username: string;
  /**
   * Its password: sent only as a PasswordDigest, never logged and never shown in a
   * configuration error. Env `SOCIAL_INSURANCE_PASSWORD`.
   */
  readonly password: string;
  /**
   * Deadline of one call to the legacy system, in milliseconds (1 … 600000). Env `SOCIAL_INSURANCE_TIMEOUT_MS`.
   * @default 5000
   */
  readonly timeoutMs: number;
  /**
   * Port `main.ts` listens on. Env `PORT`.
   * @default 4005
   */
  readonly port: number;
  /**
   * Address `main.ts` binds. Env `HOST`.
   * @default 127.0.0.1
   */
  readonly host: string;
  /**
   * Level of the default logger. Env `LOG_LEVEL`.
   * @default info
   */
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /**
   * How the subgraph trusts callers: the gateway's signed context token (`{ mode: 'verify', jwksUrl | publicKeyJwk | jwks }`)
   * or `{ mode: 'development' }` (every caller trusted). Optional here, required by `createSocialInsuranceSubgraph`.
   * Env `GATEWAY_JWKS_URL`, `GATEWAY_PUBLIC_KEY_JWK` or `GOVGRAPH_DEV_MODE=1`.
   */
  readonly security?: SubgraphSecurity;
}


const httpUrl = z.string({ error: 'must be an http(s) URL' }).superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be an http(s) URL', input: value });
    return;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') ctx.addIssue({ code: 'custom', message: 'must use http or https', input: value });
  // The value itself is not echoed: it holds a secret.
  if (url.username || url.password) ctx.addIssue({ code: 'custom', message: 'must not carry credentials', input: `${url.protocol}//***@${url.host}` });
});

const socialInsuranceSubgraphConfigSchema = z
  .object(
    {
      url: httpUrl,
      wsdlUrl: httpUrl.optional(),
      username: z.string({ error: 'must be the WS-Security user name' }).min(1, { error: 'must not be empty' }),
      password: z.string({ error: 'must be the WS-Security password' }).min(1, { error: 'must not be empty' }),
      timeoutMs: integerOption(1, 600_000, UNSIGNED).default(5000),
      port: integerOption(0, 65_535, UNSIGNED).default(DEFAULT_SOCIAL_INSURANCE_PORT),
      host: z.string({ error: 'must be a host name or address' }).min(1, { error: 'must not be empty' }).default('127.0.0.1'),
      logLevel: z.enum(['debug', 'info', 'warn', 'error', 'silent'], { error: 'must be one of debug, info, warn, error, silent' }).default('info'),
      security: subgraphSecuritySchema.optional(),
    },
    { error: 'must be an object' },
  )
  .strict();

/**
 * Validates `input` and returns a frozen {@link SocialInsuranceSubgraphConfig} with defaults applied.
 *
 * @throws ConfigError listing every bad option with the value given.
 */
export function parseSocialInsuranceSubgraphConfig(input: unknown): SocialInsuranceSubgraphConfig {
  const result = socialInsuranceSubgraphConfigSchema.safeParse(input, { reportInput: true });
  if (!result.success) {
    const problems = result.error.issues.flatMap((issue) => {
      const option = issue.path.map(String).join('.') || '(config)';
      if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => `${key}: is not an option`);
      // The password is never echoed, whatever was given.
      if (option === 'password') return [`${option}: ${issue.message}`];
      return [`${option}: ${issue.message}, got ${show(issue.input)}`];
    });
    throw new ConfigError(
      `invalid social-insurance subgraph configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      { details: { problems } },
    );
  }
  return Object.freeze({ ...result.data });
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
