import { ACCEPTED_CASE, ACME, CASE_FIELDS, COMPLETED_CASE, IN_REVIEW_CASE, REJECTED_CASE, SUBMITTED_CASE, WANG } from './helpers/case-fixtures';
import { startCasesTestBed, type CasesTestBed } from './helpers/start-cases-test-bed';

/** The simulator's clock: tests set it before they write. */
let clock = new Date('2025-06-01T02:30:00Z');
let bed: CasesTestBed;

beforeAll(async () => {
  bed = await startCasesTestBed({ cases: [COMPLETED_CASE, SUBMITTED_CASE, ACCEPTED_CASE, REJECTED_CASE, IN_REVIEW_CASE], now: () => clock });
});
afterAll(() => bed.close());
beforeEach(() => {
  bed.system.calls.reset();
  bed.system.faults.reset();
});

const submit = `mutation($input: SubmitCaseInput!) { submitCase(input: $input) { ${CASE_FIELDS} } }`;
const transition = `mutation($number: String!, $to: CaseStatus!, $note: String, $licences: [String!]) {
  transitionCase(number: $number, to: $to, note: $note, resultLicenceNumbers: $licences) { ${CASE_FIELDS} }
}`;

describe('submitCase', () => {
  it('opens a case with the system clock and answers it exactly', async () => {
    clock = new Date('2025-06-01T02:30:00Z');
    const answer = await bed.query(submit, {
      input: { applicantKind: 'PERSON', applicantId: `${WANG.slice(0, 17)}${WANG.slice(17).toLowerCase()}`, serviceCode: '320100-XK-0001', note: '网上申请' },
    });
    expect(answer).toEqual({
      data: {
        submitCase: {
          number: 'SZ2025060100001',
          applicant: { __typename: 'Person', idNumber: WANG },
          service: { code: '320100-XK-0001' },
          submittedAt: '2025-06-01T10:30:00+08:00',
          status: 'SUBMITTED',
          history: [{ status: 'SUBMITTED', at: '2025-06-01T10:30:00+08:00', note: '网上申请' }],
          resultLicences: [],
          allowedTransitions: ['ACCEPTED', 'REJECTED', 'WITHDRAWN'],
        },
      },
    });
    expect(bed.system.calls.byOperation()).toEqual({ createCase: 1 });
  });

  it('never repeats a submission the case system failed, while a failed read is retried (counted by the simulator)', async () => {
    bed.system.faults.setFailure('error', { operations: ['createCase'], times: 1 });
    const failed = await bed.query(submit, { input: { applicantKind: 'PERSON', applicantId: WANG, serviceCode: '320100-XK-0001' } });
    expect(failed.data).toBeNull();
    expect(failed.errors![0]!.extensions!['code']).toBe('CONN_UPSTREAM_UNAVAILABLE');
    expect(bed.system.calls.byOperation()).toEqual({ createCase: 1 });

    bed.system.calls.reset();
    bed.system.faults.setFailure('error', { operations: ['getCase'], times: 1 });
    // The read of the current status before a transition is a GET: retried once after the failure; the move is
    // then refused by the workflow, so nothing is written.
    const read = await bed.query(`mutation { transitionCase(number: "${COMPLETED_CASE.number}", to: ACCEPTED) { status } }`);
    expect(read.errors![0]!.extensions!['code']).toBe('SDK_CONFLICT');
    expect(bed.system.calls.byOperation()).toEqual({ getCase: 2 });
  });

  it('returns the same case when a submission is repeated with its idempotency key', async () => {
    clock = new Date('2025-06-02T01:00:00Z');
    const input = { applicantKind: 'ENTERPRISE', applicantId: ACME, serviceCode: '320100-XK-0001', idempotencyKey: 'portal-7f3a-0001' };
    const first = await bed.query(submit, { input });
    clock = new Date('2025-06-02T03:00:00Z');
    const again = await bed.query(submit, { input });
    const expected = {
      number: 'SZ2025060200001',
      applicant: { __typename: 'Enterprise', creditCode: ACME },
      service: { code: '320100-XK-0001' },
      submittedAt: '2025-06-02T09:00:00+08:00',
      status: 'SUBMITTED',
      history: [{ status: 'SUBMITTED', at: '2025-06-02T09:00:00+08:00', note: null }],
      resultLicences: [],
      allowedTransitions: ['ACCEPTED', 'REJECTED', 'WITHDRAWN'],
    };
    expect(first).toEqual({ data: { submitCase: expected } });
    expect(again).toEqual({ data: { submitCase: expected } });
    const listed = await bed.query(`{ cases(applicantId: "${ACME}", status: SUBMITTED) { total } }`);
    expect(listed).toEqual({ data: { cases: { total: 1 } } });
  });

  it('refuses an idempotency key reused for a different submission', async () => {
    const input = { applicantKind: 'PERSON', applicantId: WANG, serviceCode: '320100-XK-0001', idempotencyKey: 'portal-7f3a-0002' };
    expect((await bed.query(submit, { input })).errors).toBeUndefined();
    const { data, errors } = await bed.query(submit, { input: { ...input, note: 'changed' } });
    expect(data).toBeNull();
    expect(errors).toMatchObject([
      { message: 'input.idempotencyKey was already used for a different submission', path: ['submitCase'], extensions: { code: 'SDK_UNPROCESSABLE' } },
    ]);
  });

  it('refuses an applicant id that does not fit the applicant kind, saying what is wrong', async () => {
    const person = await bed.query(submit, { input: { applicantKind: 'PERSON', applicantId: ACME, serviceCode: '320100-XK-0001' } });
    expect(person.errors).toMatchObject([
      {
        message: "input.applicantId must be a valid resident ID number for applicantKind PERSON: character 9 must be a digit, got 'M'",
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
    const wrongCheck = `${WANG.slice(0, 17)}${WANG.endsWith('1') ? '2' : '1'}`;
    const enterprise = await bed.query(submit, { input: { applicantKind: 'ENTERPRISE', applicantId: wrongCheck, serviceCode: '320100-XK-0001' } });
    expect(enterprise.errors).toMatchObject([
      { message: expect.stringMatching(/^input\.applicantId must be a valid unified social credit code for applicantKind ENTERPRISE: character 17, the check character of the organisation code/), extensions: { code: 'BAD_USER_INPUT' } },
    ]);
    expect(bed.system.calls.total()).toBe(0);
  });

  it('reports every problem of the input at once', async () => {
    const { errors } = await bed.query(submit, {
      input: { applicantKind: 'PERSON', applicantId: '12345', serviceCode: '  ', note: 'x'.repeat(501), idempotencyKey: 'has space' },
    });
    expect(errors).toMatchObject([
      {
        message:
          'input.applicantId must be a valid resident ID number for applicantKind PERSON: must be 18 characters, got 5; ' +
          'input.serviceCode must not be empty; input.note must be at most 500 characters, got 501; ' +
          'input.idempotencyKey must be 1 to 200 visible ASCII characters (no spaces)',
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
    expect(bed.system.calls.total()).toBe(0);
  });

  it('accepts a note of exactly 500 characters', async () => {
    const answer = await bed.query(`mutation($input: SubmitCaseInput!) { submitCase(input: $input) { history { note } } }`, {
      input: { applicantKind: 'PERSON', applicantId: WANG, serviceCode: '320100-XK-0001', note: '注'.repeat(500) },
    });
    expect(answer).toEqual({ data: { submitCase: { history: [{ note: '注'.repeat(500) }] } } });
  });
});

describe('transitionCase', () => {
  it('moves a case the workflow allows and answers its whole history', async () => {
    clock = new Date('2025-03-15T01:00:00Z');
    const answer = await bed.query(transition, { number: IN_REVIEW_CASE.number, to: 'APPROVED', note: '审核通过' });
    expect(answer).toEqual({
      data: {
        transitionCase: {
          number: IN_REVIEW_CASE.number,
          applicant: { __typename: 'Person', idNumber: IN_REVIEW_CASE.applicantId },
          service: { code: IN_REVIEW_CASE.serviceCode },
          submittedAt: '2025-03-13T13:20:00+08:00',
          status: 'APPROVED',
          history: [
            { status: 'SUBMITTED', at: '2025-03-13T13:20:00+08:00', note: null },
            { status: 'ACCEPTED', at: '2025-03-13T15:00:00+08:00', note: null },
            { status: 'IN_REVIEW', at: '2025-03-14T09:00:00+08:00', note: null },
            { status: 'APPROVED', at: '2025-03-15T09:00:00+08:00', note: '审核通过' },
          ],
          resultLicences: [],
          allowedTransitions: ['COMPLETED'],
        },
      },
    });
    expect(bed.system.calls.byOperation()).toEqual({ getCase: 1, transitionCase: 1 });

    clock = new Date('2025-03-16T02:00:00Z');
    const completed = await bed.query(
      `mutation { transitionCase(number: "${IN_REVIEW_CASE.number}", to: COMPLETED, resultLicenceNumbers: ["JS-LT0001-2025-000002"]) { status history { status at } resultLicences { number } allowedTransitions } }`,
    );
    expect(completed.data.transitionCase).toEqual({
      status: 'COMPLETED',
      history: [
        { status: 'SUBMITTED', at: '2025-03-13T13:20:00+08:00' },
        { status: 'ACCEPTED', at: '2025-03-13T15:00:00+08:00' },
        { status: 'IN_REVIEW', at: '2025-03-14T09:00:00+08:00' },
        { status: 'APPROVED', at: '2025-03-15T09:00:00+08:00' },
        { status: 'COMPLETED', at: '2025-03-16T10:00:00+08:00' },
      ],
      resultLicences: [{ number: 'JS-LT0001-2025-000002' }],
      allowedTransitions: [],
    });
  });

  it('refuses a move the workflow forbids, naming the case, its status and the allowed moves, without writing', async () => {
    const done = await bed.query(transition, { number: COMPLETED_CASE.number, to: 'ACCEPTED' });
    expect(done).toMatchObject({
      data: null,
      errors: [
        {
          message: `Case ${COMPLETED_CASE.number} cannot move from COMPLETED to ACCEPTED; allowed: none`,
          path: ['transitionCase'],
          extensions: { code: 'SDK_CONFLICT' },
        },
      ],
    });
    const accepted = await bed.query(transition, { number: ACCEPTED_CASE.number, to: 'APPROVED' });
    expect(accepted.errors).toMatchObject([
      { message: `Case ${ACCEPTED_CASE.number} cannot move from ACCEPTED to APPROVED; allowed: IN_REVIEW, WITHDRAWN`, extensions: { code: 'SDK_CONFLICT' } },
    ]);
    expect(bed.system.calls.byOperation()).toEqual({ getCase: 2 });
  });

  it('maps the system refusing a move (the case moved meanwhile) to the same conflict, with the status it moved to', async () => {
    bed.system.faults.setLatency(150);
    try {
      const [accept, reject] = await Promise.all([
        bed.query(transition, { number: SUBMITTED_CASE.number, to: 'ACCEPTED' }),
        bed.query(transition, { number: SUBMITTED_CASE.number, to: 'REJECTED' }),
      ]);
      // Both read SUBMITTED before either wrote; the system took one move and refused the other.
      const [won, lost, lostTo, wonStatus, allowed] =
        accept.errors === undefined ? [accept, reject, 'REJECTED', 'ACCEPTED', 'IN_REVIEW, WITHDRAWN'] : [reject, accept, 'ACCEPTED', 'REJECTED', 'none'];
      expect(won.data.transitionCase.status).toBe(wonStatus);
      expect(lost).toMatchObject({
        data: null,
        errors: [
          {
            message: `Case ${SUBMITTED_CASE.number} cannot move from ${wonStatus} to ${lostTo}; allowed: ${allowed}`,
            extensions: { code: 'SDK_CONFLICT' },
          },
        ],
      });
      expect(bed.system.calls.byOperation()).toEqual({ getCase: 3, transitionCase: 2 });
    } finally {
      bed.system.faults.reset();
    }
  });

  it('says which case does not exist', async () => {
    const { data, errors } = await bed.query(transition, { number: 'SZ2099010100001', to: 'ACCEPTED' });
    expect(data).toBeNull();
    expect(errors).toMatchObject([{ message: 'Case SZ2099010100001 does not exist', path: ['transitionCase'], extensions: { code: 'SDK_NOT_FOUND' } }]);
    expect(bed.system.calls.byOperation()).toEqual({ getCase: 1 });
  });

  it('refuses bad arguments before calling the system, listing every problem', async () => {
    const { errors } = await bed.query(transition, { number: '', to: 'ACCEPTED', note: 'n'.repeat(501), licences: ['JS-1', ' '] });
    expect(errors).toMatchObject([
      {
        message:
          'number must not be empty; note must be at most 500 characters, got 501; resultLicenceNumbers is only allowed with to: COMPLETED; ' +
          'resultLicenceNumbers must not contain empty numbers',
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
    const tooMany = await bed.query(transition, { number: REJECTED_CASE.number, to: 'COMPLETED', licences: Array.from({ length: 101 }, (_, i) => `JS-${i}`) });
    expect(tooMany.errors).toMatchObject([{ message: 'resultLicenceNumbers must have at most 100 numbers, got 101', extensions: { code: 'BAD_USER_INPUT' } }]);
    const unknownStatus = await bed.query(transition, { number: REJECTED_CASE.number, to: 'DONE' });
    expect(unknownStatus.errors?.[0]?.message).toBe('Value "DONE" does not exist in "CaseStatus" enum.');
    expect(bed.system.calls.total()).toBe(0);
  });
});
