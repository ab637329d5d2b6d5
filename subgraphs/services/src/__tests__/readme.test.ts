import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const README = readFileSync(join(__dirname, '../../README.md'), 'utf8');

describe('README', () => {
  it.each(['BAD_USER_INPUT', 'CONN_UPSTREAM_UNAVAILABLE', 'CONN_UPSTREAM_INVALID_RESPONSE', 'SDK_CONFIG_INVALID', 'INTERNAL_SERVER_ERROR'])(
    'lists the error code %s in its "Error codes" table',
    (code) => {
      const table = README.slice(README.indexOf('## Error codes'));
      expect(table).toContain(`| \`${code}\` |`);
    },
  );

  it.each(['PORT', 'HOST', 'LOG_LEVEL', 'TIMEOUT_MS', 'CATALOG_DIR', 'CATALOG_ENCODING', 'CATALOG_POLL_MS', 'CATALOG_SETTLE_MS', 'CATALOG_PATTERN', 'CATALOG_MAX_BAD_ROW_RATIO', 'CATALOG_ALLOW_EMPTY'])(
    'documents the environment variable %s',
    (name) => {
      expect(README).toContain(`| \`${name}\` |`);
    },
  );
});
