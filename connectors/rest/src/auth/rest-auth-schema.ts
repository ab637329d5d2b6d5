/**
 * The zod schema of the `auth` option (see `rest-auth-config.ts` for what each
 * kind means). A discriminated union on `kind`; mTLS may wrap one of the
 * others in `then`. Defaults live here and are echoed in the JSDoc `@default`s.
 */
import { z } from 'zod';
import type { ApiKeyAuthConfig, MtlsAuthConfig, RestAuthConfig } from './rest-auth-config';

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
/** Headers the source sets itself; a credential cannot use them. */
const RESERVED_HEADERS = new Set(['host', 'connection', 'content-length', 'content-type', 'transfer-encoding', 'upgrade', 'keep-alive', 'x-request-id', 'accept']);

const secret = z
  .string({ error: 'must be a string' })
  .min(1, { error: 'must not be empty' })
  .refine((value) => HEADER_VALUE.test(value), { error: 'must not contain line breaks or control characters' });

const headerName = z
  .string({ error: 'must be a header name' })
  .refine((name) => TOKEN.test(name), { error: 'is not a valid header name' })
  .refine((name) => !RESERVED_HEADERS.has(name.toLowerCase()), { error: 'is set by the source itself' });

const httpUrl = z.string({ error: 'must be an http(s) URL' }).refine(
  (value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password && !url.hash;
    } catch {
      return false;
    }
  },
  { error: 'must be an http(s) URL without credentials or fragment' },
);

const pem = z.union(
  [
    z.string().refine((text) => text.includes('-----BEGIN '), { error: 'must be PEM text (-----BEGIN …) or { file: path }' }),
    z.object({ file: z.string().min(1) }).strict(),
  ],
  { error: 'must be PEM text (-----BEGIN …) or { file: path }' },
);

const apiKey = z
  .object({ kind: z.literal('api-key'), header: headerName.optional(), query: z.string().regex(/^[A-Za-z0-9\-._~]+$/, { error: 'must be a plain parameter name' }).optional(), value: secret })
  .strict()
  .refine((auth) => auth.header === undefined || auth.query === undefined, { error: 'give header or query, not both', path: ['query'] })
  .transform(
    (auth): ApiKeyAuthConfig =>
      auth.query === undefined
        ? { kind: 'api-key', header: (auth.header ?? 'x-api-key').toLowerCase(), value: auth.value }
        : { kind: 'api-key', query: auth.query, value: auth.value },
  );

const basic = z
  .object({
    kind: z.literal('basic'),
    username: z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }).refine((name) => !name.includes(':'), { error: "must not contain ':' (RFC 7617)" }),
    password: z.string({ error: 'must be a string' }),
  })
  .strict();

const oauth2 = z
  .object({
    kind: z.literal('oauth2-client-credentials'),
    tokenUrl: httpUrl,
    clientId: z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }),
    clientSecret: z.string({ error: 'must be a string' }).min(1, { error: 'must not be empty' }),
    scope: z.string().min(1).optional(),
    audience: z.string().min(1).optional(),
    clientAuth: z.enum(['basic', 'body'], { error: "must be 'basic' or 'body'" }).default('basic'),
    refreshSkewMs: z
      .preprocess(
        (value) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
        z.number().int().min(0).max(3_600_000, { error: 'must be at most 3600000 (one hour)' }),
      )
      .default(30_000),
  })
  .strict();

const credential = z.discriminatedUnion('kind', [apiKey, basic, oauth2], {
  error: "kind must be 'api-key', 'basic' or 'oauth2-client-credentials'",
});

const mtls = z
  .object({
    kind: z.literal('mtls'),
    cert: pem,
    key: pem,
    ca: pem.optional(),
    passphrase: z.string().optional(),
    then: credential.optional(),
  })
  .strict()
  .transform((auth): MtlsAuthConfig => auth);

/** @internal The schema of the `auth` option of `parseRestSourceConfig`. */
export const restAuthSchema: z.ZodType<RestAuthConfig, unknown> = z
  .custom<object>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
    error: "must be an object with a 'kind'",
  })
  .pipe(
    z.discriminatedUnion('kind', [apiKey, basic, oauth2, mtls], {
      error: "kind must be 'api-key', 'basic', 'oauth2-client-credentials' or 'mtls'",
    }),
  );

/**
 * @internal Checks `auth` against the rest of the source's config: a client
 * certificate needs `https`, and a credential header must not also be a static header.
 */
export function checkAuthAgainstSource(
  auth: RestAuthConfig | undefined,
  source: { readonly baseUrl: string; readonly headers: Readonly<Record<string, string>> },
  report: (path: readonly string[], message: string) => void,
): void {
  if (!auth) return;
  if (auth.kind === 'mtls' && !source.baseUrl.startsWith('https:')) report(['auth', 'kind'], "'mtls' needs an https baseUrl");
  const credential = auth.kind === 'mtls' ? auth.then : auth;
  const header = credential?.kind === 'api-key' ? credential.header : credential ? 'authorization' : undefined;
  if (header !== undefined && Object.hasOwn(source.headers, header)) {
    report(['headers', header], `is also set by auth (${credential?.kind}); keep one`);
  }
}
