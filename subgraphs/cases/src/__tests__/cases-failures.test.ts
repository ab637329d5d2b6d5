import { startCaseHandlingSystem } from '@govgraph/legacy';
import { ACCEPTED_CASE, CASES_NEWEST_FIRST, COMPLETED_CASE, MALFORMED_CASE, SUBMITTED_CASE, WANG } from './helpers/case-fixtures';
import { startCasesTestBed, type CasesTestBed } from './helpers/start-cases-test-bed';

let bed: CasesTestBed;

beforeAll(async () => {
  bed = await startCasesTestBed({ cases: [...CASES_NEWEST_FIRST, MALFORMED_CASE] });
});
afterAll(() => bed.close());
beforeEach(() => {
  bed.system.calls.reset();
  bed.system.faults.reset();
});

describe('the case-handling system failing', () => {
  it('fails only the fields that needed the failing call, with CONN_UPSTREAM_UNAVAILABLE and no internals', async () => {
    bed.system.faults.setFailure('error', { operations: ['batchGetCases'] });
    const answer = await bed.query(`{
      case(number: "${COMPLETED_CASE.number}") { number }
      cases(applicantId: "${WANG}") { items { number } total }
    }`);
    expect(answer.data).toEqual({ case: null, cases: { items: [{ number: SUBMITTED_CASE.number }, { number: COMPLETED_CASE.number }], total: 2 } });
    expect(answer.errors).toEqual([
      expect.objectContaining({ message: 'legacy system "case-handling" failed (HTTP 500)', path: ['case'], extensions: expect.objectContaining({ code: 'CONN_UPSTREAM_UNAVAILABLE' }) }),
    ]);
    expect(JSON.stringify(answer)).not.toContain('127.0.0.1');
  });

  it('fails a person whose cases could not be loaded, keeping the other entities', async () => {
    bed.system.faults.setFailure('error', { operations: ['casesByApplicants'] });
    const answer = await bed.query(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { idNumber cases { number } } ... on Case { number status } } }',
      { r: [{ __typename: 'Case', number: ACCEPTED_CASE.number }, { __typename: 'Person', idNumber: WANG }] },
    );
    expect(answer.data).toEqual({ _entities: [{ number: ACCEPTED_CASE.number, status: 'ACCEPTED' }, { idNumber: WANG, cases: null }] });
    expect(answer.errors).toMatchObject([{ path: ['_entities', 1, 'cases'], extensions: { code: 'CONN_UPSTREAM_UNAVAILABLE' } }]);
  });

  it('reports a system that is not running as CONN_UPSTREAM_UNAVAILABLE and not ready', async () => {
    const stopped = await startCaseHandlingSystem({ dataset: { cases: [] } });
    await stopped.close();
    const subgraph = await bed.createSubgraph({ casesUrl: stopped.url });
    const answer = await bed.query(`{ case(number: "${COMPLETED_CASE.number}") { number } }`, undefined, subgraph);
    expect(answer).toMatchObject({ data: { case: null }, errors: [{ path: ['case'], extensions: { code: 'CONN_UPSTREAM_UNAVAILABLE' } }] });
    expect(answer.errors![0]!.message).toMatch(/^legacy system "case-handling" is unreachable/);
    const ready = await subgraph.fetch('http://cases.test/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'not-ready', sources: { caseHandling: { status: 'down' } } });
  });

  it('gives up on a system that does not answer with CONN_UPSTREAM_TIMEOUT', async () => {
    const subgraph = await bed.createSubgraph({ timeoutMs: 150 });
    bed.system.faults.setFailure('hang', { times: 1 });
    const started = Date.now();
    const answer = await bed.query(`{ case(number: "${COMPLETED_CASE.number}") { number } }`, undefined, subgraph);
    expect(answer).toEqual({
      data: { case: null },
      errors: [expect.objectContaining({ message: 'legacy system "case-handling" did not answer within 150 ms', path: ['case'], extensions: expect.objectContaining({ code: 'CONN_UPSTREAM_TIMEOUT' }) })],
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reports an unreadable answer as CONN_UPSTREAM_INVALID_RESPONSE', async () => {
    bed.system.faults.setFailure('malformed', { times: 1 });
    const answer = await bed.query(`mutation { transitionCase(number: "${SUBMITTED_CASE.number}", to: ACCEPTED) { status } }`);
    expect(answer).toMatchObject({ data: null, errors: [{ path: ['transitionCase'], extensions: { code: 'CONN_UPSTREAM_INVALID_RESPONSE' } }] });
    expect(bed.system.calls.byOperation()).toEqual({ getCase: 1 });
  });

  it('refuses a malformed case record instead of passing on a wrong applicant, naming the field but not its value', async () => {
    const answer = await bed.query(`{ case(number: "${MALFORMED_CASE.number}") { number } }`);
    expect(answer.data).toEqual({ case: null });
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors![0]).toMatchObject({ path: ['case'], extensions: { code: 'CONN_UPSTREAM_INVALID_RESPONSE' } });
    expect(answer.errors![0]!.message).toBe(
      `legacy system "case-handling" answered with a malformed case record ${MALFORMED_CASE.number}: applicantId is not a valid resident ID number`,
    );
    expect(JSON.stringify(answer)).not.toContain(MALFORMED_CASE.applicantId.slice(6, 14));
  });
});
