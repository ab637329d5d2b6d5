/**
 * API keys and admin tokens: generated from the OS CSPRNG, shown once, stored
 * only as `sha256(pepper + secret)`. The pepper is server configuration, kept
 * out of the database, so a leaked registry alone does not allow checking
 * guesses offline.
 */
import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** An application's API key: `gg_` and 32 base62 characters (about 190 random bits). */
export const API_KEY_PATTERN = /^gg_[0-9A-Za-z]{32}$/;
/** An admin token: `gga_` and 40 base62 characters. */
export const ADMIN_TOKEN_PATTERN = /^gga_[0-9A-Za-z]{40}$/;
/** How many leading characters of a key are stored in clear, to tell keys apart in lists. */
export const KEY_PREFIX_LENGTH = 8;

/** A new API key. */
export function generateApiKey(): string {
  return `gg_${randomBase62(32)}`;
}

/** A new admin token. */
export function generateAdminToken(): string {
  return `gga_${randomBase62(40)}`;
}

/** Hex `sha256(pepper + secret)`: what the registry stores and looks keys up by. */
export function hashSecret(pepper: string, secret: string): string {
  // One-shot hash of pepper ‖ secret: the same digest as two update() calls, without a Hash object per request.
  return hash('sha256', pepper + secret, 'hex');
}

/** Whether `secret` hashes to `storedHash`, compared in constant time. */
export function secretMatches(pepper: string, secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashSecret(pepper, secret), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * Whether two secrets given as strings are the same, in time that depends on their length only (every character
 * is compared, no early exit), without allocating: for comparing a caller's key with one seen before.
 */
export function sameSecret(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** Uniform base62 characters (rejection sampling: no modulo bias). */
function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}
