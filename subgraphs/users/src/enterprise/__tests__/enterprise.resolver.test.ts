import { startUsersFixture, type UsersFixture } from '../../__tests__/helpers/start-users-fixture';
import {
  corruptEnterprise,
  enterprises,
  foodCo,
  liLei,
  logisticsCo,
  persons,
  snackShop,
  techCo,
  unknownCreditCode,
  wang,
  wangHong,
} from '../../__tests__/helpers/users-dataset';

const ENTERPRISE_FIELDS = 'creditCode name kind address status establishedOn legalRepresentative { id idNumber name }';

/** An enterprise as the subgraph must serve it. */
const served = (enterprise: typeof techCo, status: string, representative: typeof wang | null) => ({
  creditCode: enterprise.creditCode,
  name: enterprise.name,
  kind: enterprise.kind,
  address: enterprise.address,
  status,
  establishedOn: enterprise.establishedOn,
  legalRepresentative: representative && { id: representative.id, idNumber: representative.idNumber, name: representative.name },
});

let fixture: UsersFixture;

beforeAll(async () => {
  fixture = await startUsersFixture({ persons, enterprises });
});
afterAll(() => fixture.close());
beforeEach(() => fixture.reset());

describe('enterprise(creditCode)', () => {
  it('serves every field, maps each status, and fetches all legal representatives with one call', async () => {
    const answer = await fixture.query(
      `{ a: enterprise(creditCode: "${techCo.creditCode}") { ${ENTERPRISE_FIELDS} }
         b: enterprise(creditCode: "${foodCo.creditCode}") { ${ENTERPRISE_FIELDS} }
         c: enterprise(creditCode: "${snackShop.creditCode}") { ${ENTERPRISE_FIELDS} } }`,
    );
    expect(answer).toEqual({
      data: { a: served(techCo, 'ACTIVE', wang), b: served(foodCo, 'REVOKED', wangHong), c: served(snackShop, 'CANCELLED', liLei) },
    });
    expect(fixture.legalPerson.calls.byOperation()).toEqual({ batchGetEnterprises: 1 });
    expect(fixture.population.calls.byOperation()).toEqual({ GetPersonsByIdNumbers: 1 });
  });

  it('answers a null legal representative, without an error, when the population registry has no such person', async () => {
    expect(await fixture.query(`{ enterprise(creditCode: "${logisticsCo.creditCode}") { ${ENTERPRISE_FIELDS} } }`)).toEqual({
      data: { enterprise: served(logisticsCo, 'ACTIVE', null) },
    });
  });

  it('answers null for a valid credit code no enterprise has, and accepts lower-case letters', async () => {
    expect(
      await fixture.query(`{ x: enterprise(creditCode: "${unknownCreditCode}") { name } a: enterprise(creditCode: "${techCo.creditCode.toLowerCase()}") { creditCode } }`),
    ).toEqual({ data: { x: null, a: { creditCode: techCo.creditCode } } });
  });

  it('refuses a credit code that fails its check with BAD_USER_INPUT and calls nobody', async () => {
    const bad = techCo.creditCode.slice(0, 17) + (techCo.creditCode.endsWith('1') ? '2' : '1');
    const answer = await fixture.query('query($c: CreditCode!) { enterprise(creditCode: $c) { name } }', { c: bad });
    expect(answer.data).toBeUndefined();
    expect(answer.errors?.[0]?.message).toMatch(/^Invalid unified social credit code ".+": check character should be '.', got '.'$/);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(fixture.legalPerson.calls.total()).toBe(0);
  });

  it('fails only a corrupt record with CONN_UPSTREAM_INVALID_RESPONSE naming the bad field', async () => {
    const answer = await fixture.query(
      `{ good: enterprise(creditCode: "${techCo.creditCode}") { name } bad: enterprise(creditCode: "${corruptEnterprise.creditCode}") { name } }`,
    );
    expect(answer.data).toEqual({ good: { name: techCo.name }, bad: null });
    expect(answer.errors).toEqual([
      {
        message: `legacy system "legal-person-registry" returned an unreadable enterprise record ${corruptEnterprise.creditCode}: status must be one of active, revoked, cancelled`,
        path: ['bad'],
        locations: expect.any(Array),
        extensions: { code: 'CONN_UPSTREAM_INVALID_RESPONSE', source: 'legal-person-registry' },
      },
    ]);
  });
});

describe('searchEnterprises', () => {
  const query = `query($name: String, $status: EnterpriseStatus, $page: Int! = 1, $size: Int! = 20) {
    searchEnterprises(name: $name, status: $status, page: $page, pageSize: $size) {
      items { ${ENTERPRISE_FIELDS} } page pageSize total hasNextPage } }`;

  it('pages the enterprises whose name contains the text, in credit-code order, with one call for all representatives', async () => {
    const matching = [techCo, foodCo, logisticsCo].sort((a, b) => (a.creditCode < b.creditCode ? -1 : 1));
    const expected = matching.map((e) => served(e, e === foodCo ? 'REVOKED' : 'ACTIVE', e === techCo ? wang : e === foodCo ? wangHong : null));
    expect(await fixture.query(query, { name: '示例' })).toEqual({
      data: { searchEnterprises: { items: expected, page: 1, pageSize: 20, total: 3, hasNextPage: false } },
    });
    expect(await fixture.query(query, { name: '示例', page: 1, size: 2 })).toEqual({
      data: { searchEnterprises: { items: expected.slice(0, 2), page: 1, pageSize: 2, total: 3, hasNextPage: true } },
    });
    expect(fixture.legalPerson.calls.byOperation()).toEqual({ listEnterprises: 2 });
    expect(fixture.population.calls.byOperation()).toEqual({ GetPersonsByIdNumbers: 2 });
  });

  it('filters by status, combined with the name', async () => {
    expect(await fixture.query(query, { status: 'REVOKED' })).toEqual({
      data: { searchEnterprises: { items: [served(foodCo, 'REVOKED', wangHong)], page: 1, pageSize: 20, total: 1, hasNextPage: false } },
    });
    expect(await fixture.query(query, { name: '示例', status: 'CANCELLED' })).toEqual({
      data: { searchEnterprises: { items: [], page: 1, pageSize: 20, total: 0, hasNextPage: false } },
    });
  });

  it('refuses a bad page size, a blank name and an unknown status, calling nobody', async () => {
    const size = await fixture.query(query, { size: 0 });
    expect(size.errors?.[0]).toMatchObject({ message: 'pageSize must be between 1 and 100, got 0', extensions: { code: 'BAD_USER_INPUT' } });
    const name = await fixture.query(query, { name: '' });
    expect(name.errors?.[0]).toMatchObject({ message: 'name must not be empty', extensions: { code: 'BAD_USER_INPUT' } });
    const status = await fixture.query(query, { status: 'SUSPENDED' });
    expect(status.errors?.[0]?.message).toContain('Value "SUSPENDED" does not exist in "EnterpriseStatus" enum');
    expect(fixture.legalPerson.calls.total()).toBe(0);
  });

  it('fails with CONN_UPSTREAM_INVALID_RESPONSE when a record of the page is corrupt', async () => {
    const answer = await fixture.query(query, { name: '错误数据' });
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0]).toMatchObject({ path: ['searchEnterprises'], extensions: { code: 'CONN_UPSTREAM_INVALID_RESPONSE' } });
  });
});
