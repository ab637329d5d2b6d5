/**
 * Configuration of a SOAP source. `parseSoapSourceConfig` is the only way in:
 * it applies the defaults, reports every bad option at once and returns a
 * frozen object, so a source never runs on half-valid settings.
 */
import { z } from 'zod';
import {
  capabilityManifestInputSchema,
  createConfigError,
  findCapabilityConflicts,
  integerOption,
  resolveCapabilities,
  staticHeadersOption,
  type CapabilityManifest,
} from '@govgraph/sdk';
import { soapSecuritySchema, type SoapSecurity } from './ws-security-config';

/** SOAP versions this connector speaks (everything version-specific is in `soap-version.ts`). */
export const SOAP_VERSIONS = ['1.1', '1.2'] as const;

/** A SOAP version, see {@link SOAP_VERSIONS}. */
export type SoapVersion = (typeof SOAP_VERSIONS)[number];

/** What `soapVersion` accepts: a version, or `'auto'` (1.2 if the WSDL offers a SOAP 1.2 binding, else 1.1). */
export const SOAP_VERSION_SETTINGS = [...SOAP_VERSIONS, 'auto'] as const;

/** A `soapVersion` setting, see {@link SOAP_VERSION_SETTINGS}. */
export type SoapVersionSetting = (typeof SOAP_VERSION_SETTINGS)[number];

/** A validated, frozen SOAP source configuration. Build one with {@link parseSoapSourceConfig}. */
export interface SoapSourceConfig {
  /** The legacy system, kebab-case (e.g. `'population-registry'`). Named in errors, logs and `/readyz`. */
  readonly name: string;
  /**
   * The URL calls are POSTed to. It wins over the WSDL's `soap:address`, which often names a host
   * that is only valid inside the department's network.
   */
  readonly endpoint: string;
  /**
   * Where the WSDL is read from at `start()` and probed by `checkHealth()`.
   * @default endpoint + '?wsdl'
   */
  readonly wsdlUrl: string;
  /**
   * Deadline of one call (and of the WSDL fetch at start), from queueing to the last byte, retries included.
   * A shortcut for `capabilities.timeoutMs` (giving both with different values is an error).
   * @default 5000
   */
  readonly timeoutMs: number;
  /**
   * Deadline of one health probe.
   * @default 2000
   */
  readonly healthTimeoutMs: number;
  /**
   * The SOAP version of the envelope and of the WSDL binding used (`soap:` or `soap12:`); `'auto'`
   * picks 1.2 if the WSDL has a SOAP 1.2 binding, else 1.1 (`describe().soapVersion` tells which).
   * @default '1.1'
   */
  readonly soapVersion: SoapVersionSetting;
  /**
   * WS-Security added to every call: a `wsse:Security` header with a UsernameToken (and a
   * `wsu:Timestamp`). The password is never logged or shown in errors.
   * @default none
   */
  readonly security?: SoapSecurity;
  /**
   * Headers sent with every call and WSDL fetch (e.g. `authorization`). Names are lower-cased. Never logged or echoed.
   * @default {}
   */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * At most this many calls in flight to the legacy system; further calls wait (within their deadline) in a
   * queue of `capabilities.maxQueue`. A shortcut for `capabilities.maxConcurrency`.
   * @default 16
   */
  readonly maxConcurrency: number;
  /**
   * A response (or WSDL) larger than this fails with `UpstreamDataError`.
   * @default 10485760 (10 MiB)
   */
  readonly maxResponseBytes: number;
  /**
   * The capability manifest of the legacy system (retries of operations listed in `idempotentOperations`,
   * circuit breaker, queue, rate limit, batch size, …; see the SDK README's "Resilience"), when configured.
   * Its `timeoutMs` and `maxConcurrency` are the ones above. The effective manifest is `source.capabilities`.
   * @default undefined (the manifest's defaults)
   */
  readonly capabilities?: CapabilityManifest | undefined;
}

/** An absolute http(s) URL without credentials or fragment (a query is allowed: `?wsdl`). */
const httpUrl = z.string({ error: 'must be an http(s) URL' }).transform((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'must be an http(s) URL', input: value });
    return z.NEVER;
  }
  const problems = [
    url.protocol !== 'http:' && url.protocol !== 'https:' ? 'must use http or https' : undefined,
    url.username || url.password ? 'must not carry credentials (use headers)' : undefined,
    url.hash ? 'must not have a fragment' : undefined,
  ].filter((problem): problem is string => problem !== undefined);
  for (const message of problems) ctx.addIssue({ code: 'custom', message, input: value });
  return problems.length ? z.NEVER : url.href;
});

/** Besides the framing headers, SOAP sets `content-type` and `soapaction` itself (they carry the version and operation). */
const headers = staticHeadersOption(['content-type', 'soapaction']);

const soapSourceConfigSchema = z
  .object(
    {
      name: z.string({ error: 'is required' }).regex(/^[a-z][a-z0-9-]{0,62}$/, { error: 'must be kebab-case (a-z, 0-9, -), at most 63 characters' }),
      endpoint: httpUrl,
      wsdlUrl: httpUrl.optional(),
      timeoutMs: integerOption(1, 600_000, { rangeMessage: true, signed: false, unit: 'milliseconds' }).optional(),
      healthTimeoutMs: integerOption(1, 60_000, { rangeMessage: true, signed: false, unit: 'milliseconds' }).default(2000),
      soapVersion: z.enum(SOAP_VERSION_SETTINGS, { error: `must be one of ${SOAP_VERSION_SETTINGS.map((v) => `'${v}'`).join(', ')}` }).default('1.1'),
      security: soapSecuritySchema.optional(),
      headers: headers.default(Object.freeze({})),
      maxConcurrency: integerOption(1, 1024, { rangeMessage: true, signed: false }).optional(),
      maxResponseBytes: integerOption(1, 1024 * 1024 * 1024, { rangeMessage: true, signed: false, unit: 'bytes' }).default(10 * 1024 * 1024),
      capabilities: capabilityManifestInputSchema.optional(),
    },
    { error: 'must be an object' },
  )
  .strict()
  .superRefine((config, ctx) => {
    for (const { path, message, value } of findCapabilityConflicts(config.capabilities, config)) ctx.addIssue({ code: 'custom', path, message, input: value });
  })
  .transform(({ wsdlUrl, capabilities, ...rest }) => {
    const manifest = resolveCapabilities(capabilities, rest);
    return {
      ...rest,
      timeoutMs: manifest.timeoutMs,
      maxConcurrency: manifest.maxConcurrency,
      wsdlUrl: wsdlUrl ?? defaultWsdlUrl(rest.endpoint),
      ...(capabilities ? { capabilities: manifest } : {}),
    };
  });

/** An issue about the `security` object as a whole would echo it, password included: its value is replaced. */
function hideSecurityValue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  return issue.path.length === 1 && issue.path[0] === 'security' ? ({ ...issue, input: '(not shown: secret option)' } as z.core.$ZodIssue) : issue;
}

function defaultWsdlUrl(endpoint: string): string {
  const url = new URL(endpoint);
  return url.search ? `${url.href}&wsdl` : `${url.href}?wsdl`;
}

/**
 * Validates `input` (e.g. an object built from the environment in `main.ts`)
 * and returns a frozen {@link SoapSourceConfig} with defaults applied.
 *
 * @throws ConfigError listing every bad option, with the value given (header and security values are not shown).
 */
export function parseSoapSourceConfig(input: unknown): SoapSourceConfig {
  const result = soapSourceConfigSchema.safeParse(input, { reportInput: true });
  if (!result.success) throw createConfigError('soap source', result.error.issues.map(hideSecurityValue), ['headers', 'security']);
  const config: SoapSourceConfig = result.data;
  return Object.freeze(config);
}
