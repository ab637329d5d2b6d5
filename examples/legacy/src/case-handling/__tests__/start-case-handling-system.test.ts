import { startCaseHandlingSystem } from '..';
import type { CaseRecord } from '../../data/types';
import type { SimulatorHandle } from '../../harness';
import { cases, enterprises, persons } from '../../__tests__/fixtures/small-dataset';

const [accepted, completed, enterpriseCase, olderCase] = cases as [CaseRecord, CaseRecord, CaseRecord, CaseRecord];
const wang = persons[0]!;
const snapshot = JSON.stringify(cases);

describe('city case-handling system', () => {
  let system: SimulatorHandle;
  let clock: Date;

  beforeEach(async () => {
    clock = new Date('2025-03-10T02:00:00Z');
    system = await startCaseHandlingSystem({ dataset: { cases }, now: () => clock });
  });
  afterEach(async () => {
    await system.close();
  });

  const get = async (path: string): Promise<{ status: number; body: any }> => {
    const response = await fetch(`${system.url}${path}`);
    return { status: response.status, body: await response.json() };
  };
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; location: string | null }> => {
    const response = await fetch(`${system.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    return { status: response.status, body: await response.json(), location: response.headers.get('location') };
  };
  const newCase = { applicantKind: 'person', applicantId: wang.idNumber, serviceCode: '320100-XK-0001', note: '网上申请' };

  it('returns a case by number, or 404', async () => {
    expect(await get(`/api/v1/cases/${accepted.number}`)).toEqual({ status: 200, body: accepted });
    expect(await get('/api/v1/cases/SZ2099010100001')).toEqual({ status: 404, body: { error: { code: 'NOT_FOUND', message: 'no case with number SZ2099010100001' } } });
    expect((await get('/healthz')).status).toBe(200);
    expect(system.calls.byOperation()).toEqual({ getCase: 2, healthz: 1 });
  });

  it('lists cases newest first (submittedAt desc, then number) with filters and pages', async () => {
    const all = await get('/api/v1/cases');
    expect(all.body).toEqual({ page: 1, pageSize: 20, total: 4, items: [completed, accepted, enterpriseCase, olderCase] });
    expect((await get('/api/v1/cases?page=2&pageSize=2')).body).toEqual({ page: 2, pageSize: 2, total: 4, items: [enterpriseCase, olderCase] });
    expect((await get(`/api/v1/cases?applicantId=${wang.idNumber}`)).body.items).toEqual([completed, accepted]);
    expect((await get(`/api/v1/cases?applicantId=${wang.idNumber}&status=accepted`)).body).toEqual({ page: 1, pageSize: 20, total: 1, items: [accepted] });
    expect((await get('/api/v1/cases?serviceCode=320100-XK-0001')).body.items).toEqual([accepted, enterpriseCase]);
    expect((await get('/api/v1/cases?applicantId=nobody')).body).toEqual({ page: 1, pageSize: 20, total: 0, items: [] });
  });

  it('refuses pageSize over 100 and unknown statuses in listings', async () => {
    const response = await get('/api/v1/cases?pageSize=101&status=lost');
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_ARGUMENT');
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toEqual(['pageSize', 'status']);
  });

  it('returns found cases of a batch and refuses more than 100 numbers', async () => {
    expect(await post('/api/v1/cases/batch', { numbers: [olderCase.number, 'nope', accepted.number, olderCase.number] })).toMatchObject({ status: 200, body: { items: [olderCase, accepted] } });
    const tooMany = await post('/api/v1/cases/batch', { numbers: Array.from({ length: 101 }, (_, i) => `N${i}`) });
    expect(tooMany).toMatchObject({ status: 400, body: { error: { code: 'TOO_MANY_KEYS', message: 'at most 100 case numbers per request, got 101' } } });
    expect((await post('/api/v1/cases/batch', { numbers: 'SZ1' })).body.error.code).toBe('INVALID_ARGUMENT');
    expect(system.calls.count('batchGetCases')).toBe(3);
  });

  it('returns the cases of many applicants in one call, in request order, newest first each', async () => {
    const ids = [enterprises[0]!.creditCode, 'unknown', wang.idNumber, enterprises[0]!.creditCode];
    expect((await post('/api/v1/cases/by-applicants', { applicantIds: ids })).body).toEqual({ items: [enterpriseCase, completed, accepted] });
    expect((await post('/api/v1/cases/by-applicants', { applicantIds: ids, limitPerApplicant: 1 })).body).toEqual({ items: [enterpriseCase, completed] });
    expect((await post('/api/v1/cases/by-applicants', { applicantIds: ids, status: 'accepted' })).body).toEqual({ items: [accepted] });
    const tooMany = await post('/api/v1/cases/by-applicants', { applicantIds: Array.from({ length: 101 }, (_, i) => `A${i}`) });
    expect(tooMany).toMatchObject({ status: 400, body: { error: { code: 'TOO_MANY_KEYS' } } });
    const bad = await post('/api/v1/cases/by-applicants', { applicantIds: [1], status: 'x', limitPerApplicant: 0 });
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toEqual(['applicantIds', 'status', 'limitPerApplicant']);
    expect(system.calls.count('casesByApplicants')).toBe(5);
  });

  it('opens a case: 201, submitted, one history entry stamped by the clock in +08:00, a new unique number', async () => {
    const first = await post('/api/v1/cases', newCase);
    expect(first).toEqual({
      status: 201,
      location: '/api/v1/cases/SZ2025031000001',
      body: {
        number: 'SZ2025031000001',
        applicantKind: 'person',
        applicantId: wang.idNumber,
        serviceCode: '320100-XK-0001',
        submittedAt: '2025-03-10T10:00:00+08:00',
        status: 'submitted',
        history: [{ status: 'submitted', at: '2025-03-10T10:00:00+08:00', note: '网上申请' }],
        resultLicenceNumbers: [],
      },
    });
    clock = new Date('2025-03-10T02:00:05Z');
    const second = await post('/api/v1/cases', { ...newCase, note: undefined });
    expect(second.body).toMatchObject({ number: 'SZ2025031000002', submittedAt: '2025-03-10T10:00:05+08:00', history: [{ note: null }] });
    expect((await get(`/api/v1/cases/${first.body.number}`)).body).toEqual(first.body);
    expect((await get(`/api/v1/cases?applicantId=${wang.idNumber}`)).body.items.map((c: CaseRecord) => c.number)).toEqual(['SZ2025031000002', 'SZ2025031000001', completed.number, accepted.number]);
    expect(JSON.stringify(cases)).toBe(snapshot);
  });

  it('validates a new case and reports every problem', async () => {
    const response = await post('/api/v1/cases', { applicantKind: 'robot', applicantId: 42, serviceCode: '', note: 'x'.repeat(501) });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('INVALID_ARGUMENT');
    expect(response.body.error.details.map((d: { field: string }) => d.field)).toEqual(['applicantKind', 'applicantId', 'serviceCode', 'note']);
    const wrongShape = await post('/api/v1/cases', { ...newCase, applicantKind: 'enterprise', applicantId: '91320100MA1MXXXXIO' });
    expect(wrongShape.body.error.details).toEqual([{ field: 'applicantId', message: 'must be an 18-character unified social credit code' }]);
    expect((await post('/api/v1/cases', { ...newCase, applicantId: '32010219900307123' })).status).toBe(400);
    expect((await post('/api/v1/cases', [newCase])).status).toBe(400);
    expect((await post('/api/v1/cases', newCase, { 'content-type': 'text/plain' })).status).toBe(415);
  });

  it('replays a create with the same Idempotency-Key and body (200, same case), refuses a different body (422)', async () => {
    const key = { 'idempotency-key': 'order-7f3a' };
    const created = await post('/api/v1/cases', newCase, key);
    expect(created.status).toBe(201);
    const reordered = { note: newCase.note, serviceCode: newCase.serviceCode, applicantId: newCase.applicantId, applicantKind: newCase.applicantKind };
    const replayed = await post('/api/v1/cases', reordered, key);
    expect(replayed).toEqual({ status: 200, body: created.body, location: created.location });
    await post(`/api/v1/cases/${created.body.number}/transitions`, { to: 'accepted' });
    expect((await post('/api/v1/cases', newCase, key)).body).toMatchObject({ number: created.body.number, status: 'accepted' });
    const conflict = await post('/api/v1/cases', { ...newCase, serviceCode: '320100-GG-0002' }, key);
    expect(conflict).toMatchObject({ status: 422, body: { error: { code: 'IDEMPOTENCY_KEY_REUSED' } } });
    expect((await post('/api/v1/cases', newCase)).body.number).toBe('SZ2025031000002');
    expect((await post('/api/v1/cases', newCase, { 'idempotency-key': 'x'.repeat(201) })).status).toBe(400);
    expect((await get('/api/v1/cases')).body.total).toBe(6);
  });

  it('moves a case along the workflow, stamping each history entry', async () => {
    clock = new Date('2025-03-10T03:30:00Z');
    const moved = await post(`/api/v1/cases/${enterpriseCase.number}/transitions`, { to: 'accepted', note: '受理' });
    expect(moved).toMatchObject({ status: 200 });
    expect(moved.body).toEqual({
      ...enterpriseCase,
      status: 'accepted',
      history: [...enterpriseCase.history, { status: 'accepted', at: '2025-03-10T11:30:00+08:00', note: '受理' }],
    });
    await post(`/api/v1/cases/${enterpriseCase.number}/transitions`, { to: 'in_review' });
    await post(`/api/v1/cases/${enterpriseCase.number}/transitions`, { to: 'approved' });
    const done = await post(`/api/v1/cases/${enterpriseCase.number}/transitions`, { to: 'completed', resultLicenceNumbers: ['JS-LT0001-2025-000009'] });
    expect(done.body).toMatchObject({ status: 'completed', resultLicenceNumbers: ['JS-LT0001-2025-000009'] });
    expect(done.body.history.map((h: { status: string }) => h.status)).toEqual(['submitted', 'accepted', 'in_review', 'approved', 'completed']);
    expect((await get(`/api/v1/cases?status=completed`)).body.total).toBe(2);
    expect(JSON.stringify(cases)).toBe(snapshot);
  });

  it('refuses a transition the workflow forbids with 409 TRANSITION_NOT_ALLOWED', async () => {
    expect(await post(`/api/v1/cases/${completed.number}/transitions`, { to: 'accepted' })).toMatchObject({
      status: 409,
      body: { error: { code: 'TRANSITION_NOT_ALLOWED', message: `cannot move case ${completed.number} from completed to accepted` } },
    });
    expect((await post(`/api/v1/cases/${accepted.number}/transitions`, { to: 'approved' })).status).toBe(409);
    expect((await get(`/api/v1/cases/${completed.number}`)).body).toEqual(completed);
  });

  it('answers 404 for an unknown case and 400 for an unknown status or misplaced result licences', async () => {
    expect(await post('/api/v1/cases/SZ2099010100001/transitions', { to: 'accepted' })).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    const unknown = await post(`/api/v1/cases/${accepted.number}/transitions`, { to: 'archived' });
    expect(unknown).toMatchObject({ status: 400, body: { error: { code: 'INVALID_ARGUMENT', details: [{ field: 'to' }] } } });
    const misplaced = await post(`/api/v1/cases/${accepted.number}/transitions`, { to: 'in_review', resultLicenceNumbers: ['JS-1'] });
    expect(misplaced.body.error.details).toEqual([{ field: 'resultLicenceNumbers', message: 'only allowed when moving to completed' }]);
    expect(system.calls.count('transitionCase')).toBe(3);
  });

  it('injects errors, malformed bodies and hangs on chosen operations', async () => {
    system.faults.setFailure('error', { times: 1, operations: ['createCase'] });
    expect(await post('/api/v1/cases', newCase)).toMatchObject({ status: 500, body: { error: { code: 'INTERNAL_ERROR' } } });
    expect((await get('/api/v1/cases')).body.total).toBe(4);
    system.faults.setFailure('malformed', { times: 1 });
    const response = await fetch(`${system.url}/api/v1/cases/${accepted.number}`);
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow();
    system.faults.setFailure('hang', { operations: ['getCase'] });
    await expect(fetch(`${system.url}/api/v1/cases/${accepted.number}`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    expect((await get('/healthz')).status).toBe(200);
    expect(system.calls.byOperation()).toEqual({ createCase: 1, listCases: 1, getCase: 2, healthz: 1 });
  });
});
