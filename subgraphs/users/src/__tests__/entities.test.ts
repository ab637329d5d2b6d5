import { startUsersFixture, type UsersFixture } from './helpers/start-users-fixture';
import {
  bulkEnterprises,
  bulkPersons,
  corruptPerson,
  enterprises,
  foodCo,
  liLei,
  persons,
  techCo,
  unknownCreditCode,
  unknownIdNumber,
  wang,
  wangHong,
  withWrongCheckCharacter,
} from './helpers/users-dataset';

const manyPersons = bulkPersons(150);
const manyEnterprises = bulkEnterprises(manyPersons.slice(0, 100));

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Person { id idNumber name }
  ... on Enterprise { creditCode name legalRepresentative { name } } } }`;

const personRef = (fields: Record<string, string>) => ({ __typename: 'Person', ...fields });
const enterpriseRef = (creditCode: string) => ({ __typename: 'Enterprise', creditCode });

let fixture: UsersFixture;

beforeAll(async () => {
  fixture = await startUsersFixture({ persons: [...persons, ...manyPersons], enterprises: [...enterprises, ...manyEnterprises] });
});
afterAll(() => fixture.close());
beforeEach(() => fixture.reset());

it('publishes Federation 2 SDL with both Person keys and the Enterprise key', async () => {
  const { data } = await fixture.query('{ _service { sdl } }');
  const sdl: string = data._service.sdl;
  expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.6"');
  expect(sdl).toMatch(/type Person\s+@key\(fields: "id"\)\s+@key\(fields: "idNumber"\)\s*\{/);
  expect(sdl).toMatch(/type Enterprise\s+@key\(fields: "creditCode"\)\s*\{/);
  expect(sdl).toMatch(/enum Gender \{\s+MALE\s+FEMALE\s+\}/);
  expect(sdl).toMatch(/enum EnterpriseStatus \{[^}]*ACTIVE[^}]*REVOKED[^}]*CANCELLED[^}]*\}/);
});

describe('Person references', () => {
  it('resolves references by id in order, with null for a missing one and repeats, in one call', async () => {
    const answer = await fixture.query(ENTITIES, {
      r: [personRef({ id: liLei.id }), personRef({ id: 'P77777777' }), personRef({ id: wang.id }), personRef({ id: liLei.id })],
    });
    const li = { id: liLei.id, idNumber: liLei.idNumber, name: liLei.name };
    expect(answer).toEqual({ data: { _entities: [li, null, { id: wang.id, idNumber: wang.idNumber, name: wang.name }, li] } });
    expect(fixture.population.calls.byOperation()).toEqual({ GetPersonsByIds: 1 });
  });

  it('resolves references by idNumber and by id together: one call per key field', async () => {
    const answer = await fixture.query(ENTITIES, {
      r: [personRef({ idNumber: wangHong.idNumber }), personRef({ id: wang.id }), personRef({ idNumber: unknownIdNumber }), personRef({ idNumber: wangHong.idNumber })],
    });
    const hong = { id: wangHong.id, idNumber: wangHong.idNumber, name: wangHong.name };
    expect(answer).toEqual({ data: { _entities: [hong, { id: wang.id, idNumber: wang.idNumber, name: wang.name }, null, hong] } });
    expect(fixture.population.calls.byOperation()).toEqual({ GetPersonsByIds: 1, GetPersonsByIdNumbers: 1 });
  });

  it('answers null for an ID number that fails its check, without sending it', async () => {
    const answer = await fixture.query(ENTITIES, { r: [personRef({ idNumber: withWrongCheckCharacter(wang.idNumber) })] });
    expect(answer).toEqual({ data: { _entities: [null] } });
    expect(fixture.population.calls.total()).toBe(0);
  });

  it('fails only the reference whose record is corrupt', async () => {
    const answer = await fixture.query(ENTITIES, { r: [personRef({ id: wang.id }), personRef({ id: corruptPerson.id })] });
    expect(answer.data).toEqual({ _entities: [{ id: wang.id, idNumber: wang.idNumber, name: wang.name }, null] });
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors?.[0]).toMatchObject({ path: ['_entities', 1], extensions: { code: 'CONN_UPSTREAM_INVALID_RESPONSE' } });
  });

  it('resolves 150 references by id with 2 calls, and 150 by idNumber with 2 more', async () => {
    const byId = await fixture.query(ENTITIES, { r: manyPersons.map((p) => personRef({ id: p.id })) });
    expect(byId.errors).toBeUndefined();
    expect(byId.data._entities).toEqual(manyPersons.map((p) => ({ id: p.id, idNumber: p.idNumber, name: p.name })));
    const byIdNumber = await fixture.query(ENTITIES, { r: manyPersons.map((p) => personRef({ idNumber: p.idNumber })) });
    expect(byIdNumber.data._entities).toEqual(byId.data._entities);
    expect(fixture.population.calls.byOperation()).toEqual({ GetPersonsByIds: 2, GetPersonsByIdNumbers: 2 });
  });
});

describe('Enterprise references', () => {
  it('resolves references in order with null for a missing one and repeats, representatives included', async () => {
    const answer = await fixture.query(ENTITIES, {
      r: [enterpriseRef(foodCo.creditCode), enterpriseRef(unknownCreditCode), enterpriseRef(techCo.creditCode), enterpriseRef(foodCo.creditCode)],
    });
    const food = { creditCode: foodCo.creditCode, name: foodCo.name, legalRepresentative: { name: wangHong.name } };
    expect(answer).toEqual({
      data: { _entities: [food, null, { creditCode: techCo.creditCode, name: techCo.name, legalRepresentative: { name: wang.name } }, food] },
    });
    expect(fixture.legalPerson.calls.byOperation()).toEqual({ batchGetEnterprises: 1 });
    expect(fixture.population.calls.byOperation()).toEqual({ GetPersonsByIdNumbers: 1 });
  });

  it("resolves 100 enterprises' legal representatives with exactly 1 call to each registry", async () => {
    const answer = await fixture.query('query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { legalRepresentative { name } } } }', {
      r: manyEnterprises.map((e) => enterpriseRef(e.creditCode)),
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data._entities).toEqual(manyPersons.slice(0, 100).map((p) => ({ legalRepresentative: { name: p.name } })));
    expect(fixture.legalPerson.calls.byOperation()).toEqual({ batchGetEnterprises: 1 });
    expect(fixture.population.calls.byOperation()).toEqual({ GetPersonsByIdNumbers: 1 });
  });

  it('mixes Person and Enterprise references in one request', async () => {
    const answer = await fixture.query(ENTITIES, { r: [personRef({ id: liLei.id }), enterpriseRef(techCo.creditCode)] });
    expect(answer).toEqual({
      data: {
        _entities: [
          { id: liLei.id, idNumber: liLei.idNumber, name: liLei.name },
          { creditCode: techCo.creditCode, name: techCo.name, legalRepresentative: { name: wang.name } },
        ],
      },
    });
  });
});
