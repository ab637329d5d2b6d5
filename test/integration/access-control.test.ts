/**
 * Access management end to end on the whole platform: the registry, the demo
 * applications, the admin API, the gateway's policy chain and the subgraphs
 * verifying the gateway's context token — over real HTTP.
 */
import { postGraphQL, startTestPlatform, type TestPlatform } from '../src';

const PERSON = '320311198004051910';

describe('access management through the gateway', () => {
  let platform: TestPlatform;
  let admin: <T = any>(query: string, variables?: Record<string, unknown>) => Promise<T>;

  beforeAll(async () => {
    platform = await startTestPlatform({ registryPollMs: 100 });
    admin = async (query, variables) => {
      const { body } = await postGraphQL(platform.access.adminUrl!, query, variables, { authorization: `Bearer ${platform.access.secrets!.adminToken}` });
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data as never;
    };
  });
  afterAll(() => platform?.close());

  it('refuses a request without an API key with 401 UNAUTHENTICATED', async () => {
    const { status, body } = await platform.graphql('{ service(code: "320300-XK-0001") { name } }', undefined, { 'x-api-key': '' });
    expect(status).toBe(401);
    expect(body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('masks what an L3 grant does not clear, and says which fields it masked', async () => {
    const { status, body } = await platform.graphql(`{ personByIdNumber(idNumber: "${PERSON}") { name gender address } }`, undefined, {
      'x-api-key': platform.access.secrets!.standardApiKey,
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ personByIdNumber: { name: '赵**', gender: 'MALE', address: '江苏省徐州市泉山区****' } });
    expect(body.extensions!['govgraph']).toEqual({
      masked: [
        { coordinate: 'Person.name', rule: 'name', paths: [['personByIdNumber', 'name']] },
        { coordinate: 'Person.address', rule: 'address', paths: [['personByIdNumber', 'address']] },
      ],
    });
  });

  it('denies fields above the grant’s grade with 403, listing them, and calls no subgraph', async () => {
    platform.legacy.population.calls.reset();
    const { status, body } = await platform.graphql(`{ personByIdNumber(idNumber: "${PERSON}") { name phone idNumber } }`, undefined, {
      'x-api-key': platform.access.secrets!.standardApiKey,
    });
    expect(status).toBe(403);
    expect(body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(body.errors![0]!.message).toContain('Person.phone');
    expect(body.errors![0]!.message).toContain('Person.idNumber');
    expect(platform.legacy.population.calls.total()).toBe(0);
  });

  it('serves the same fields unmasked to the L4 application whose grant clears the masks', async () => {
    const { body } = await platform.graphql(`{ personByIdNumber(idNumber: "${PERSON}") { name phone } }`);
    expect(body).toEqual({ data: { personByIdNumber: { name: '赵睿晓', phone: '19879970429' } } });
  });

  it('keeps subgraphs closed to callers without the gateway’s context token', async () => {
    const { status, body } = await postGraphQL(platform.subgraphs.users.url, `{ personByIdNumber(idNumber: "${PERSON}") { name } }`);
    expect(status).toBe(401);
    expect(body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('takes a key issued and then revoked through the admin API into account within seconds', async () => {
    const { applications } = await admin<{ applications: { nodes: { id: string; name: string }[] } }>('{ applications(departmentCode: "demo") { nodes { id name } } }');
    const app = applications.nodes.find((node) => node.name.includes('L4'))!;
    const { issueApiKey } = await admin<{ issueApiKey: { apiKey: string; id: string } }>(
      'mutation($app: ID!) { issueApiKey(applicationId: $app) { apiKey id } }',
      { app: app.id },
    );
    const query = '{ service(code: "320300-XK-0001") { name } }';
    const accepted = await waitFor(async () => (await platform.graphql(query, undefined, { 'x-api-key': issueApiKey.apiKey })).status === 200);
    expect(accepted).toBe(true);

    await admin('mutation($id: ID!) { revokeApiKey(credentialId: $id) { id } }', { id: issueApiKey.id });
    const refused = await waitFor(async () => (await platform.graphql(query, undefined, { 'x-api-key': issueApiKey.apiKey })).status === 401);
    expect(refused).toBe(true);
  });

  it('audits each operation with its coordinates and grades, and counts usage', async () => {
    const { body } = await platform.graphql('query AuditMe { service(code: "320300-XK-0001") { name } }', undefined, { 'x-request-id': 'audit-me-1' });
    expect(body.data).toEqual({ service: { name: '营业执照设立登记' } });
    const record = await waitForValue(async () => {
      const { auditRecords } = await admin<{ auditRecords: { nodes: any[] } }>('{ auditRecords(filter: { kind: "operation" }, first: 50) { nodes { operationName requestId outcome maxGrade subgraphs coordinates { coordinate grade } } } }');
      return auditRecords.nodes.find((node) => node.requestId === 'audit-me-1');
    });
    expect(record).toEqual({
      operationName: 'AuditMe',
      requestId: 'audit-me-1',
      outcome: 'ok',
      maxGrade: 'L1',
      subgraphs: ['services'],
      coordinates: [
        { coordinate: 'Query.service', grade: 'L1' },
        { coordinate: 'Service.name', grade: 'L1' },
      ],
    });
    const usage = await waitForValue(async () => {
      const { usage: counts } = await admin<{ usage: { requests: number }[] }>('{ usage { requests } }');
      const total = counts.reduce((sum, count) => sum + count.requests, 0);
      return total > 0 ? total : undefined;
    });
    expect(usage).toBeGreaterThan(0);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

async function waitForValue<T>(read: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return undefined;
}
