/**
 * The system's WS-Security check (OASIS WSS UsernameToken Profile 1.1, as
 * provincial SOAP services enforce it): a `wsse:Security` header with a
 * UsernameToken whose password is a `PasswordDigest` =
 * Base64(SHA-1(nonce + created + password)), a `Created` no older than five
 * minutes and at most a minute in the future, a nonce never seen within that
 * window (replay), and an unexpired `wsu:Timestamp` if one is sent. Clear-text
 * passwords are refused. Messages never contain the password or the digest.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { XmlElement } from '../population';
import {
  BASE64_BINARY_ENCODING,
  MAX_CLOCK_SKEW_MS,
  MAX_TOKEN_AGE_MS,
  PASSWORD_DIGEST_TYPE,
  WSSE_NAMESPACE,
  WSU_NAMESPACE,
  type SocialInsuranceFault,
} from './social-insurance-contract';

/** The account a client must authenticate as. */
export interface UsernameTokenCredentials {
  readonly username: string;
  readonly password: string;
}

/** Nonces seen recently: a replayed one is refused. */
export interface NonceCache {
  /** Remembers `nonce` at `now`; `false` if it was already seen within the replay window. */
  remember(nonce: string, now: number): boolean;
  /** Nonces currently remembered. */
  size(): number;
}

/**
 * A nonce cache that forgets a nonce once its token could no longer be
 * accepted anyway (token age limit plus clock skew after it arrived).
 */
export function createNonceCache(): NonceCache {
  const seen = new Map<string, number>(); // nonce → forget after (ms); insertion order = arrival order
  const window = MAX_TOKEN_AGE_MS + MAX_CLOCK_SKEW_MS;
  return {
    remember(nonce, now) {
      for (const [old, forgetAt] of seen) {
        if (forgetAt > now) break;
        seen.delete(old);
      }
      if (seen.has(nonce)) return false;
      seen.set(nonce, now + window);
      return true;
    },
    size: () => seen.size,
  };
}

const CREATED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * Checks the `env:Header` of a request (`undefined` when there is none).
 * Resolves with `undefined` when the caller is authenticated, else the fault to answer.
 */
export function verifyUsernameToken(
  header: XmlElement | undefined,
  credentials: UsernameTokenCredentials,
  nonces: NonceCache,
  now: Date,
): SocialInsuranceFault | undefined {
  const securityHeaders = header?.children.filter((block) => block.namespace === WSSE_NAMESPACE && block.localName === 'Security') ?? [];
  if (securityHeaders.length !== 1) {
    return invalid(securityHeaders.length === 0 ? 'the message has no wsse:Security header' : 'the message has more than one wsse:Security header');
  }
  const security = securityHeaders[0] as XmlElement;
  const child = (parent: XmlElement, namespace: string, name: string): XmlElement[] =>
    parent.children.filter((element) => element.namespace === namespace && element.localName === name);
  const tokens = child(security, WSSE_NAMESPACE, 'UsernameToken');
  if (tokens.length !== 1) return invalid('wsse:Security must hold exactly one wsse:UsernameToken');
  const token = tokens[0] as XmlElement;
  const [username] = child(token, WSSE_NAMESPACE, 'Username');
  const [password] = child(token, WSSE_NAMESPACE, 'Password');
  const [nonce] = child(token, WSSE_NAMESPACE, 'Nonce');
  const [created] = child(token, WSU_NAMESPACE, 'Created');
  if (!username || !password) return invalid('the UsernameToken needs wsse:Username and wsse:Password');
  if ((password.attributes['Type'] ?? '').trim() !== PASSWORD_DIGEST_TYPE) {
    return invalid('a PasswordDigest is required (Type="…#PasswordDigest"); clear-text passwords are refused');
  }
  if (!nonce || !created) return invalid('a PasswordDigest token needs wsse:Nonce and wsu:Created');
  const encoding = nonce.attributes['EncodingType']?.trim();
  const nonceText = nonce.text.trim();
  if ((encoding !== undefined && encoding !== BASE64_BINARY_ENCODING) || nonceText === '' || !BASE64.test(nonceText)) {
    return invalid('wsse:Nonce must be Base64 (EncodingType="…#Base64Binary")');
  }
  const createdText = created.text.trim();
  const createdAt = CREATED.test(createdText) ? Date.parse(createdText) : Number.NaN;
  if (Number.isNaN(createdAt)) return invalid('wsu:Created must be a UTC time like 2026-06-30T08:00:00.000Z');
  const nowMs = now.getTime();
  if (nowMs - createdAt > MAX_TOKEN_AGE_MS) return expired('the UsernameToken was created more than 5 minutes ago');
  if (createdAt - nowMs > MAX_CLOCK_SKEW_MS) return expired('the UsernameToken was created more than 1 minute in the future');
  const timestampFault = checkTimestamp(child(security, WSU_NAMESPACE, 'Timestamp'), nowMs);
  if (timestampFault) return timestampFault;

  const expected = createHash('sha1').update(Buffer.from(nonceText, 'base64')).update(createdText, 'utf8').update(credentials.password, 'utf8').digest();
  const given = Buffer.from(password.text.trim(), 'base64');
  const passwordMatches = given.length === expected.length && timingSafeEqual(given, expected);
  if (username.text.trim() !== credentials.username || !passwordMatches) {
    return { code: 'Sender', subcode: 'wsse:FailedAuthentication', detailCode: 'FAILED_AUTHENTICATION', message: 'the security token could not be authenticated' };
  }
  if (!nonces.remember(nonceText, nowMs)) return invalid('the nonce was already used (replayed message)');
  return undefined;
}

function checkTimestamp(timestamps: readonly XmlElement[], nowMs: number): SocialInsuranceFault | undefined {
  if (timestamps.length === 0) return undefined;
  if (timestamps.length > 1) return invalid('wsse:Security may hold one wsu:Timestamp');
  const expires = (timestamps[0] as XmlElement).children.find((element) => element.namespace === WSU_NAMESPACE && element.localName === 'Expires');
  if (!expires) return undefined;
  const text = expires.text.trim();
  const expiresAt = CREATED.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(expiresAt)) return invalid('wsu:Expires must be a UTC time like 2026-06-30T08:05:00.000Z');
  return expiresAt <= nowMs ? expired('the wsu:Timestamp has expired') : undefined;
}

function invalid(message: string): SocialInsuranceFault {
  return { code: 'Sender', subcode: 'wsse:InvalidSecurity', detailCode: 'INVALID_SECURITY', message };
}

function expired(message: string): SocialInsuranceFault {
  return { code: 'Sender', subcode: 'wsse:MessageExpired', detailCode: 'MESSAGE_EXPIRED', message };
}
