import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SDK_ERRORS } from '@govgraph/sdk';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

describe('README', () => {
  it('documents every environment variable main.ts reads', () => {
    const main = readFileSync(join(__dirname, '..', 'main.ts'), 'utf8');
    const variables = [...main.matchAll(/env\['([A-Z_]+)'\]/g)].map((match) => match[1]);
    expect(variables).toHaveLength(8);
    for (const variable of variables) expect(readme).toContain(`| \`${variable}\` |`);
  });

  it('lists only error codes of the SDK taxonomy', () => {
    const table = readme.slice(readme.indexOf('## Error codes'), readme.indexOf('## Tests'));
    const codes = [...table.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((match) => match[1] as string);
    expect(codes.length).toBeGreaterThanOrEqual(5);
    for (const code of codes) expect(Object.keys(SDK_ERRORS)).toContain(code);
  });
});
