import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SDK_ERRORS } from '../codes';

describe('SDK error registry', () => {
  const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Error codes'));

  it.each(Object.keys(SDK_ERRORS))('documents %s in the README Error codes table', (code) => {
    expect(table).toContain(`| \`${code}\` |`);
  });

  it('uses SCREAMING_SNAKE codes with an HTTP status', () => {
    for (const [code, entry] of Object.entries(SDK_ERRORS)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(entry.status).toBeGreaterThanOrEqual(400);
    }
  });
});
