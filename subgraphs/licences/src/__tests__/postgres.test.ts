/**
 * The same subgraph over the licence library in PostgreSQL, when
 * GOVGRAPH_TEST_POSTGRES_URL is set (e.g. postgresql://postgres@127.0.0.1:5432/test).
 * The library is seeded into a schema of its own, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { createLicenceLibrary, type DatasetSizes } from '@govgraph/legacy';
import { parseSqlSourceConfig, sqlSource } from '@govgraph/connector-sql';
import { createSilentLogger } from '@govgraph/sdk';
import type { LicencesSubgraph } from '..';
import { ACME, LI, LICENCE_TYPES, LICENCES, ZHANG, licenceFields, post, recordOf, startSubgraph } from './fixtures/licence-fixtures';

const baseUrl = process.env['GOVGRAPH_TEST_POSTGRES_URL'];
const describePostgres = baseUrl ? describe : describe.skip;
if (!baseUrl) console.warn('PostgreSQL test of @govgraph/subgraph-licences skipped: set GOVGRAPH_TEST_POSTGRES_URL to run it');

describePostgres('licences subgraph on PostgreSQL', () => {
  const schema = `licences_test_${randomBytes(6).toString('hex')}`;
  let subgraph: LicencesSubgraph | undefined;

  beforeAll(async () => {
    const sizes: DatasetSizes = { persons: 0, enterprises: 0, services: 0, licenceTypes: LICENCE_TYPES.length, licences: LICENCES.length, cases: 0 };
    const library = await createLicenceLibrary({ url: baseUrl!, schema, dataset: { seed: 1, sizes, licenceTypes: LICENCE_TYPES, licences: LICENCES } });
    await library.close();
    subgraph = await startSubgraph(baseUrl!, { licenceDbSchema: schema });
  });

  afterAll(async () => {
    await subgraph?.stop();
    const admin = sqlSource(parseSqlSourceConfig({ name: 'licence-library-admin', url: baseUrl, readonly: false }));
    await admin.start({ logger: createSilentLogger() });
    try {
      await admin.query(`drop schema if exists ${schema} cascade`);
    } finally {
      await admin.stop();
    }
  });

  it('serves holders\' licences with their types in two statements, and verifies a licence', async () => {
    const before = subgraph!.licenceDb.stats().queries;
    const body = await post(
      subgraph!,
      `query($r: [_Any!]!) { _entities(representations: $r) {
         ... on Person { licences { number issuer issuedOn expiresOn status revokedReason type { code validityYears } } }
         ... on Enterprise { licences(status: VALID) { number } } } }`,
      { r: [{ __typename: 'Person', idNumber: LI }, { __typename: 'Enterprise', creditCode: ACME }, { __typename: 'Person', idNumber: ZHANG }] },
    );
    expect(body.errors).toBeUndefined();
    const withType = (number: string) => ({ ...licenceFields(recordOf(number)), type: { code: recordOf(number).typeCode, validityYears: 10 } });
    expect(body.data._entities).toEqual([
      { licences: [withType('JS-LT0003-2021-000005'), withType('JS-LT0003-2005-000004')] },
      { licences: [{ number: 'JS-LT0001-2021-000006' }] },
      {
        licences: [
          withType('JS-LT0003-2016-000002'),
          { ...licenceFields(recordOf('JS-LT0004-2016-000003')), type: { code: 'LT-0004', validityYears: null } },
          { ...licenceFields(recordOf('JS-LT0002-2010-000001')), type: { code: 'LT-0002', validityYears: 20 } },
        ],
      },
    ]);
    expect(subgraph!.licenceDb.stats().queries - before).toBe(2);

    expect(await post(subgraph!, '{ verifyLicence(number: "JS-LT0003-2016-000002") { result reason checkedOn } }')).toEqual({
      data: { verifyLicence: { result: 'EXPIRED', reason: '证照有效期至 2026-06-30，已过期', checkedOn: '2026-07-15' } },
    });
  });
});
