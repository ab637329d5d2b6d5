import { startLegalPersonRegistry } from '..';
import type { SimulatorHandle } from '../../harness';
import { enterprises, persons } from '../../__tests__/fixtures/small-dataset';

const [nanjingTech, suzhouFood, wuxiShop, nanjingLogistics] = enterprises as [(typeof enterprises)[0], (typeof enterprises)[0], (typeof enterprises)[0], (typeof enterprises)[0]];
const byCode = [...enterprises].sort((a, b) => (a.creditCode < b.creditCode ? -1 : 1));

describe('legal-person registry', () => {
  let registry: SimulatorHandle;
  beforeAll(async () => {
    registry = await startLegalPersonRegistry({ dataset: { enterprises } });
  });
  afterAll(async () => {
    await registry.close();
  });
  beforeEach(() => {
    registry.calls.reset();
    registry.faults.reset();
  });

  const get = async (path: string): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(`${registry.url}${path}`);
    return { status: response.status, body: await response.json() };
  };
  const post = async (path: string, body: unknown, contentType = 'application/json'): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(`${registry.url}${path}`, { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    return { status: response.status, body: await response.json() };
  };

  it('answers the health check', async () => {
    expect(await get('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(registry.calls.count('healthz')).toBe(1);
  });

  it('returns one enterprise by credit code, with the documented fields', async () => {
    expect(await get(`/api/v1/enterprises/${nanjingTech.creditCode}`)).toEqual({
      status: 200,
      body: {
        creditCode: nanjingTech.creditCode,
        name: '南京示例科技有限公司',
        kind: '有限责任公司',
        legalRepresentativeIdNumber: persons[0]!.idNumber,
        address: '江苏省南京市建邺区江东中路100号',
        status: 'active',
        establishedOn: '2015-06-01',
      },
    });
    expect(registry.calls.count('getEnterprise')).toBe(1);
  });

  it('answers 404 NOT_FOUND for an unknown credit code and an unknown path', async () => {
    expect(await get('/api/v1/enterprises/91320100MA1XXXXXXX')).toEqual({
      status: 404,
      body: { error: { code: 'NOT_FOUND', message: 'no enterprise with credit code 91320100MA1XXXXXXX' } },
    });
    expect((await get('/api/v2/enterprises')).status).toBe(404);
    expect(registry.calls.byOperation()).toEqual({ getEnterprise: 1, '(unrouted)': 1 });
  });

  it('lists enterprises page by page in credit-code order', async () => {
    expect(await get('/api/v1/enterprises?page=1&pageSize=3')).toEqual({ status: 200, body: { page: 1, pageSize: 3, total: 4, items: byCode.slice(0, 3) } });
    expect(await get('/api/v1/enterprises?page=2&pageSize=3')).toEqual({ status: 200, body: { page: 2, pageSize: 3, total: 4, items: byCode.slice(3) } });
    expect(await get('/api/v1/enterprises?page=9')).toEqual({ status: 200, body: { page: 9, pageSize: 20, total: 4, items: [] } });
  });

  it('filters by name substring, status and legal representative', async () => {
    const nanjing = (await get(`/api/v1/enterprises?name=${encodeURIComponent('南京示例')}`)).body as { total: number; items: { creditCode: string }[] };
    expect(nanjing.total).toBe(2);
    expect(nanjing.items.map((e) => e.creditCode).sort()).toEqual([nanjingTech.creditCode, nanjingLogistics.creditCode].sort());
    expect(((await get('/api/v1/enterprises?status=revoked')).body as { items: unknown[] }).items).toEqual([suzhouFood]);
    expect(((await get(`/api/v1/enterprises?legalRepresentativeIdNumber=${persons[2]!.idNumber}`)).body as { items: unknown[] }).items).toEqual([wuxiShop]);
    const combined = (await get(`/api/v1/enterprises?legalRepresentativeIdNumber=${persons[0]!.idNumber}&name=${encodeURIComponent('物流')}&status=active`)).body;
    expect(combined).toEqual({ page: 1, pageSize: 20, total: 1, items: [nanjingLogistics] });
  });

  it('refuses pageSize over 100, bad pages and unknown statuses with 400 INVALID_ARGUMENT listing every problem', async () => {
    const tooLarge = await get('/api/v1/enterprises?pageSize=101');
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body).toMatchObject({ error: { code: 'INVALID_ARGUMENT', details: [{ field: 'pageSize' }] } });
    const all = await get('/api/v1/enterprises?page=0&pageSize=abc&status=dormant');
    expect(all.status).toBe(400);
    expect((all.body as { error: { details: { field: string }[] } }).error.details.map((d) => d.field)).toEqual(['page', 'pageSize', 'status']);
    expect((await get('/api/v1/enterprises?pageSize=100')).status).toBe(200);
  });

  it('returns found enterprises of a batch, each once', async () => {
    const { status, body } = await post('/api/v1/enterprises/batch', { creditCodes: [wuxiShop.creditCode, 'UNKNOWN', nanjingTech.creditCode, wuxiShop.creditCode] });
    expect(status).toBe(200);
    expect(body).toEqual({ items: [wuxiShop, nanjingTech] });
    expect(registry.calls.byOperation()).toEqual({ batchGetEnterprises: 1 });
  });

  it('refuses batches over 100 keys, bad shapes, bad JSON and other media types', async () => {
    const codes = Array.from({ length: 101 }, (_, i) => `code-${i}`);
    expect(await post('/api/v1/enterprises/batch', { creditCodes: codes })).toEqual({
      status: 400,
      body: { error: { code: 'TOO_MANY_KEYS', message: 'at most 100 credit codes per request, got 101' } },
    });
    expect((await post('/api/v1/enterprises/batch', { creditCodes: codes.slice(0, 100) })).status).toBe(200);
    expect((await post('/api/v1/enterprises/batch', { creditCodes: [1] })).body).toMatchObject({ error: { code: 'INVALID_ARGUMENT' } });
    expect((await post('/api/v1/enterprises/batch', '{"creditCodes": [')).body).toMatchObject({ error: { code: 'INVALID_JSON' } });
    const text = await post('/api/v1/enterprises/batch', JSON.stringify({ creditCodes: [] }), 'text/plain');
    expect(text).toMatchObject({ status: 415, body: { error: { code: 'UNSUPPORTED_MEDIA_TYPE' } } });
  });

  it('answers 405 with Allow for a known path and the wrong method', async () => {
    const response = await fetch(`${registry.url}/api/v1/enterprises`, { method: 'PUT' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
    expect(await response.json()).toMatchObject({ error: { code: 'METHOD_NOT_ALLOWED' } });
  });

  it('injects a JSON 500 error', async () => {
    registry.faults.setFailure('error', { times: 1 });
    expect(await get(`/api/v1/enterprises/${nanjingTech.creditCode}`)).toEqual({
      status: 500,
      body: { error: { code: 'INTERNAL_ERROR', message: 'the legal-person registry failed (injected)' } },
    });
    expect((await get(`/api/v1/enterprises/${nanjingTech.creditCode}`)).status).toBe(200);
    expect(registry.calls.count('getEnterprise')).toBe(2);
  });

  it('injects a malformed body on one operation only', async () => {
    registry.faults.setFailure('malformed', { operations: ['batchGetEnterprises'] });
    const response = await fetch(`${registry.url}/api/v1/enterprises/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ creditCodes: [nanjingTech.creditCode] }) });
    expect(response.status).toBe(200);
    await expect(response.json()).rejects.toThrow();
    expect((await get('/healthz')).status).toBe(200);
  });

  it('injects connection resets', async () => {
    registry.faults.setFailure('reset', { times: 1 });
    await expect(fetch(`${registry.url}/api/v1/enterprises`)).rejects.toThrow('fetch failed');
    expect(registry.calls.count('listEnterprises')).toBe(1);
  });
});
