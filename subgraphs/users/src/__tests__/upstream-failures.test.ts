import { startUsersFixture, type UsersFixture } from './helpers/start-users-fixture';
import { enterprises, persons, techCo, wang } from './helpers/users-dataset';

const TIMEOUT_MS = 300;

let fixture: UsersFixture;

beforeAll(async () => {
  fixture = await startUsersFixture({ persons, enterprises, timeoutMs: TIMEOUT_MS });
});
afterAll(() => fixture.close());
beforeEach(() => fixture.reset());

const enterpriseWithRepresentative = `{ enterprise(creditCode: "${techCo.creditCode}") { name legalRepresentative { name } } }`;

describe('the population registry down', () => {
  it('answers the enterprise with a null legal representative and CONN_UPSTREAM_UNAVAILABLE at that path only', async () => {
    fixture.population.faults.setFailure('error');
    const answer = await fixture.query(enterpriseWithRepresentative);
    expect(answer.data).toEqual({ enterprise: { name: techCo.name, legalRepresentative: null } });
    expect(answer.errors).toEqual([
      {
        message: 'legacy system "population-registry" failed (SOAP server fault)',
        path: ['enterprise', 'legalRepresentative'],
        locations: expect.any(Array),
        extensions: { code: 'CONN_UPSTREAM_UNAVAILABLE', source: 'population-registry', status: 500, upstreamCode: 'INTERNAL_ERROR' },
      },
    ]);
  });

  it('maps a dropped connection to CONN_UPSTREAM_UNAVAILABLE too', async () => {
    fixture.population.faults.setFailure('reset');
    const answer = await fixture.query(`{ person(id: "${wang.id}") { name } }`);
    expect(answer.data).toEqual({ person: null });
    expect(answer.errors?.[0]).toMatchObject({ path: ['person'], extensions: { code: 'CONN_UPSTREAM_UNAVAILABLE' } });
  });

  it('fails a search (a non-null field) and every entity reference, each with its own error', async () => {
    fixture.population.faults.setFailure('error');
    const search = await fixture.query('{ searchPersons(name: "王") { total } }');
    expect(search.data).toBeNull();
    expect(search.errors?.[0]).toMatchObject({ path: ['searchPersons'], extensions: { code: 'CONN_UPSTREAM_UNAVAILABLE' } });
    const entities = await fixture.query('query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { name } } }', {
      r: [{ __typename: 'Person', id: wang.id }, { __typename: 'Person', idNumber: wang.idNumber }],
    });
    expect(entities.data).toEqual({ _entities: [null, null] });
    expect(entities.errors?.map((error) => [error.path, error.extensions?.['code']])).toEqual([
      [['_entities', 0], 'CONN_UPSTREAM_UNAVAILABLE'],
      [['_entities', 1], 'CONN_UPSTREAM_UNAVAILABLE'],
    ]);
  });

  it('reports the registry down in readiness', async () => {
    fixture.population.faults.setFailure('error', { operations: ['wsdl'] });
    const report = await fixture.subgraph.readiness();
    expect(report).toMatchObject({ status: 'not-ready', sources: { population: { status: 'down' }, legalPerson: { status: 'up' } } });
  });
});

describe('the legal-person registry down', () => {
  it('answers the enterprise null with CONN_UPSTREAM_UNAVAILABLE and keeps a sibling person', async () => {
    fixture.legalPerson.faults.setFailure('error');
    const answer = await fixture.query(`{ enterprise(creditCode: "${techCo.creditCode}") { name } person(id: "${wang.id}") { name } }`);
    expect(answer.data).toEqual({ enterprise: null, person: { name: wang.name } });
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors?.[0]).toMatchObject({
      message: 'legacy system "legal-person-registry" failed (HTTP 500)',
      path: ['enterprise'],
      extensions: { code: 'CONN_UPSTREAM_UNAVAILABLE', source: 'legal-person-registry' },
    });
  });

  it('maps a truncated answer to CONN_UPSTREAM_INVALID_RESPONSE', async () => {
    fixture.legalPerson.faults.setFailure('malformed');
    const answer = await fixture.query('{ searchEnterprises(name: "示例") { total } }');
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0]).toMatchObject({ path: ['searchEnterprises'], extensions: { code: 'CONN_UPSTREAM_INVALID_RESPONSE' } });
  });
});

describe('a registry that does not answer', () => {
  it(`gives CONN_UPSTREAM_TIMEOUT at the legal representative after ${TIMEOUT_MS} ms, keeping the enterprise`, async () => {
    fixture.population.faults.setFailure('hang');
    const started = Date.now();
    const answer = await fixture.query(enterpriseWithRepresentative);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1500);
    expect(answer.data).toEqual({ enterprise: { name: techCo.name, legalRepresentative: null } });
    expect(answer.errors).toEqual([
      {
        message: `legacy system "population-registry" did not answer within ${TIMEOUT_MS} ms`,
        path: ['enterprise', 'legalRepresentative'],
        locations: expect.any(Array),
        extensions: { code: 'CONN_UPSTREAM_TIMEOUT', source: 'population-registry' },
      },
    ]);
  });

  it('gives CONN_UPSTREAM_TIMEOUT for the enterprise when the legal-person registry hangs', async () => {
    fixture.legalPerson.faults.setFailure('hang');
    const answer = await fixture.query(`{ enterprise(creditCode: "${techCo.creditCode}") { name } }`);
    expect(answer.data).toEqual({ enterprise: null });
    expect(answer.errors?.[0]).toMatchObject({ path: ['enterprise'], extensions: { code: 'CONN_UPSTREAM_TIMEOUT' } });
  });
});
