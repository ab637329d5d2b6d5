/**
 * The `security` option of a SOAP source: WS-Security UsernameToken (OASIS
 * WSS UsernameToken Profile 1.1), the credential many provincial SOAP
 * services require instead of HTTP authentication. Kept apart from the rest
 * of the configuration because it holds a password: its values are never
 * shown in configuration errors.
 */
import { z } from 'zod';

/** How the password travels in the token. */
export const PASSWORD_TYPES = ['PasswordDigest', 'PasswordText'] as const;

/** `PasswordDigest` (Base64(SHA-1(nonce + created + password)), the default) or `PasswordText` (the password itself). */
export type PasswordType = (typeof PASSWORD_TYPES)[number];

/** A validated WS-Security UsernameToken configuration. */
export interface UsernameTokenSecurity {
  readonly kind: 'username-token';
  /** `wsse:Username`. */
  readonly username: string;
  /** Never logged, never in errors; sent only as `passwordType` says. */
  readonly password: string;
  /**
   * `PasswordDigest` sends Base64(SHA-1(nonce + created + password)) with a fresh nonce per call;
   * `PasswordText` sends the password in clear (only over TLS, and only if the service demands it).
   * @default 'PasswordDigest'
   */
  readonly passwordType: PasswordType;
  /**
   * Lifetime of the `wsu:Timestamp` added to every call (`Created` = now, `Expires` = now + this).
   * 0 sends no `wsu:Timestamp`.
   * @default 300
   */
  readonly timestampTtlSeconds: number;
}

/** The security a SOAP source adds to its calls (one kind so far). */
export type SoapSecurity = UsernameTokenSecurity;

const ttlMessage = 'must be an integer from 0 to 86400 (seconds)';
/** XML 1.0 characters, no line breaks at the ends (they would be part of the value). */
const XML_TEXT = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]*$/;

/** @internal The zod schema of the `security` option. */
export const soapSecuritySchema = z
  .object(
    {
      kind: z.literal('username-token', { error: `must be 'username-token'` }),
      username: z
        .string({ error: 'must be a string' })
        .min(1, { error: 'must not be empty' })
        .max(256, { error: 'must be at most 256 characters' })
        .refine((value) => XML_TEXT.test(value), { error: 'must not contain control characters' }),
      password: z
        .string({ error: 'must be a string' })
        .min(1, { error: 'must not be empty' })
        .max(1024, { error: 'must be at most 1024 characters' })
        .refine((value) => XML_TEXT.test(value), { error: 'must not contain control characters' }),
      passwordType: z.enum(PASSWORD_TYPES, { error: `must be one of ${PASSWORD_TYPES.map((type) => `'${type}'`).join(', ')}` }).default('PasswordDigest'),
      timestampTtlSeconds: z
        .preprocess(
          (value) => (typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
          z.number({ error: ttlMessage }).int({ error: ttlMessage }).min(0, { error: ttlMessage }).max(86_400, { error: ttlMessage }),
        )
        .default(300),
    },
    { error: `must be an object { kind: 'username-token', username, password, passwordType?, timestampTtlSeconds? }` },
  )
  .strict()
  .transform((security): SoapSecurity => Object.freeze({ ...security }));
