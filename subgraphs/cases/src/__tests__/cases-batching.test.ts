/**
 * N entities cost ⌈N / 100⌉ calls to the case-handling system, counted on
 * the system's side.
 */
import type { CaseRecord } from '@govgraph/legacy';
import { ACCEPTED_CASE, ACME, COMPLETED_CASE, SUBMITTED_CASE, residentId } from './helpers/case-fixtures';
import { startCasesTestBed, type CasesTestBed } from './helpers/start-cases-test-bed';

const PERSON_COUNT = 120;
const persons = Array.from({ length: PERSON_COUNT }, (_, i) => residentId(`32010219900101${String(i + 1).padStart(3, '0')}`));

/** Two cases per person, the second a day later; numbers `SZ2025010100001`… and `SZ2025010200001`… */
function casesOf(idNumber: string, index: number): CaseRecord[] {
  return [1, 2].map((day) => {
    const at = `2025-01-0${day}T09:${String(index % 60).padStart(2, '0')}:00+08:00`;
    return {
      number: `SZ2025010${day}${String(index + 1).padStart(5, '0')}`,
      applicantKind: 'person',
      applicantId: idNumber,
      serviceCode: '320100-XK-0001',
      submittedAt: at,
      status: 'submitted',
      history: [{ status: 'submitted', at, note: null }],
      resultLicenceNumbers: [],
    };
  });
}
const cases = persons.flatMap(casesOf);

let bed: CasesTestBed;

beforeAll(async () => {
  bed = await startCasesTestBed({ cases: [...cases, COMPLETED_CASE, SUBMITTED_CASE, ACCEPTED_CASE] });
});
afterAll(() => bed.close());
beforeEach(() => bed.system.calls.reset());

const caseEntities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Case { number status applicant { ... on Person { idNumber } } } } }';
const personEntities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { idNumber cases { number } } } }';

describe('Case references', () => {
  it('resolves references in order, null for a missing number, repeated ones too, in one call', async () => {
    const answer = await bed.query(caseEntities, {
      r: [
        { __typename: 'Case', number: SUBMITTED_CASE.number },
        { __typename: 'Case', number: 'SZ2099010100001' },
        { __typename: 'Case', number: COMPLETED_CASE.number },
        { __typename: 'Case', number: SUBMITTED_CASE.number },
      ],
    });
    const submitted = { number: SUBMITTED_CASE.number, status: 'SUBMITTED', applicant: { idNumber: SUBMITTED_CASE.applicantId } };
    expect(answer).toEqual({
      data: {
        _entities: [submitted, null, { number: COMPLETED_CASE.number, status: 'COMPLETED', applicant: { idNumber: COMPLETED_CASE.applicantId } }, submitted],
      },
    });
    expect(bed.system.calls.byOperation()).toEqual({ batchGetCases: 1 });
  });

  it('costs one batch call for 100 references', async () => {
    const refs = cases.slice(0, 100).map(({ number }) => ({ __typename: 'Case', number }));
    const answer = await bed.query(caseEntities, { r: refs });
    expect(answer.errors).toBeUndefined();
    expect(answer.data._entities.map((found: { number: string }) => found.number)).toEqual(refs.map((ref) => ref.number));
    expect(answer.data._entities[99]).toEqual({ number: cases[99]!.number, status: 'SUBMITTED', applicant: { idNumber: cases[99]!.applicantId } });
    expect(bed.system.calls.byOperation()).toEqual({ batchGetCases: 1 });
  });

  it('costs ⌈N / 100⌉ batch calls for N references', async () => {
    const refs = cases.slice(0, 240).map(({ number }) => ({ __typename: 'Case', number }));
    const answer = await bed.query(caseEntities, { r: refs });
    expect(answer.data._entities.map((found: { number: string }) => found.number)).toEqual(refs.map((ref) => ref.number));
    expect(bed.system.calls.byOperation()).toEqual({ batchGetCases: 3 });
  });
});

describe('Person.cases', () => {
  it('costs one by-applicants call for 100 persons', async () => {
    const refs = persons.slice(0, 100).map((idNumber) => ({ __typename: 'Person', idNumber }));
    const answer = await bed.query(personEntities, { r: refs });
    expect(answer.errors).toBeUndefined();
    expect(answer.data._entities).toEqual(
      persons.slice(0, 100).map((idNumber, index) => ({
        idNumber,
        cases: [{ number: `SZ20250102${String(index + 1).padStart(5, '0')}` }, { number: `SZ20250101${String(index + 1).padStart(5, '0')}` }],
      })),
    );
    expect(bed.system.calls.byOperation()).toEqual({ casesByApplicants: 1 });
  });

  it('costs ⌈N / 100⌉ calls for N persons, and shares them between fields filtering different statuses', async () => {
    const refs = persons.map((idNumber) => ({ __typename: 'Person', idNumber }));
    const answer = await bed.query(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { all: cases { number } open: cases(status: SUBMITTED) { number } done: cases(status: COMPLETED) { number } } } }',
      { r: refs },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data._entities).toHaveLength(PERSON_COUNT);
    expect(answer.data._entities[PERSON_COUNT - 1]).toEqual({
      all: [{ number: `SZ20250102${String(PERSON_COUNT).padStart(5, '0')}` }, { number: `SZ20250101${String(PERSON_COUNT).padStart(5, '0')}` }],
      open: [{ number: `SZ20250102${String(PERSON_COUNT).padStart(5, '0')}` }, { number: `SZ20250101${String(PERSON_COUNT).padStart(5, '0')}` }],
      done: [],
    });
    expect(bed.system.calls.byOperation()).toEqual({ casesByApplicants: 2 });
  });

  it('serves persons and enterprises from one batch call', async () => {
    const answer = await bed.query(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { cases { number } } ... on Enterprise { cases { number } } } }',
      { r: [{ __typename: 'Person', idNumber: COMPLETED_CASE.applicantId }, { __typename: 'Enterprise', creditCode: ACME }] },
    );
    expect(answer).toEqual({ data: { _entities: [{ cases: [{ number: SUBMITTED_CASE.number }, { number: COMPLETED_CASE.number }] }, { cases: [{ number: ACCEPTED_CASE.number }] }] } });
    expect(bed.system.calls.byOperation()).toEqual({ casesByApplicants: 1 });
  });
});
