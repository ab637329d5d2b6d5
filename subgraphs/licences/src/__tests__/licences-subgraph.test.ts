import {
  ACME,
  DELTA,
  LI,
  LICENCE_TYPES,
  NOBODY,
  WANG,
  ZHANG,
  createTestLibrary,
  licenceFields,
  post,
  recordOf,
  startSubgraph,
  type TestLibrary,
} from './fixtures/licence-fixtures';
import type { LicencesSubgraph } from '..';

const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { __typename ';
const person = (idNumber: string) => ({ __typename: 'Person', idNumber });
const enterprise = (creditCode: string) => ({ __typename: 'Enterprise', creditCode });

describe('licences subgraph', () => {
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

  /** Statements sent to the licence library while `run` runs. */
  async function statements<T>(run: () => Promise<T>): Promise<{ result: T; queries: number }> {
    const before = subgraph.licenceDb.stats().queries;
    const result = await run();
    return { result, queries: subgraph.licenceDb.stats().queries - before };
  }

  it('serves Federation 2 SDL with the keys, the holder union and the extended Person and Enterprise', async () => {
    const { data } = await post(subgraph, '{ _service { sdl } }');
    const sdl: string = data._service.sdl;
    expect(sdl).toMatch(/type Licence\s+@key\(fields: "number"\)/);
    expect(sdl).toMatch(/type LicenceType\s+@key\(fields: "code"\)/);
    expect(sdl).toMatch(/type Person\s+@key\(fields: "idNumber"\)\s*\{\s*idNumber: ResidentId!(?:\s*@tag\(name: "govgraph:[a-z-]+:[A-Za-z0-9-]+"\))*\s*"""[^"]*"""\s*licences\(\s*"""[^"]*"""\s*status: LicenceStatus\s*\): \[Licence!\](?:\s*@tag\(name: "govgraph:[a-z-]+:[A-Za-z0-9-]+"\))*\s*\}/);
    expect(sdl).toMatch(/type Enterprise\s+@key\(fields: "creditCode"\)\s*\{\s*creditCode: CreditCode!(?:\s*@tag\(name: "govgraph:[a-z-]+:[A-Za-z0-9-]+"\))*\s*"""[^"]*"""\s*licences\(/);
    expect(sdl).toMatch(/union LicenceHolder = Person \| Enterprise/);
    expect(sdl).toMatch(/enum HolderKind\s*\{\s*PERSON\s+ENTERPRISE\s*\}/);
    expect(sdl).toMatch(/enum VerificationResult\s*\{[^}]*VALID[^}]*REVOKED[^}]*EXPIRED[^}]*NOT_FOUND[^}]*\}/);
    expect(sdl).toContain('verifyLicence(number: String!): LicenceVerification!');
  });

  it('returns a licence by number with its type and a reference to its holder', async () => {
    const body = await post(
      subgraph,
      `{ licence(number: "JS-LT0003-2021-000005") {
          number issuer issuedOn expiresOn status revokedReason
          type { code name issuer holderKind validityYears }
          holder { __typename ... on Person { idNumber } ... on Enterprise { creditCode } }
      } }`,
    );
    expect(body).toEqual({
      data: {
        licence: {
          number: 'JS-LT0003-2021-000005',
          issuer: '苏州市公安局交通警察支队',
          issuedOn: '2021-02-02',
          expiresOn: '2031-02-01',
          status: 'REVOKED',
          revokedReason: '饮酒后驾驶机动车，依法吊销',
          type: { code: 'LT-0003', name: '机动车驾驶证', issuer: '江苏省公安厅交通警察总队', holderKind: 'PERSON', validityYears: 10 },
          holder: { __typename: 'Person', idNumber: LI },
        },
      },
    });
  });

  it('gives an enterprise holder as an Enterprise reference and a licence without expiry as null', async () => {
    const body = await post(
      subgraph,
      `{ a: licence(number: "JS-LT0001-2019-000008") { holder { __typename ... on Enterprise { creditCode } } }
         b: licence(number: "JS-LT0004-2016-000003") { expiresOn type { validityYears } } }`,
    );
    expect(body).toEqual({
      data: { a: { holder: { __typename: 'Enterprise', creditCode: DELTA } }, b: { expiresOn: null, type: { validityYears: null } } },
    });
  });

  it('returns null for a licence number the library does not hold', async () => {
    expect(await post(subgraph, '{ licence(number: "JS-LT0001-2099-999999") { number } }')).toEqual({ data: { licence: null } });
  });

  it.each([
    ['', 'Invalid licence number for argument "number": must not be empty'],
    ['JS LT0001', 'Invalid licence number for argument "number": must not contain spaces or control characters'],
    ['J'.repeat(65), 'Invalid licence number for argument "number": must be at most 64 characters, got 65'],
  ])('refuses the licence number %j with BAD_USER_INPUT', async (number, message) => {
    const body = await post(subgraph, 'query($n: String!) { licence(number: $n) { number } }', { n: number });
    expect(body.data).toEqual({ licence: null });
    expect(body.errors).toEqual([{ message, path: ['licence'], locations: expect.any(Array), extensions: { code: 'BAD_USER_INPUT', argument: 'number' } }]);
  });

  it('lists every licence type, ordered by code', async () => {
    const body = await post(subgraph, '{ licenceTypes { code name issuer holderKind validityYears } }');
    expect(body).toEqual({
      data: { licenceTypes: LICENCE_TYPES.map((type) => ({ ...type, holderKind: type.holderKind.toUpperCase() })) },
    });
  });

  it('resolves Person references to their licences, newest first then by number, [] for none, in order with duplicates', async () => {
    const { result: body, queries } = await statements(() =>
      post(subgraph, `${ENTITIES} ... on Person { idNumber licences { number issuer issuedOn expiresOn status revokedReason } } } }`, {
        r: [person(ZHANG), person(NOBODY), person(LI), person(ZHANG)],
      }),
    );
    const zhang = ['JS-LT0003-2016-000002', 'JS-LT0004-2016-000003', 'JS-LT0002-2010-000001'].map((n) => licenceFields(recordOf(n)));
    expect(body).toEqual({
      data: {
        _entities: [
          { __typename: 'Person', idNumber: ZHANG, licences: zhang },
          { __typename: 'Person', idNumber: NOBODY, licences: [] },
          {
            __typename: 'Person',
            idNumber: LI,
            licences: ['JS-LT0003-2021-000005', 'JS-LT0003-2005-000004'].map((n) => licenceFields(recordOf(n))),
          },
          { __typename: 'Person', idNumber: ZHANG, licences: zhang },
        ],
      },
    });
    expect(queries).toBe(1);
  });

  it('filters a holder\'s licences by recorded status', async () => {
    const body = await post(
      subgraph,
      `${ENTITIES}
        ... on Person { valid: licences(status: VALID) { number } revoked: licences(status: REVOKED) { number } }
        ... on Enterprise { expired: licences(status: EXPIRED) { number } all: licences { number } } } }`,
      { r: [person(ZHANG), person(LI), enterprise(ACME)] },
    );
    expect(body).toEqual({
      data: {
        _entities: [
          {
            __typename: 'Person',
            valid: [{ number: 'JS-LT0003-2016-000002' }, { number: 'JS-LT0004-2016-000003' }, { number: 'JS-LT0002-2010-000001' }],
            revoked: [],
          },
          { __typename: 'Person', valid: [], revoked: [{ number: 'JS-LT0003-2021-000005' }] },
          { __typename: 'Enterprise', expired: [{ number: 'JS-LT0001-2015-000007' }], all: [{ number: 'JS-LT0001-2021-000006' }, { number: 'JS-LT0001-2015-000007' }] },
        ],
      },
    });
  });

  it('loads the licences of persons and enterprises together with one statement, and their types with one more', async () => {
    const { result: body, queries } = await statements(() =>
      post(
        subgraph,
        `${ENTITIES} ... on Person { licences { number type { name } } } ... on Enterprise { creditCode licences { number type { code } } } } }`,
        { r: [enterprise(ACME), person(LI), enterprise(DELTA), enterprise(NOBODY.slice(0, 17) + 'Q')] },
      ),
    );
    expect(body).toEqual({
      data: {
        _entities: [
          {
            __typename: 'Enterprise',
            creditCode: ACME,
            licences: [
              { number: 'JS-LT0001-2021-000006', type: { code: 'LT-0001' } },
              { number: 'JS-LT0001-2015-000007', type: { code: 'LT-0001' } },
            ],
          },
          {
            __typename: 'Person',
            licences: [
              { number: 'JS-LT0003-2021-000005', type: { name: '机动车驾驶证' } },
              { number: 'JS-LT0003-2005-000004', type: { name: '机动车驾驶证' } },
            ],
          },
          { __typename: 'Enterprise', creditCode: DELTA, licences: [{ number: 'JS-LT0001-2019-000008', type: { code: 'LT-0001' } }] },
          { __typename: 'Enterprise', creditCode: NOBODY.slice(0, 17) + 'Q', licences: [] },
        ],
      },
    });
    expect(queries).toBe(2);
  });

  it('matches a Person reference whose ID number ends in a lower-case x', async () => {
    const body = await post(subgraph, `${ENTITIES} ... on Person { licences { number } } } }`, { r: [person(WANG.toLowerCase())] });
    expect(body).toEqual({ data: { _entities: [{ __typename: 'Person', licences: [{ number: 'JS-LT0002-2008-000009' }] }] } });
  });

  it('resolves Licence references by number with one statement: null for a missing one, in order with duplicates', async () => {
    const { result: body, queries } = await statements(() =>
      post(subgraph, `${ENTITIES} ... on Licence { number status holder { ... on Enterprise { creditCode } } } } }`, {
        r: [
          { __typename: 'Licence', number: 'JS-LT0001-2021-000006' },
          { __typename: 'Licence', number: 'JS-NONE-0000' },
          { __typename: 'Licence', number: 'JS-LT0001-2019-000008' },
          { __typename: 'Licence', number: 'JS-LT0001-2021-000006' },
        ],
      }),
    );
    expect(body).toEqual({
      data: {
        _entities: [
          { __typename: 'Licence', number: 'JS-LT0001-2021-000006', status: 'VALID', holder: { creditCode: ACME } },
          null,
          { __typename: 'Licence', number: 'JS-LT0001-2019-000008', status: 'REVOKED', holder: { creditCode: DELTA } },
          { __typename: 'Licence', number: 'JS-LT0001-2021-000006', status: 'VALID', holder: { creditCode: ACME } },
        ],
      },
    });
    expect(queries).toBe(1);
  });

  it('resolves LicenceType references by code: null for a missing one, in order', async () => {
    const { result: body, queries } = await statements(() =>
      post(subgraph, `${ENTITIES} ... on LicenceType { code name holderKind } } }`, {
        r: [
          { __typename: 'LicenceType', code: 'LT-0004' },
          { __typename: 'LicenceType', code: 'LT-9999' },
          { __typename: 'LicenceType', code: 'LT-0001' },
        ],
      }),
    );
    expect(body).toEqual({
      data: {
        _entities: [
          { __typename: 'LicenceType', code: 'LT-0004', name: '结婚证', holderKind: 'PERSON' },
          null,
          { __typename: 'LicenceType', code: 'LT-0001', name: '食品经营许可证', holderKind: 'ENTERPRISE' },
        ],
      },
    });
    expect(queries).toBe(1);
  });

  it('refuses a Licence reference without a number, for that reference only', async () => {
    const body = await post(subgraph, `${ENTITIES} ... on Licence { number } } }`, {
      r: [{ __typename: 'Licence' }, { __typename: 'Licence', number: 'JS-LT0002-2008-000009' }],
    });
    expect(body.data).toEqual({ _entities: [null, { __typename: 'Licence', number: 'JS-LT0002-2008-000009' }] });
    expect(body.errors).toMatchObject([{ message: 'A Licence reference needs a number', path: ['_entities', 0], extensions: { code: 'BAD_USER_INPUT' } }]);
  });

  it('reports the licence library in /readyz', async () => {
    const response = await subgraph.fetch('http://licences.test/readyz');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready', sources: { licenceDb: { status: 'up' } } });
  });
});
