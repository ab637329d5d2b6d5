/**
 * Batching over a generated province: N references cost ⌈N / 100⌉
 * statements for their licences and one for the licence types, whatever N,
 * and the answers match the dataset record for record.
 */
import { generateDataset, type Dataset, type LicenceRecord } from '@govgraph/legacy';
import { createTestLibrary, post, startSubgraph, type TestLibrary } from './fixtures/licence-fixtures';
import type { LicencesSubgraph } from '..';

describe('licences subgraph batching', () => {
  let dataset: Dataset;
  let library: TestLibrary;
  let subgraph: LicencesSubgraph;
  let holders: string[];
  beforeAll(async () => {
    dataset = generateDataset({ seed: 4003, sizes: { persons: 300, enterprises: 40, services: 5, licenceTypes: 15, licences: 900, cases: 0 } });
    library = await createTestLibrary(dataset.licences, dataset.licenceTypes);
    subgraph = await startSubgraph(library.url);
    holders = [...new Set(dataset.licences.filter((licence) => licence.holderKind === 'person').map((licence) => licence.holderId))];
  });
  afterAll(async () => {
    await subgraph?.stop();
    await library?.remove();
  });

  async function entities(representations: object[], selection: string): Promise<{ data: any; queries: number }> {
    const before = subgraph.licenceDb.stats().queries;
    const body = await post(subgraph, `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`, { r: representations });
    expect(body.errors).toBeUndefined();
    return { data: body.data, queries: subgraph.licenceDb.stats().queries - before };
  }

  function expectedLicences(idNumber: string) {
    const typeName = new Map(dataset.licenceTypes.map((type) => [type.code, type.name]));
    return dataset.licences
      .filter((licence) => licence.holderKind === 'person' && licence.holderId === idNumber)
      .sort((a: LicenceRecord, b: LicenceRecord) => (a.issuedOn !== b.issuedOn ? (a.issuedOn < b.issuedOn ? 1 : -1) : a.number < b.number ? -1 : 1))
      .map((licence) => ({ number: licence.number, type: { name: typeName.get(licence.typeCode) } }));
  }

  it('resolves 100 Person references with their licences and types in exactly 2 statements', async () => {
    expect(holders.length).toBeGreaterThanOrEqual(100);
    const ids = holders.slice(0, 100);
    const { data, queries } = await entities(
      ids.map((idNumber) => ({ __typename: 'Person', idNumber })),
      '... on Person { idNumber licences { number type { name } } }',
    );
    expect(data._entities).toEqual(ids.map((idNumber) => ({ idNumber, licences: expectedLicences(idNumber) })));
    expect(queries).toBe(2);
  });

  it('splits more than 100 holders into batches of 100', async () => {
    const ids = holders.slice(0, 150);
    const { data, queries } = await entities(
      ids.map((idNumber) => ({ __typename: 'Person', idNumber })),
      '... on Person { licences { number } }',
    );
    expect(data._entities).toHaveLength(150);
    expect(queries).toBe(2);
  });

  it('resolves 200 Licence references and their types in 3 statements', async () => {
    const numbers = dataset.licences.slice(0, 200).map((licence) => licence.number);
    const { data, queries } = await entities(
      numbers.map((number) => ({ __typename: 'Licence', number })),
      '... on Licence { number type { code } }',
    );
    expect(data._entities).toEqual(dataset.licences.slice(0, 200).map((licence) => ({ number: licence.number, type: { code: licence.typeCode } })));
    expect(queries).toBe(3);
  });
});
