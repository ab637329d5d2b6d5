import { createHash } from 'node:crypto';
import { ADMIN_TOKEN_PATTERN, API_KEY_PATTERN, generateAdminToken, generateApiKey, hashSecret, secretMatches } from '../secrets';

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
});
