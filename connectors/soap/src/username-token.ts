/**
 * The WS-Security header of one call: a `wsse:Security` block (with
 * `soap:mustUnderstand="1"`) holding a UsernameToken (OASIS WSS UsernameToken
 * Profile 1.1) and, unless turned off, a `wsu:Timestamp`. Built once per
 * attempt, never reused: services refuse a nonce they have seen (replay) and
 * a `Created` that is too old.
 */
import { createHash, randomBytes } from 'node:crypto';
import { escapeXml } from './envelope';
import type { UsernameTokenSecurity } from './ws-security-config';

/** @internal The `wsse` namespace (WSS 1.0 secext). */
export const WSSE_NAMESPACE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
/** @internal The `wsu` namespace (WSS 1.0 utility). */
export const WSU_NAMESPACE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
const TOKEN_PROFILE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0';
const BASE64_BINARY = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary';
const NONCE_BYTES = 16;

/**
 * @internal `PasswordDigest` of the UsernameToken Profile:
 * Base64(SHA-1(nonce bytes + created (UTF-8) + password (UTF-8))).
 */
export function passwordDigest(nonce: Uint8Array, created: string, password: string): string {
  return createHash('sha1').update(nonce).update(created, 'utf8').update(password, 'utf8').digest('base64');
}

/**
 * @internal The `wsse:Security` header block for a call made at `now` with `nonce`
 * (16 random bytes in production). `envelopePrefix` is the prefix the envelope binds to its
 * SOAP namespace, for `mustUnderstand`.
 */
export function buildUsernameTokenHeader(security: UsernameTokenSecurity, now: Date, nonce: Uint8Array, envelopePrefix = 'soap'): string {
  const created = now.toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ, UTC
  const password =
    security.passwordType === 'PasswordDigest' ? passwordDigest(nonce, created, security.password) : escapeXml(security.password);
  const timestamp =
    security.timestampTtlSeconds > 0
      ? `<wsu:Timestamp wsu:Id="TS-1"><wsu:Created>${created}</wsu:Created>` +
        `<wsu:Expires>${new Date(now.getTime() + security.timestampTtlSeconds * 1000).toISOString()}</wsu:Expires></wsu:Timestamp>`
      : '';
  return (
    `<wsse:Security xmlns:wsse="${WSSE_NAMESPACE}" xmlns:wsu="${WSU_NAMESPACE}" ${envelopePrefix}:mustUnderstand="1">` +
    timestamp +
    '<wsse:UsernameToken wsu:Id="UsernameToken-1">' +
    `<wsse:Username>${escapeXml(security.username)}</wsse:Username>` +
    `<wsse:Password Type="${TOKEN_PROFILE}#${security.passwordType}">${password}</wsse:Password>` +
    `<wsse:Nonce EncodingType="${BASE64_BINARY}">${Buffer.from(nonce).toString('base64')}</wsse:Nonce>` +
    `<wsu:Created>${created}</wsu:Created>` +
    '</wsse:UsernameToken></wsse:Security>'
  );
}

/** @internal A fresh header (current time, new random nonce) for each attempt of a call. */
export function createUsernameTokenHeader(security: UsernameTokenSecurity): () => string {
  return () => buildUsernameTokenHeader(security, new Date(), randomBytes(NONCE_BYTES));
}
