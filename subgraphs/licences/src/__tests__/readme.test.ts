import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LicencesSubgraph } from '..';
import { createTestLibrary, post, startSubgraph, type TestLibrary } from './fixtures/licence-fixtures';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const sample = readme.slice(readme.indexOf('### Sample'));

describe('README', () => {
  let library: TestLibrary;
  let subgraph: LicencesSubgraph;
  beforeAll(async () => {
    library = await createTestLibrary();
    subgraph = await startSubgraph(library.url);
  });
  afterAll(async () => {
    await subgraph?.stop();
    await library?.remove();
  });

  it('shows the response the sample query gets', async () => {
    const query = /```graphql\n([\s\S]*?)```/.exec(sample)?.[1];
    const response = /```json\n([\s\S]*?)```/.exec(sample)?.[1];
    expect(query).toBeDefined();
    expect(await post(subgraph, query!)).toEqual(JSON.parse(response!));
  });

  it('documents every environment variable main.ts reads', () => {
    const main = readFileSync(join(__dirname, '..', 'main.ts'), 'utf8');
    const variables = [...main.matchAll(/process\.env\['([A-Z_]+)'\]/g)].map((match) => match[1]);
    expect(variables).toHaveLength(6);
    for (const variable of variables) expect(readme).toContain(`| \`${variable}\` |`);
  });
});
