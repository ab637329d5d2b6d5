import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { createLicenceLibrary, type LicenceLibraryHandle } from '..';
import { smallDataset } from '../../__tests__/fixtures/small-dataset';

/** Set on machines with a PostgreSQL to test against, e.g. postgresql://postgres@127.0.0.1:5432/test */
const postgresUrl = process.env['GOVGRAPH_TEST_POSTGRES_URL'];
const describePostgres = postgresUrl ? describe : describe.skip;
if (!postgresUrl) {
  console.info('licence library PostgreSQL tests skipped: set GOVGRAPH_TEST_POSTGRES_URL to run them');
}

describePostgres('licence library on PostgreSQL', () => {
  const url = postgresUrl as string;
  const schema = `licence_library_test_${process.pid}_${randomBytes(3).toString('hex')}`;
  let client: Client;
  let library: LicenceLibraryHandle | undefined;

  beforeAll(async () => {
    client = new Client({ connectionString: url });
    await client.connect();
  });
  afterEach(async () => {
    await library?.close();
    library = undefined;
  });
  afterAll(async () => {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('creates the tables inside its own schema and loads exact rows', async () => {
    library = await createLicenceLibrary({ url, dataset: smallDataset, schema });
    expect(library).toMatchObject({ url, kind: 'postgres', schema, seeded: true });
    const types = await client.query(`SELECT * FROM "${schema}".licence_types ORDER BY code`);
    expect(types.rows).toEqual([
      { code: 'LT-0001', name: '食品经营许可证', issuer: '江苏省市场监督管理局', holder_kind: 'enterprise', validity_years: 5 },
      { code: 'LT-0002', name: '居民身份证', issuer: '江苏省公安厅', holder_kind: 'person', validity_years: null },
    ]);
    const person = await client.query(`SELECT * FROM "${schema}".licences WHERE holder_kind = 'person'`);
    expect(person.rows).toEqual([
      {
        number: 'JS-LT0002-2008-000002',
        type_code: 'LT-0002',
        holder_kind: 'person',
        holder_id: smallDataset.persons[0]!.idNumber,
        holder_name: '王小明',
        issuer: '江苏省公安厅',
        issued_on: '2008-05-01',
        expires_on: null,
        status: 'valid',
        revoked_reason: null,
      },
    ]);
    const indexes = await client.query('SELECT indexname FROM pg_indexes WHERE schemaname = $1 AND tablename = $2 ORDER BY indexname', [schema, 'licences']);
    expect(indexes.rows.map((r: { indexname: string }) => r.indexname)).toEqual(['licences_holder_id_idx', 'licences_pkey', 'licences_type_code_idx']);
    await expect(client.query(`INSERT INTO "${schema}".licences VALUES ('X', 'LT-9', 'person', 'h', 'n', 'i', '2020-01-01', NULL, 'valid', NULL)`)).rejects.toThrow(/foreign key/);
  });

  it('drops and recreates the schema on every create, loading batches of more than 1000 rows', async () => {
    const template = smallDataset.licences[0]!;
    const many = Array.from({ length: 2500 }, (_, i) => ({ ...template, number: `N-${i}` }));
    library = await createLicenceLibrary({ url, dataset: { ...smallDataset, licences: many }, schema });
    await library.close();
    expect((await client.query(`SELECT count(*)::int AS n FROM "${schema}".licences`)).rows).toEqual([{ n: 2500 }]);
    library = await createLicenceLibrary({ url, dataset: smallDataset, schema });
    expect((await client.query(`SELECT count(*)::int AS n FROM "${schema}".licences`)).rows).toEqual([{ n: 3 }]);
    const meta = await client.query(`SELECT value FROM "${schema}".meta WHERE key = 'dataset_seed'`);
    expect(meta.rows).toEqual([{ value: '7' }]);
  });

  it('refuses schema names that are not plain identifiers', async () => {
    await expect(createLicenceLibrary({ url, dataset: smallDataset, schema: 'bad"; DROP' })).rejects.toThrow(TypeError);
  });
});
