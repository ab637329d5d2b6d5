import { createHash } from 'node:crypto';
import { ADMIN_TOKEN_PATTERN, API_KEY_PATTERN, generateAdminToken, generateApiKey, hashSecret, sameSecret, secretMatches } from '../secrets';

describe('secrets', () => {
  it('generates distinct gg_ keys of 32 base62 characters and gga_ tokens of 40', () => {
    const keys = new Set(Array.from({ length: 200 }, generateApiKey));
    expect(keys.size).toBe(200);
    for (const key of keys) expect(key).toMatch(API_KEY_PATTERN);
    expect(generateAdminToken()).toMatch(ADMIN_TOKEN_PATTERN);
  });

  it('uses every base62 character (no bias towards a subset)', () => {
    const seen = new Set(Array.from({ length: 100 }, generateApiKey).join('').replace(/^gg_/gm, '').replace(/gg_/g, ''));
    expect(seen.size).toBe(62);
  });

  it('hashes as sha256(pepper + secret) and compares against the stored hash', () => {
    const stored = createHash('sha256').update('pepper-0123456789gg_abc').digest('hex');
    expect(hashSecret('pepper-0123456789', 'gg_abc')).toBe(stored);
    expect(secretMatches('pepper-0123456789', 'gg_abc', stored)).toBe(true);
    expect(secretMatches('pepper-0123456789', 'gg_abd', stored)).toBe(false);
    expect(secretMatches('other-pepper-0000', 'gg_abc', stored)).toBe(false);
    expect(secretMatches('pepper-0123456789', 'gg_abc', 'not-hex')).toBe(false);
  });

  it('tells two secrets apart whichever character differs, and only equal ones the same', () => {
    const key = generateApiKey();
    expect(sameSecret(key, `${key}`)).toBe(true);
    for (let at = 0; at < key.length; at += 1) {
      const other = `${key.slice(0, at)}${key[at] === 'A' ? 'B' : 'A'}${key.slice(at + 1)}`;
      expect(sameSecret(key, other)).toBe(false);
    }
    expect(sameSecret(key, key.slice(0, -1))).toBe(false);
    expect(sameSecret('', '')).toBe(true);
    expect(sameSecret('办事', '办事')).toBe(true);
    expect(sameSecret('办事', '办公')).toBe(false);
  });
});
