import { startUsersFixture, type UsersFixture } from '../../__tests__/helpers/start-users-fixture';
import { corruptPerson, enterprises, hanMeimei, liLei, persons, unknownIdNumber, wang, wangHong, withWrongCheckCharacter } from '../../__tests__/helpers/users-dataset';

const PERSON_FIELDS = 'id idNumber name gender birthDate phone address';

/** A person as the subgraph must serve it. */
const served = (person: typeof wang, gender: 'MALE' | 'FEMALE') => ({
  id: person.id,
  idNumber: person.idNumber,
  name: person.name,
  gender,
  birthDate: person.birthDate,
  phone: person.phone,
  address: person.address,
});

let fixture: UsersFixture;

beforeAll(async () => {
  fixture = await startUsersFixture({ persons, enterprises });
});
afterAll(() => fixture.close());
beforeEach(() => fixture.reset());

describe('person(id)', () => {
  it('serves every field of a person, mapping M/F to MALE/FEMALE and keeping XML metacharacters', async () => {
    const answer = await fixture.query(
      `query($a: ID!, $b: ID!, $c: ID!, $d: ID!) {
        a: person(id: $a) { ${PERSON_FIELDS} } b: person(id: $b) { ${PERSON_FIELDS} }
        c: person(id: $c) { ${PERSON_FIELDS} } d: person(id: $d) { ${PERSON_FIELDS} } }`,
      { a: wang.id, b: wangHong.id, c: liLei.id, d: hanMeimei.id },
    );
    expect(answer).toEqual({
      data: { a: served(wang, 'MALE'), b: served(wangHong, 'FEMALE'), c: served(liLei, 'MALE'), d: served(hanMeimei, 'FEMALE') },
    });
    expect(liLei.idNumber.endsWith('X')).toBe(true);
    expect(hanMeimei.phone).toBe('');
  });

  it('answers null for an unknown id, without an error', async () => {
    expect(await fixture.query('{ person(id: "P77777777") { id } }')).toEqual({ data: { person: null } });
  });

  it('fetches sibling look-ups of one request with one call per operation', async () => {
    const answer = await fixture.query(
      `query($n1: ResidentId!, $n2: ResidentId!) {
        a: person(id: "${wang.id}") { name } b: person(id: "${liLei.id}") { name } x: person(id: "P77777777") { name }
        c: personByIdNumber(idNumber: $n1) { name } d: personByIdNumber(idNumber: $n2) { name } }`,
      { n1: wangHong.idNumber, n2: hanMeimei.idNumber },
    );
    expect(answer).toEqual({ data: { a: { name: '王小明' }, b: { name: '李雷' }, x: null, c: { name: '王小红' }, d: { name: '韩梅梅' } } });
    expect(fixture.population.calls.byOperation()).toEqual({ GetPersonsByIds: 1, GetPersonsByIdNumbers: 1 });
  });

  it('refuses an empty id with BAD_USER_INPUT and calls nobody', async () => {
    const answer = await fixture.query('{ person(id: "  ") { id } }');
    expect(answer.data).toEqual({ person: null });
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors?.[0]).toMatchObject({ message: 'id must not be empty', path: ['person'], extensions: { code: 'BAD_USER_INPUT' } });
    expect(fixture.population.calls.total()).toBe(0);
  });

  it('refuses an id longer than 64 characters', async () => {
    const answer = await fixture.query(`{ person(id: "${'P'.repeat(65)}") { id } }`);
    expect(answer.errors?.[0]).toMatchObject({ message: 'id must be at most 64 characters, got 65', extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('fails only the corrupt record of a batch, with CONN_UPSTREAM_INVALID_RESPONSE naming the record and the field', async () => {
    const answer = await fixture.query(`{ good: person(id: "${wang.id}") { name } bad: person(id: "${corruptPerson.id}") { name } }`);
    expect(answer.data).toEqual({ good: { name: '王小明' }, bad: null });
    expect(answer.errors).toEqual([
      {
        message: 'legacy system "population-registry" returned an unreadable person record P00000099: idNumber is not a valid resident ID number',
        path: ['bad'],
        locations: expect.any(Array),
        extensions: { code: 'CONN_UPSTREAM_INVALID_RESPONSE', source: 'population-registry' },
      },
    ]);
    expect(JSON.stringify(answer)).not.toContain(corruptPerson.idNumber);
    expect(fixture.population.calls.byOperation()).toEqual({ GetPersonsByIds: 1 });
  });
});

describe('personByIdNumber', () => {
  it('serves a person by ID number, accepting a lower-case check character x', async () => {
    const answer = await fixture.query(`{ a: personByIdNumber(idNumber: "${wang.idNumber}") { ${PERSON_FIELDS} } b: personByIdNumber(idNumber: "${liLei.idNumber.toLowerCase()}") { id idNumber } }`);
    expect(answer).toEqual({ data: { a: served(wang, 'MALE'), b: { id: liLei.id, idNumber: liLei.idNumber } } });
  });

  it('answers null for a valid ID number nobody has', async () => {
    expect(await fixture.query(`{ personByIdNumber(idNumber: "${unknownIdNumber}") { id } }`)).toEqual({ data: { personByIdNumber: null } });
  });

  it('refuses an ID number whose check character is wrong, saying which it should be', async () => {
    const bad = withWrongCheckCharacter(wang.idNumber);
    const answer = await fixture.query('query($n: ResidentId!) { personByIdNumber(idNumber: $n) { id } }', { n: bad });
    expect(answer.data).toBeUndefined();
    expect(answer.errors?.[0]?.message).toContain(`check character should be '${wang.idNumber.slice(-1)}', got '${bad.slice(-1)}'`);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(fixture.population.calls.total()).toBe(0);
  });
});

describe('searchPersons', () => {
  it('pages the persons whose name starts with the prefix, ordered by name then id', async () => {
    const query = `query($page: Int!, $size: Int!) { searchPersons(name: "王小", page: $page, pageSize: $size) {
      items { ${PERSON_FIELDS} } page pageSize total hasNextPage } }`;
    expect(await fixture.query(query, { page: 1, size: 20 })).toEqual({
      data: { searchPersons: { items: [served(wang, 'MALE'), served(wangHong, 'FEMALE')], page: 1, pageSize: 20, total: 2, hasNextPage: false } },
    });
    expect(await fixture.query(query, { page: 1, size: 1 })).toEqual({
      data: { searchPersons: { items: [served(wang, 'MALE')], page: 1, pageSize: 1, total: 2, hasNextPage: true } },
    });
    expect(await fixture.query(query, { page: 2, size: 1 })).toEqual({
      data: { searchPersons: { items: [served(wangHong, 'FEMALE')], page: 2, pageSize: 1, total: 2, hasNextPage: false } },
    });
    expect(fixture.population.calls.byOperation()).toEqual({ SearchPersons: 3 });
  });

  it('uses the defaults page 1, pageSize 20 and answers an empty page when nobody matches', async () => {
    expect(await fixture.query('{ searchPersons(name: "欧阳") { items { id } page pageSize total hasNextPage } }')).toEqual({
      data: { searchPersons: { items: [], page: 1, pageSize: 20, total: 0, hasNextPage: false } },
    });
  });

  it('refuses a page size over 100 with BAD_USER_INPUT and calls nobody', async () => {
    const answer = await fixture.query('{ searchPersons(name: "王", pageSize: 101) { total } }');
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0]).toMatchObject({
      message: 'pageSize must be between 1 and 100, got 101',
      path: ['searchPersons'],
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(fixture.population.calls.total()).toBe(0);
  });

  it('refuses an empty or overlong name with BAD_USER_INPUT naming the argument', async () => {
    const empty = await fixture.query('{ searchPersons(name: " ") { total } }');
    expect(empty.errors?.[0]).toMatchObject({ message: 'name must not be empty', extensions: { code: 'BAD_USER_INPUT' } });
    const long = await fixture.query(`{ searchPersons(name: "${'王'.repeat(51)}") { total } }`);
    expect(long.errors?.[0]).toMatchObject({ message: 'name must be at most 50 characters, got 51', extensions: { code: 'BAD_USER_INPUT' } });
    expect(fixture.population.calls.total()).toBe(0);
  });

  it('fails the search with CONN_UPSTREAM_INVALID_RESPONSE when a record of the page is corrupt', async () => {
    const answer = await fixture.query('{ searchPersons(name: "错") { total items { id } } }');
    expect(answer.data).toBeNull();
    expect(answer.errors?.[0]).toMatchObject({ path: ['searchPersons'], extensions: { code: 'CONN_UPSTREAM_INVALID_RESPONSE' } });
  });
});
