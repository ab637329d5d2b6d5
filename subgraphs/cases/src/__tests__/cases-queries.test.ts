import { Kind, parse, print } from 'graphql';
import {
  ACCEPTED_CASE,
  ACME,
  CASE_FIELDS,
  CASES_NEWEST_FIRST,
  COMPLETED_CASE,
  expectedCase,
  FOODS,
  HAN,
  IN_REVIEW_CASE,
  LI,
  REJECTED_CASE,
  SUBMITTED_CASE,
  WANG,
} from './helpers/case-fixtures';
import { startCasesTestBed, type CasesTestBed } from './helpers/start-cases-test-bed';

let bed: CasesTestBed;

beforeAll(async () => {
  bed = await startCasesTestBed({ cases: CASES_NEWEST_FIRST });
});
afterAll(() => bed.close());
beforeEach(() => {
  bed.system.calls.reset();
  bed.system.faults.reset();
});

describe('the schema', () => {
  /** `Type.field(arg: T = d, …): R` for every field of the SDL's object types, descriptions and federation's `_` fields left out. */
  function signatures(sdl: string): string[] {
    return parse(sdl).definitions.flatMap((definition) =>
      definition.kind === Kind.OBJECT_TYPE_DEFINITION && !definition.name.value.startsWith('_')
        ? (definition.fields ?? []).filter((field) => !field.name.value.startsWith('_')).map((field) => {
            const args = (field.arguments ?? []).map((arg) => `${arg.name.value}: ${print(arg.type)}${arg.defaultValue ? ` = ${print(arg.defaultValue)}` : ''}`);
            return `${definition.name.value}.${field.name.value}${args.length > 0 ? `(${args.join(', ')})` : ''}: ${print(field.type)}`;
          })
        : [],
    );
  }

  it('serves Federation 2 SDL with the keys of Case, the extended Person and Enterprise and the stubs', async () => {
    const { data } = await bed.query('{ _service { sdl } }');
    const sdl: string = data._service.sdl;
    expect(sdl).toMatch(/type Case\s+@key\(fields: "number"\)/);
    expect(sdl).toMatch(/type Person\s+@key\(fields: "idNumber"\)/);
    expect(sdl).toMatch(/type Enterprise\s+@key\(fields: "creditCode"\)/);
    expect(sdl).toMatch(/type Service\s+@key\(fields: "code", resolvable: false\)/);
    expect(sdl).toMatch(/type Licence\s+@key\(fields: "number", resolvable: false\)/);
    expect(sdl).toMatch(/union Applicant = Person \| Enterprise/);
    expect(sdl).toMatch(/enum HolderKind\s*\{\s*PERSON\s+ENTERPRISE\s*\}/);
    expect(sdl).toMatch(/enum CaseStatus\s*\{\s*SUBMITTED\s+ACCEPTED\s+IN_REVIEW\s+APPROVED\s+REJECTED\s+COMPLETED\s+WITHDRAWN\s*\}/);
    expect(signatures(sdl)).toEqual([
      'Query.case(number: String!): Case',
      'Query.cases(page: Int! = 1, pageSize: Int! = 20, applicantId: String, status: CaseStatus): CasePage!',
      'Case.number: String!',
      'Case.applicant: Applicant',
      'Case.service: Service',
      'Case.submittedAt: String!',
      'Case.status: CaseStatus!',
      'Case.history: [CaseStatusChange!]!',
      'Case.resultLicences: [Licence!]',
      'Case.allowedTransitions: [CaseStatus!]!',
      'Person.idNumber: ResidentId!',
      'Person.cases(status: CaseStatus): [Case!]',
      'Enterprise.creditCode: CreditCode!',
      'Enterprise.cases(status: CaseStatus): [Case!]',
      'Service.code: String!',
      'CaseStatusChange.status: CaseStatus!',
      'CaseStatusChange.at: String!',
      'CaseStatusChange.note: String',
      'Licence.number: String!',
      'CasePage.items: [Case!]!',
      'CasePage.page: Int!',
      'CasePage.pageSize: Int!',
      'CasePage.total: Int!',
      'CasePage.hasNextPage: Boolean!',
      'Mutation.submitCase(input: SubmitCaseInput!): Case!',
      'Mutation.transitionCase(number: String!, to: CaseStatus!, note: String, resultLicenceNumbers: [String!]): Case!',
    ]);
    expect(sdl).toMatch(/input SubmitCaseInput \{\s*applicantKind: HolderKind!\s+("""[^"]*"""\s+)?applicantId: String!\s+("""[^"]*"""\s+)?serviceCode: String!\s+("""[^"]*"""\s+)?note: String\s+("""[^"]*"""\s+)?idempotencyKey: String\s*\}/);
  });
});

describe('Query.case', () => {
  it('returns every field of a case, with references for applicant, service and result licences', async () => {
    const answer = await bed.query(`{ case(number: "${COMPLETED_CASE.number}") { ${CASE_FIELDS} } }`);
    expect(answer).toEqual({ data: { case: expectedCase(COMPLETED_CASE, []) } });
  });

  it('shows the workflow moves allowed from the current status', async () => {
    const answer = await bed.query(`{
      s: case(number: "${SUBMITTED_CASE.number}") { allowedTransitions }
      a: case(number: "${ACCEPTED_CASE.number}") { allowedTransitions }
      r: case(number: "${IN_REVIEW_CASE.number}") { allowedTransitions }
      x: case(number: "${REJECTED_CASE.number}") { allowedTransitions }
    }`);
    expect(answer).toEqual({
      data: {
        s: { allowedTransitions: ['ACCEPTED', 'REJECTED', 'WITHDRAWN'] },
        a: { allowedTransitions: ['IN_REVIEW', 'WITHDRAWN'] },
        r: { allowedTransitions: ['APPROVED', 'REJECTED'] },
        x: { allowedTransitions: [] },
      },
    });
  });

  it('answers null for an unknown case', async () => {
    expect(await bed.query('{ case(number: "SZ2099010100001") { number } }')).toEqual({ data: { case: null } });
  });

  it('batches sibling look-ups into one legacy call', async () => {
    const answer = await bed.query(`{
      a: case(number: "${ACCEPTED_CASE.number}") { number status }
      b: case(number: "${COMPLETED_CASE.number}") { number status }
      c: case(number: "NOPE") { number }
    }`);
    expect(answer).toEqual({
      data: { a: { number: ACCEPTED_CASE.number, status: 'ACCEPTED' }, b: { number: COMPLETED_CASE.number, status: 'COMPLETED' }, c: null },
    });
    expect(bed.system.calls.byOperation()).toEqual({ batchGetCases: 1 });
  });

  it('refuses an empty number', async () => {
    const { errors } = await bed.query('{ case(number: " ") { number } }');
    expect(errors).toMatchObject([{ message: 'number must not be empty', extensions: { code: 'BAD_USER_INPUT' }, path: ['case'] }]);
    expect(bed.system.calls.total()).toBe(0);
  });
});

describe('Query.cases', () => {
  const page = (items: readonly { number: string }[], extra: object) => ({ items: items.map(({ number }) => ({ number })), ...extra });

  it('lists cases newest first, page by page', async () => {
    const answer = await bed.query(`{
      p1: cases(pageSize: 2) { items { number } page pageSize total hasNextPage }
      p3: cases(page: 3, pageSize: 2) { items { number } page pageSize total hasNextPage }
      p4: cases(page: 4, pageSize: 2) { items { number } page pageSize total hasNextPage }
    }`);
    expect(answer).toEqual({
      data: {
        p1: page(CASES_NEWEST_FIRST.slice(0, 2), { page: 1, pageSize: 2, total: 5, hasNextPage: true }),
        p3: page(CASES_NEWEST_FIRST.slice(4, 5), { page: 3, pageSize: 2, total: 5, hasNextPage: false }),
        p4: page([], { page: 4, pageSize: 2, total: 5, hasNextPage: false }),
      },
    });
  });

  it('filters by applicant (ID number or credit code, normalised) and by status', async () => {
    const answer = await bed.query(`{
      wang: cases(applicantId: "${WANG}", status: SUBMITTED) { items { ${CASE_FIELDS} } total hasNextPage }
      acme: cases(applicantId: "${ACME.toLowerCase()}") { items { number } total }
      rejected: cases(status: REJECTED) { items { number } total }
      nobody: cases(applicantId: "${HAN}") { items { number } total }
    }`);
    expect(answer).toEqual({
      data: {
        wang: { items: [expectedCase(SUBMITTED_CASE, ['ACCEPTED', 'REJECTED', 'WITHDRAWN'])], total: 1, hasNextPage: false },
        acme: { items: [{ number: REJECTED_CASE.number }, { number: ACCEPTED_CASE.number }], total: 2 },
        rejected: { items: [{ number: REJECTED_CASE.number }], total: 1 },
        nobody: { items: [], total: 0 },
      },
    });
  });

  it('serves the largest page and refuses larger ones and page 0 before calling the legacy system', async () => {
    const largest = await bed.query('{ cases(pageSize: 100) { pageSize total } }');
    expect(largest).toEqual({ data: { cases: { pageSize: 100, total: 5 } } });
    bed.system.calls.reset();
    const tooLarge = await bed.query('{ cases(pageSize: 101) { total } }');
    expect(tooLarge.errors).toMatchObject([{ message: 'pageSize must be between 1 and 100, got 101', extensions: { code: 'BAD_USER_INPUT' } }]);
    const zero = await bed.query('{ cases(page: 0, pageSize: 0) { total } }');
    expect(zero.errors).toMatchObject([
      { message: 'page must be between 1 and 1000000, got 0; pageSize must be between 1 and 100, got 0', extensions: { code: 'BAD_USER_INPUT' } },
    ]);
    expect(bed.system.calls.total()).toBe(0);
  });

  it('refuses an applicantId that is neither an ID number nor a credit code, saying why', async () => {
    const { errors } = await bed.query(`{ cases(applicantId: "${WANG.slice(0, 17)}") { total } }`);
    expect(errors).toMatchObject([
      {
        message:
          'applicantId must be a resident ID number or a unified social credit code (as an ID number: must be 18 characters, got 17; as a credit code: must be 18 characters, got 17)',
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
  });
});

describe('Person.cases and Enterprise.cases', () => {
  const entities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { idNumber cases { number status } } ... on Enterprise { creditCode cases { number } } } }';

  it('resolves the cases of persons and enterprises from their representations, newest first, in one call', async () => {
    const answer = await bed.query(entities, {
      r: [
        { __typename: 'Person', idNumber: WANG },
        { __typename: 'Enterprise', creditCode: ACME },
        { __typename: 'Person', idNumber: HAN },
        { __typename: 'Person', idNumber: LI },
        { __typename: 'Enterprise', creditCode: FOODS },
        { __typename: 'Person', idNumber: WANG },
      ],
    });
    const wang = {
      idNumber: WANG,
      cases: [
        { number: SUBMITTED_CASE.number, status: 'SUBMITTED' },
        { number: COMPLETED_CASE.number, status: 'COMPLETED' },
      ],
    };
    expect(answer.errors).toBeUndefined();
    expect(answer.data._entities).toEqual([
      wang,
      { creditCode: ACME, cases: [{ number: REJECTED_CASE.number }, { number: ACCEPTED_CASE.number }] },
      { idNumber: HAN, cases: [] },
      { idNumber: LI, cases: [{ number: IN_REVIEW_CASE.number, status: 'IN_REVIEW' }] },
      { creditCode: FOODS, cases: [] },
      wang,
    ]);
    expect(bed.system.calls.byOperation()).toEqual({ casesByApplicants: 1 });
  });
});
