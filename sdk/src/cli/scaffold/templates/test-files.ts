/**
 * The tests of a scaffolded subgraph: sample records, a subgraph test
 * against the kind's fake legacy system, and the SDK's conformance kit.
 */
import type { ScaffoldContext } from '../scaffold-context';

/** Renders `src/__tests__/helpers/sample-records.ts`. */
export function sampleRecordsFile(context: ScaffoldContext): string {
  const { entity, constant } = context.names;
  return `/** Records the tests put into the fake legacy system. */
import type { ${entity.pascal}Record } from '../../${entity.kebab}/${entity.kebab}-records';

/** Three records; names in Chinese so encodings are exercised end to end. */
export const SAMPLE_${constant}: readonly ${entity.pascal}Record[] = [
  { id: 'A-001', name: '南京示例甲' },
  { id: 'A-002', name: '苏州示例乙' },
  { id: 'A-003', name: '无锡示例丙' },
];

/** An id the fake legacy system does not hold. */
export const MISSING_ID = 'Z-999';
`;
}

/** Renders `src/__tests__/<name>.test.ts`. */
export function subgraphTestFile(context: ScaffoldContext): string {
  const { entity, constant, pascal, kebab } = context.names;
  const requiredKey = context.kind.configFields(context)[0]?.key ?? 'url';
  const batching = context.kind.countsCalls
    ? `
  it('asks the legacy system once for many ids', async () => {
    const before = system.calls ?? 0;
    const { data, errors } = await query('query ($ids: [String!]!) { ${entity.pluralCamel}(ids: $ids) { id } first: ${entity.camel}(id: "A-002") { id } }', {
      ids: ['A-003', MISSING_ID, 'A-001'],
    });
    expect(errors).toBeUndefined();
    expect(data.${entity.pluralCamel}).toEqual([{ id: 'A-003' }, null, { id: 'A-001' }]);
    expect(data.first).toEqual({ id: 'A-002' });
    expect((system.calls ?? 0) - before).toBe(1);
  });
`
    : '';
  const extensions = context.extends
    .map((each) => {
      const sample = each.samples[0] ?? '';
      return `
  it('extends ${each.typename} by ${each.keyField} with ${entity.camel}, resolving every reference from its key', async () => {
    const { data: service } = await query('{ _service { sdl } }');
    expect(service._service.sdl).toMatch(/type ${each.typename}\\s+@key\\(fields: "${each.keyField}"\\)/);
${context.kind.countsCalls ? '    const before = system.calls ?? 0;\n' : ''}    const { data, errors } = await query(
      'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${each.typename} { ${each.keyField} ${entity.camel} { id } } } }',
      { representations: [{ __typename: '${each.typename}', ${each.keyField}: '${sample}' }] },
    );
    expect(errors).toBeUndefined();
    // EDIT with the records file: the fake holds no ${entity.pascal} for this ${each.typename} yet.
    expect(data._entities).toEqual([{ ${each.keyField}: '${sample}', ${entity.camel}: null }]);
${context.kind.countsCalls ? '    expect((system.calls ?? 0) - before).toBe(1);\n' : ''}  });
`;
    })
    .join('');
  const extraTests = `${context.kind.extraTests ? context.kind.extraTests(context) : ''}${extensions}`;
  return `import { createSilentLogger, type Subgraph } from '@govgraph/sdk';
import { create${pascal}Subgraph, parse${pascal}SubgraphConfig } from '..';
import { startFakeLegacySystem, type FakeLegacySystem } from './helpers/fake-legacy-system';
import { MISSING_ID, SAMPLE_${constant} } from './helpers/sample-records';

interface Answer {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: any;
  errors?: { message: string; extensions?: { code?: string } }[];
}

let system: FakeLegacySystem;
let subgraph: Subgraph;

beforeAll(async () => {
  system = await startFakeLegacySystem(SAMPLE_${constant});
  subgraph = create${pascal}Subgraph(parse${pascal}SubgraphConfig({ ...system.config, security: { mode: 'development' } }), { logger: createSilentLogger() });
  await subgraph.start();
});

afterAll(async () => {
  await subgraph?.stop();
  await system?.close();
});

async function query(text: string, variables?: Record<string, unknown>): Promise<Answer> {
  const response = await subgraph.fetch('http://${kebab}.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: text, variables }),
  });
  return (await response.json()) as Answer;
}

describe('the ${kebab} subgraph', () => {
  it('declares ${entity.pascal} as an entity keyed by id', async () => {
    const { data } = await query('{ _service { sdl } }');
    expect(data._service.sdl).toMatch(/type ${entity.pascal}\\s+@key\\(fields: "id"\\)/);
  });

  it('answers ${entity.camel}(id) from the legacy system', async () => {
    const { data, errors } = await query('query ($id: String!) { ${entity.camel}(id: $id) { id name } }', { id: 'A-002' });
    expect(errors).toBeUndefined();
    expect(data.${entity.camel}).toEqual({ id: 'A-002', name: '苏州示例乙' });
  });

  it('answers null for an id the legacy system does not hold', async () => {
    const { data, errors } = await query('query ($id: String!) { ${entity.camel}(id: $id) { id } }', { id: MISSING_ID });
    expect(errors).toBeUndefined();
    expect(data.${entity.camel}).toBeNull();
  });

  it('answers ${entity.pluralCamel}(ids) in the order asked, null for a missing id', async () => {
    const { data, errors } = await query('query ($ids: [String!]!) { ${entity.pluralCamel}(ids: $ids) { id name } }', { ids: ['A-003', MISSING_ID, 'A-001'] });
    expect(errors).toBeUndefined();
    expect(data.${entity.pluralCamel}).toEqual([{ id: 'A-003', name: '无锡示例丙' }, null, { id: 'A-001', name: '南京示例甲' }]);
  });
${batching}${extraTests}
  it('resolves references from other subgraphs (_entities), in order', async () => {
    const { data, errors } = await query(
      'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on ${entity.pascal} { id name } } }',
      { representations: [{ __typename: '${entity.pascal}', id: 'A-001' }, { __typename: '${entity.pascal}', id: MISSING_ID }, { __typename: '${entity.pascal}', id: 'A-003' }] },
    );
    expect(errors).toBeUndefined();
    expect(data._entities).toEqual([{ id: 'A-001', name: '南京示例甲' }, null, { id: 'A-003', name: '无锡示例丙' }]);
  });

  it('rejects an empty id with BAD_USER_INPUT before calling the legacy system', async () => {
    const { errors } = await query('{ ${entity.camel}(id: "  ") { id } }');
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('parse${pascal}SubgraphConfig', () => {
  it('reports every bad option at once', () => {
    expect(() => parse${pascal}SubgraphConfig({ port: 'eighty', colour: 'blue' })).toThrow(/${requiredKey}: [\\s\\S]*port: [\\s\\S]*colour: is not an option/);
  });

  it('applies the defaults', () => {
    const config = parse${pascal}SubgraphConfig({ ...system.config });
    expect(config.port).toBe(${context.defaultPort});
    expect(config.host).toBe('127.0.0.1');
    expect(Object.isFrozen(config)).toBe(true);
  });
});
`;
}
