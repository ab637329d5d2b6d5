import { startAdminTestServer, type AdminTestServer } from './helpers/start-admin-test-server';

const CREATE_DEPARTMENT = 'mutation D($input: CreateDepartmentInput!) { createDepartment(input: $input) { id code name } }';
const CREATE_APPLICATION =
  'mutation A($input: CreateApplicationInput!) { createApplication(input: $input) { id name contact status department { code } } }';
const CREATE_TOKEN = 'mutation T($input: CreateAdminTokenInput!) { createAdminToken(input: $input) { token id adminToken { name role departmentId } } }';
const ISSUE_KEY = 'mutation K($id: ID!) { issueApiKey(applicationId: $id) { apiKey id prefix } }';
const ADD_GRANT = 'mutation G($input: AddGrantInput!) { addGrant(input: $input) { id } }';

let server: AdminTestServer;
let root: string;
let departmentAdmin: string;
let auditor: string;
let ownApp: string;
let otherApp: string;
let otherKey: string;
let otherGrant: string;

async function ok(token: string, query: string, variables?: Record<string, unknown>) {
  const response = await server.call(token, query, variables);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!;
}

beforeAll(async () => {
  server = await startAdminTestServer();
  root = server.rootToken;
  await ok(root, CREATE_DEPARTMENT, { input: { code: 'civil-affairs', name: '民政厅' } });
  await ok(root, CREATE_DEPARTMENT, { input: { code: 'public-security', name: '公安厅' } });
  ownApp = (await ok(root, CREATE_APPLICATION, { input: { name: '婚姻登记', departmentCode: 'civil-affairs', contact: 'ops@mz.gov.cn' } })).createApplication.id;
  otherApp = (await ok(root, CREATE_APPLICATION, { input: { name: '户籍', departmentCode: 'public-security', contact: 'ops@ga.gov.cn' } })).createApplication.id;
  otherKey = (await ok(root, ISSUE_KEY, { id: otherApp })).issueApiKey.id;
  otherGrant = (
    await ok(root, ADD_GRANT, {
      input: { applicationId: otherApp, targets: ['Query.person'], maxGrade: 'L2', purpose: '户籍核验', requestsPerSecond: 5, dailyQuota: 100 },
    })
  ).addGrant.id;
  departmentAdmin = (await ok(root, CREATE_TOKEN, { input: { name: 'mz-admin', role: 'department-admin', departmentCode: 'civil-affairs' } })).createAdminToken.token;
  auditor = (await ok(root, CREATE_TOKEN, { input: { name: 'audit-office', role: 'auditor' } })).createAdminToken.token;
});
afterAll(() => server?.close());

describe('admin API authentication', () => {
  it('refuses a request without a token, with a malformed one and with an unknown one: 401 UNAUTHENTICATED', async () => {
    for (const token of [undefined, 'not-a-token', `gga_${'x'.repeat(40)}`]) {
      const response = await server.call(token, '{ departments { code } }');
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="govgraph-admin"');
      expect(response.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
      expect(response.data ?? null).toBeNull();
    }
  });

  it('stops accepting a revoked admin token', async () => {
    const created = (await ok(root, CREATE_TOKEN, { input: { name: 'short-lived', role: 'auditor' } })).createAdminToken;
    expect((await server.call(created.token, '{ viewer { name role } }')).data).toEqual({ viewer: { name: 'short-lived', role: 'auditor' } });
    await ok(root, 'mutation R($id: ID!) { revokeAdminToken(id: $id) { id } }', { id: created.id });
    expect((await server.call(created.token, '{ viewer { name } }')).status).toBe(401);
  });

  it('echoes a plain x-request-id', async () => {
    const response = await server.call(root, '{ viewer { role } }', undefined, { 'x-request-id': 'admin-req-1' });
    expect(response.headers.get('x-request-id')).toBe('admin-req-1');
  });
});

describe('platform-admin', () => {
  it('sees every department and application', async () => {
    const data = await ok(root, '{ departments { code name } applications { nodes { name department { code } } } }');
    expect(data.departments).toEqual([
      { code: 'civil-affairs', name: '民政厅' },
      { code: 'public-security', name: '公安厅' },
    ]);
    expect(data.applications.nodes.map((node: { name: string }) => node.name).sort()).toEqual(['婚姻登记', '户籍'].sort());
  });
});

describe('department-admin', () => {
  it('creates, suspends, keys and grants its own department\'s applications', async () => {
    const created = (await ok(departmentAdmin, CREATE_APPLICATION, { input: { name: '低保', departmentCode: 'civil-affairs', contact: 'db@mz.gov.cn' } }))
      .createApplication;
    expect(created).toMatchObject({ name: '低保', contact: 'db@mz.gov.cn', status: 'active', department: { code: 'civil-affairs' } });
    const suspended = await ok(departmentAdmin, 'mutation S($id: ID!) { suspendApplication(id: $id) { status } }', { id: ownApp });
    expect(suspended.suspendApplication.status).toBe('suspended');
    const reactivated = await ok(departmentAdmin, 'mutation S($id: ID!) { reactivateApplication(id: $id) { status } }', { id: ownApp });
    expect(reactivated.reactivateApplication.status).toBe('active');
    expect((await ok(departmentAdmin, ISSUE_KEY, { id: ownApp })).issueApiKey.apiKey).toMatch(/^gg_/);
    const grant = await ok(departmentAdmin, ADD_GRANT, {
      input: { applicationId: ownApp, targets: ['subgraph:users'], maxGrade: 'L1', purpose: '婚姻登记核验', requestsPerSecond: 1, dailyQuota: 10 },
    });
    expect(grant.addGrant.id).toEqual(expect.any(String));
    const registered = await ok(departmentAdmin, 'mutation R($input: RegisterSubgraphInput!) { registerSubgraph(input: $input) { name department { code } } }', {
      input: { name: 'marriages', url: 'http://127.0.0.1:4101/graphql', departmentCode: 'civil-affairs' },
    });
    expect(registered.registerSubgraph).toEqual({ name: 'marriages', department: { code: 'civil-affairs' } });
  });

  it('sees only its own department, applications and subgraphs', async () => {
    await ok(root, 'mutation R($input: RegisterSubgraphInput!) { registerSubgraph(input: $input) { id } }', {
      input: { name: 'residents', url: 'http://127.0.0.1:4102/graphql', departmentCode: 'public-security' },
    });
    const data = await ok(departmentAdmin, '{ departments { code } applications { nodes { department { code } } } subgraphs { name } }');
    expect(data.departments).toEqual([{ code: 'civil-affairs' }]);
    expect(new Set(data.applications.nodes.map((node: { department: { code: string } }) => node.department.code))).toEqual(new Set(['civil-affairs']));
    expect(data.subgraphs).toEqual([{ name: 'marriages' }]);
  });

  it.each([
    ['read another department\'s application', '{ application(id: "$APP") { id } }'],
    ['list another department\'s grants', '{ grants(applicationId: "$APP") { id } }'],
    ['list another department\'s applications', '{ applications(departmentCode: "public-security") { nodes { id } } }'],
    ['create an application in another department', 'mutation { createApplication(input: { name: "x", departmentCode: "public-security", contact: "c" }) { id } }'],
    ['suspend another department\'s application', 'mutation { suspendApplication(id: "$APP") { id } }'],
    ['issue a key to another department\'s application', 'mutation { issueApiKey(applicationId: "$APP") { apiKey } }'],
    ['rotate another department\'s key', 'mutation { rotateApiKey(credentialId: "$KEY") { apiKey } }'],
    ['revoke another department\'s key', 'mutation { revokeApiKey(credentialId: "$KEY") { id } }'],
    ['add a grant to another department\'s application', 'mutation { addGrant(input: { applicationId: "$APP", targets: ["Query.person"], maxGrade: "L1", purpose: "p", requestsPerSecond: 1, dailyQuota: 1 }) { id } }'],
    ['revoke another department\'s grant', 'mutation { revokeGrant(id: "$GRANT") { id } }'],
    ['register a subgraph for another department', 'mutation { registerSubgraph(input: { name: "x", url: "http://127.0.0.1:1/graphql", departmentCode: "public-security" }) { id } }'],
    ['create a department', 'mutation { createDepartment(input: { code: "tax", name: "税务局" }) { id } }'],
    ['create an admin token', 'mutation { createAdminToken(input: { name: "x", role: "auditor" }) { token } }'],
    ['read audit records', '{ auditRecords { nodes { id } } }'],
    ['read usage', '{ usage { day } }'],
  ])('may not %s: FORBIDDEN, nothing changed', async (_what, template) => {
    const before = await snapshotCounts();
    const query = template.replace('$APP', otherApp).replace('$KEY', otherKey).replace('$GRANT', otherGrant);
    const response = await server.call(departmentAdmin, query);
    expect(response.status).toBe(403);
    expect(response.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(response.errors?.[0]?.message).toMatch(/^Admin token "mz-admin" \(department-admin\) may not /);
    expect(await snapshotCounts()).toEqual(before);
    const other = await server.registry.prisma.application.findUniqueOrThrow({ where: { id: otherApp } });
    expect(other.status).toBe('active');
  });
});

describe('auditor', () => {
  it('reads audit records and usage', async () => {
    const data = await ok(auditor, '{ auditRecords(first: 1) { nodes { kind } } usage { day } }');
    expect(data.auditRecords.nodes).toEqual([{ kind: 'admin' }]);
    expect(data.usage).toEqual([]);
  });

  it.each([
    ['list departments', '{ departments { id } }'],
    ['list applications', '{ applications { nodes { id } } }'],
    ['read an application', '{ application(id: "$APP") { id } }'],
    ['list grants', '{ grants(applicationId: "$APP") { id } }'],
    ['list subgraphs', '{ subgraphs { id } }'],
    ['create a department', 'mutation { createDepartment(input: { code: "tax", name: "税务局" }) { id } }'],
    ['create an application', 'mutation { createApplication(input: { name: "x", departmentCode: "civil-affairs", contact: "c" }) { id } }'],
    ['suspend an application', 'mutation { suspendApplication(id: "$APP") { id } }'],
    ['issue a key', 'mutation { issueApiKey(applicationId: "$APP") { apiKey } }'],
    ['revoke a key', 'mutation { revokeApiKey(credentialId: "$KEY") { id } }'],
    ['add a grant', 'mutation { addGrant(input: { applicationId: "$APP", targets: ["Query.person"], maxGrade: "L1", purpose: "p", requestsPerSecond: 1, dailyQuota: 1 }) { id } }'],
    ['revoke a grant', 'mutation { revokeGrant(id: "$GRANT") { id } }'],
    ['create an admin token', 'mutation { createAdminToken(input: { name: "x", role: "auditor" }) { token } }'],
  ])('may not %s: FORBIDDEN', async (_what, template) => {
    const before = await snapshotCounts();
    const response = await server.call(auditor, template.replace('$APP', otherApp).replace('$KEY', otherKey).replace('$GRANT', otherGrant));
    expect(response.status).toBe(403);
    expect(response.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(await snapshotCounts()).toEqual(before);
  });

  it('leaves an audit record of each denied attempt, with the auditor as actor', async () => {
    const auditorId = (await ok(auditor, '{ viewer { id } }')).viewer.id;
    const denied = await server.registry.prisma.auditRecord.findMany({ where: { actor: auditorId, outcome: 'denied' } });
    expect(denied.map((record) => record.action).sort()).toEqual(
      [
        'departments.list',
        'applications.list',
        'applications.get',
        'grants.list',
        'subgraphs.list',
        'departments.create',
        'applications.create',
        'applications.suspend',
        'keys.issue',
        'keys.revoke',
        'grants.add',
        'grants.revoke',
        'tokens.create',
      ].sort(),
    );
    expect(denied.every((record) => record.kind === 'admin')).toBe(true);
  });
});

async function snapshotCounts() {
  const prisma = server.registry.prisma;
  const [departments, applications, credentials, revokedCredentials, grants, revokedGrants, subgraphs, tokens, suspended] = await Promise.all([
    prisma.department.count(),
    prisma.application.count(),
    prisma.credential.count(),
    prisma.credential.count({ where: { revokedAt: { not: null } } }),
    prisma.grant.count(),
    prisma.grant.count({ where: { revokedAt: { not: null } } }),
    prisma.subgraph.count(),
    prisma.adminToken.count(),
    prisma.application.count({ where: { status: 'suspended' } }),
  ]);
  return { departments, applications, credentials, revokedCredentials, grants, revokedGrants, subgraphs, tokens, suspended };
}
