/**
 * What clients see when the licence library fails: a closed database, a
 * lock held past the timeout, and rows it should never have held. Each
 * failure is reported on the affected fields only, with the SDK's codes.
 */
import Database from 'better-sqlite3';
import { LICENCES, ZHANG, createTestLibrary, post, residentId, startSubgraph, type TestLibrary } from './fixtures/licence-fixtures';
import type { LicencesSubgraph } from '..';

const ODD = residentId('32010619991231004');
const person = (idNumber: string) => ({ __typename: 'Person', idNumber });
const ENTITY_LICENCES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { licences { number } } } }';

describe('licences subgraph when the licence library is down', () => {
  let library: TestLibrary;
  let subgraph: LicencesSubgraph;
  beforeAll(async () => {
    library = await createTestLibrary();
    subgraph = await startSubgraph(library.url);
    await subgraph.stop();
  });
  afterAll(() => library?.remove());

  it('answers CONN_UPSTREAM_UNAVAILABLE on the licence field and keeps the rest of the response', async () => {
    const body = await post(subgraph, '{ _service { sdl } licence(number: "JS-LT0002-2010-000001") { number } }');
    expect(body.data._service.sdl).toContain('type Licence');
    expect(body.data.licence).toBeNull();
    expect(body.errors).toEqual([
      { message: 'SQL source "licence-library" is stopped', path: ['licence'], locations: expect.any(Array), extensions: { code: 'CONN_UPSTREAM_UNAVAILABLE', source: 'licence-library' } },
    ]);
  });

  it('fails each entity\'s licences, not the request', async () => {
    const body = await post(subgraph, ENTITY_LICENCES, { r: [person(ZHANG), person(ODD)] });
    expect(body.data).toEqual({ _entities: [{ licences: null }, { licences: null }] });
    expect(body.errors?.map((error) => [error.path, error.extensions?.['code']])).toEqual([
      [['_entities', 0, 'licences'], 'CONN_UPSTREAM_UNAVAILABLE'],
      [['_entities', 1, 'licences'], 'CONN_UPSTREAM_UNAVAILABLE'],
    ]);
  });

  it('reports not ready', async () => {
    const response = await subgraph.fetch('http://licences.test/readyz');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'not-ready', sources: { licenceDb: { status: 'down' } } });
  });
});

describe('licences subgraph when the licence library does not answer in time', () => {
  let library: TestLibrary;
  let subgraph: LicencesSubgraph;
  let writer: Database.Database;
  beforeAll(async () => {
    library = await createTestLibrary();
    writer = new Database(library.path);
    writer.pragma('journal_mode = DELETE'); // in WAL mode readers never wait for a writer
    subgraph = await startSubgraph(library.url, { timeoutMs: 50 });
  });
  afterAll(async () => {
    await subgraph?.stop();
    writer?.close();
    await library?.remove();
  });

  it('answers CONN_UPSTREAM_TIMEOUT while another process holds the database locked, then recovers', async () => {
    writer.exec('begin exclusive');
    let body;
    try {
      body = await post(subgraph, '{ licence(number: "JS-LT0002-2010-000001") { number } }');
    } finally {
      writer.exec('rollback');
    }
    expect(body.data).toEqual({ licence: null });
    expect(body.errors).toMatchObject([{ path: ['licence'], extensions: { code: 'CONN_UPSTREAM_TIMEOUT' } }]);
    expect(subgraph.licenceDb.stats().timeouts).toBe(1);
    expect(await post(subgraph, '{ licence(number: "JS-LT0002-2010-000001") { number } }')).toEqual({
      data: { licence: { number: 'JS-LT0002-2010-000001' } },
    });
  });
});

describe('licences subgraph over malformed rows', () => {
  let library: TestLibrary;
  let subgraph: LicencesSubgraph;
  beforeAll(async () => {
    const odd = { holderKind: 'person', holderId: ODD, holderName: '某某', issuer: '南京市公安局', expiresOn: null, status: 'valid', revokedReason: null } as const;
    library = await createTestLibrary([
      ...LICENCES,
      { ...odd, number: 'JS-LT0004-2012-000010', typeCode: 'LT-0004', issuedOn: '2012-04-01' },
      { ...odd, number: 'JS-LT0002-2011-000011', typeCode: 'LT-0002', issuedOn: '2011/04/01', expiresOn: '2031-13-01' },
      { ...odd, number: 'JS-LT0002-2011-000012', typeCode: 'LT-0002', issuedOn: '2011-04-01', holderId: '320106199912310041' },
    ]);
    const writer = new Database(library.path);
    writer.pragma('foreign_keys = OFF'); // a legacy database whose constraints were never enforced
    writer.prepare("insert into licences (number, type_code, holder_kind, holder_id, holder_name, issuer, issued_on, status) values ('JS-LT0099-2020-000013', 'LT-0099', 'person', ?, '某某', '南京市公安局', '2020-01-01', 'valid')").run(ZHANG);
    writer.prepare("update licence_types set name = '' where code = 'LT-0005'").run();
    writer.close();
    subgraph = await startSubgraph(library.url);
  });
  afterAll(async () => {
    await subgraph?.stop();
    await library?.remove();
  });

  it('fails only the licences of the holder with an unreadable row, naming the row and its bad columns', async () => {
    const body = await post(subgraph, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { idNumber licences { number } } } }', {
      r: [person(ODD), person(ZHANG)],
    });
    expect(body.data._entities[0]).toEqual({ idNumber: ODD, licences: null });
    expect(body.data._entities[1].licences).toHaveLength(4);
    expect(body.errors).toEqual([
      {
        message: 'The licence library returned an unreadable licence "JS-LT0002-2011-000011": issued_on is not a YYYY-MM-DD date; expires_on is not a YYYY-MM-DD date',
        path: ['_entities', 0, 'licences'],
        locations: expect.any(Array),
        extensions: { code: 'CONN_UPSTREAM_INVALID_RESPONSE', source: 'licence-library' },
      },
    ]);
  });

  it('refuses to serve a holder id that is not a valid resident ID number, without showing it', async () => {
    const body = await post(subgraph, '{ a: licence(number: "JS-LT0002-2011-000012") { number } b: licence(number: "JS-LT0004-2012-000010") { number } }');
    expect(body.data).toEqual({ a: null, b: { number: 'JS-LT0004-2012-000010' } });
    expect(body.errors).toMatchObject([
      {
        message: 'The licence library returned an unreadable licence "JS-LT0002-2011-000012": holder_id is not a valid resident ID number',
        path: ['a'],
        extensions: { code: 'CONN_UPSTREAM_INVALID_RESPONSE' },
      },
    ]);
    expect(JSON.stringify(body)).not.toContain('320106199912310041');
  });

  it('reports a licence whose type the library does not hold on its type field only', async () => {
    const body = await post(subgraph, '{ licence(number: "JS-LT0099-2020-000013") { number type { name } } }');
    expect(body.data).toEqual({ licence: null });
    expect(body.errors).toMatchObject([
      {
        message: 'The licence library holds licence "JS-LT0099-2020-000013" of a licence type it does not hold',
        path: ['licence', 'type'],
        extensions: { code: 'CONN_UPSTREAM_INVALID_RESPONSE' },
      },
    ]);
  });

  it('reports an unreadable licence type row', async () => {
    const body = await post(subgraph, '{ licenceTypes { code } }');
    expect(body.data).toBeNull();
    expect(body.errors).toMatchObject([
      { message: 'The licence library returned an unreadable licence type "LT-0005": name is not a non-empty string', path: ['licenceTypes'], extensions: { code: 'CONN_UPSTREAM_INVALID_RESPONSE' } },
    ]);
  });
});
