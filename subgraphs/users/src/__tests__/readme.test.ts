import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SDK_ERRORS } from '@govgraph/sdk';

/** Every code the users subgraph can answer with must be documented in the README's "Error codes" table. */
const RAISED: ReadonlyArray<keyof typeof SDK_ERRORS> = [
  'BAD_USER_INPUT',
  'CONN_UPSTREAM_UNAVAILABLE',
  'CONN_UPSTREAM_TIMEOUT',
  'CONN_UPSTREAM_INVALID_RESPONSE',
  'SDK_CONFIG_INVALID',
  'INTERNAL_SERVER_ERROR',
];

it('documents every error code it raises, and every environment variable, in the README', () => {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Error codes'), readme.indexOf('## Common patterns'));
  for (const code of RAISED) {
    expect(SDK_ERRORS[code]).toBeDefined();
    expect(table).toContain(`\`${code}\``);
  }
  for (const variable of ['POPULATION_URL', 'LEGAL_PERSON_URL', 'LEGACY_TIMEOUT_MS', 'PORT', 'HOST', 'LOG_LEVEL']) {
    expect(readme).toContain(`| \`${variable}\` |`);
  }
});
