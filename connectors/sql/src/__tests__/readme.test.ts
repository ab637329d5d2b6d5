import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SQL_SOURCE_ERROR_CODES } from '../mapping';

describe('README', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Error codes'));

  it.each(SQL_SOURCE_ERROR_CODES)('lists error code %s', (code) => {
    expect(table).toContain(`| \`${code}\` |`);
  });
});
