import { startAdminTestServer, type AdminTestServer } from '../../admin/__tests__/helpers/start-admin-test-server';
import { parseGrantInput } from '../../registry/parse-registry-input';
import { runAdminCli, type AdminCliIo } from '../run-admin-cli';

let server: AdminTestServer;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function cli(argv: string[], overrides: Partial<AdminCliIo> = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdminCli(argv, {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    env: { GOVGRAPH_ADMIN_URL: server.url, GOVGRAPH_ADMIN_TOKEN: server.rootToken },
    ...overrides,
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

async function json<T = any>(argv: string[]): Promise<T> {
  const run = await cli([...argv, '--json']);
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

beforeAll(async () => {
  server = await startAdminTestServer();
  await json(['departments', 'create', '--code', 'natural-resources', '--name', '自然资源厅']);
});
afterAll(() => server?.close());

describe('govgraph apps', () => {
  it('creates an application and prints exactly the stored record as JSON', async () => {
    const run = await cli(['apps', 'create', '--name', '不动产登记', '--department', 'natural-resources', '--contact', 'bdc@zr.gov.cn', '--json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const stored = await server.registry.prisma.application.findFirstOrThrow({ where: { name: '不动产登记' }, include: { department: true } });
    expect(run.stdout).toBe(
      JSON.stringify(
        {
          id: stored.id,
          name: '不动产登记',
          contact: 'bdc@zr.gov.cn',
          status: 'active',
          department: { code: 'natural-resources', name: '自然资源厅' },
          createdAt: stored.createdAt.toISOString(),
          updatedAt: stored.updatedAt.toISOString(),
        },
        null,
        2,
      ) + '\n',
    );
  });

  it('prints a human record and an aligned table by default, and suspends', async () => {
    const created = await cli(['apps', 'create', '--name', 'Land survey', '--department', 'natural-resources', '--contact', 'survey@zr.gov.cn']);
    expect(created.code).toBe(0);
    const id = /^id\s+(\S+)$/m.exec(created.stdout)?.[1];
    expect(created.stdout).toMatch(/^name\s+Land survey$/m);
    expect(created.stdout).toMatch(/^department\s+natural-resources$/m);
    const suspended = await cli(['apps', 'suspend', id!]);
    expect(suspended.stdout).toMatch(/^status\s+suspended$/m);
    const list = await cli(['apps', 'list', '--department', 'natural-resources']);
    const lines = list.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+DEPARTMENT\s+STATUS\s+CONTACT\s+CREATED$/);
    expect(lines).toHaveLength(3);
    // Columns line up although 不动产登记 is five wide characters (ten terminal columns).
    const statusColumn = lines[0]!.indexOf('STATUS');
    const width = (text: string) => [...text].reduce((sum, char) => sum + (/[\u4e00-\u9fff]/.test(char) ? 2 : 1), 0);
    for (const line of lines.slice(1)) {
      const status = / (active|suspended) /.exec(line)!;
      expect(width(line.slice(0, status.index + 1))).toBe(statusColumn);
    }
    const suspendedOnly = await json<{ name: string }[]>(['apps', 'list', '--status', 'suspended']);
    expect(suspendedOnly.map((app) => app.name)).toEqual(['Land survey']);
    const limited = await json<unknown[]>(['apps', 'list', '--limit', '1']);
    expect(limited).toHaveLength(1);
  });
});

describe('govgraph keys and grants', () => {
  let appId: string;
  beforeAll(async () => {
    appId = (await json(['apps', 'create', '--name', '规划许可', '--department', 'natural-resources', '--contact', 'gh@zr.gov.cn'])).id;
  });

  it('issues a key printed once with a warning, rotates it with a 24h overlap, and revokes it', async () => {
    const issued = await cli(['keys', 'issue', appId, '--expires', '30d']);
    expect(issued.code).toBe(0);
    const key = /^ {2}(gg_[0-9A-Za-z]{32})$/m.exec(issued.stdout)?.[1];
    expect(issued.stdout).toContain('API key (shown once: store it now, it cannot be shown again):');
    expect(key).toBeDefined();
    const credentialId = /^id\s+(\S+)$/m.exec(issued.stdout)![1]!;
    const row = await server.registry.prisma.credential.findUniqueOrThrow({ where: { id: credentialId } });
    expect(Math.abs(row.expiresAt!.getTime() - (Date.now() + 30 * 86_400_000))).toBeLessThan(60_000);

    const listed = await cli(['keys', 'list', appId]);
    expect(listed.stdout).toContain(key!.slice(0, 8));
    expect(listed.stdout).not.toContain(key!.slice(8));

    const before = Date.now();
    const rotated = await json(['keys', 'rotate', credentialId, '--overlap', '24h']);
    expect(rotated.apiKey).toMatch(/^gg_/);
    const old = await server.registry.prisma.credential.findUniqueOrThrow({ where: { id: credentialId } });
    expect(old.replacedById).toBe(rotated.id);
    expect(old.overlapUntil!.getTime() - before).toBeGreaterThanOrEqual(86_400_000 - 1000);
    expect(old.overlapUntil!.getTime() - Date.now()).toBeLessThanOrEqual(86_400_000);

    const revoked = await cli(['keys', 'revoke', rotated.id]);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toMatch(/^revoked\s+\d{4}-\d{2}-\d{2}T/m);
    const again = await cli(['keys', 'revoke', rotated.id]);
    expect(again).toEqual({ code: 1, stdout: '', stderr: `govgraph keys revoke: [GW_REGISTRY_CONFLICT] Credential ${rotated.id} is revoked.\n` });
  });

  it('adds a grant with every option, lists and revokes it', async () => {
    const added = await json([
      'grants', 'add', appId,
      '--targets', 'Query.parcel,Parcel.owner,subgraph:licences',
      '--grade', 'L3',
      '--purpose', '规划许可审查',
      '--rps', '10',
      '--quota', '10000',
      '--require-end-user',
      '--unmask', 'phone,name',
      '--expires', '2031-01-01T00:00:00Z',
    ]);
    expect(added).toEqual({
      id: expect.any(String),
      applicationId: appId,
      targets: ['Query.parcel', 'Parcel.owner', 'subgraph:licences'],
      maxGrade: 'L3',
      purpose: '规划许可审查',
      expiresAt: '2031-01-01T00:00:00.000Z',
      requestsPerSecond: 10,
      dailyQuota: 10000,
      requireEndUser: true,
      unmask: ['phone', 'name'],
      createdAt: expect.any(String),
      revokedAt: null,
    });
    expect(await json(['grants', 'list', appId])).toEqual([added]);
    const table = await cli(['grants', 'list', appId]);
    expect(table.stdout).toMatch(/Query\.parcel,Parcel\.owner,subgraph:licences\s+L3\s+规划许可审查\s+10\s+10000\s+yes\s+phone,name/);
    const revoked = await json(['grants', 'revoke', added.id]);
    expect(revoked.revokedAt).toEqual(expect.any(String));
  });

  it('exits 1 with the registry\'s messages for invalid input, and 2 listing every missing option', async () => {
    const invalid = await cli(['grants', 'add', appId, '--targets', 'Parcel', '--grade', 'L9', '--purpose', 'p', '--rps', '0', '--quota', '5']);
    expect(invalid.code).toBe(1);
    let registryMessage = '';
    try {
      parseGrantInput({ applicationId: appId, targets: ['Parcel'], maxGrade: 'L9', purpose: 'p', requestsPerSecond: 0, dailyQuota: 5 });
    } catch (thrown) {
      registryMessage = (thrown as Error).message;
    }
    expect(registryMessage).toMatch(/^Invalid grant \(3 problems\):\n- targets\[0\]: .*\n- maxGrade: must be one of L1, L2, L3, L4 \(got "L9"\)\n- requestsPerSecond: must be a positive integer \(got 0\)$/);
    expect(invalid.stderr).toBe(`govgraph grants add: [BAD_USER_INPUT] ${registryMessage}\n`);
    const missing = await cli(['grants', 'add', appId, '--grade', 'L1']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^govgraph grants add: --targets is required; --purpose is required; --rps is required; --quota is required\n\nUsage: govgraph grants add <appId>/);
    const notNumber = await cli(['grants', 'add', appId, '--targets', 'Query.x', '--grade', 'L1', '--purpose', 'p', '--rps', 'ten', '--quota', '5']);
    expect(notNumber.code).toBe(2);
    expect(notNumber.stderr).toMatch(/^govgraph grants add: --rps must be a whole number \(got "ten"\)/);
  });
});

describe('govgraph subgraphs, tokens, usage and audit', () => {
  it('registers a subgraph (its --url is the subgraph\'s; the admin API comes from --admin-url or the env)', async () => {
    const registered = await json(['subgraphs', 'register', '--name', 'parcels', '--url', 'http://127.0.0.1:4105/graphql', '--department', 'natural-resources']);
    expect(registered).toMatchObject({ name: 'parcels', url: 'http://127.0.0.1:4105/graphql', department: { code: 'natural-resources' } });
    const viaFlag = await cli(['subgraphs', 'list', '--url', server.url], { env: { GOVGRAPH_ADMIN_TOKEN: server.rootToken } });
    expect(viaFlag.stdout).toMatch(/^parcels\s+http:\/\/127\.0\.0\.1:4105\/graphql\s+natural-resources/m);
  });

  it('creates a department-admin token that works and is refused elsewhere (exit 1, FORBIDDEN)', async () => {
    const created = await cli(['tokens', 'create', '--name', 'zr-admin', '--role', 'department-admin', '--department', 'natural-resources']);
    expect(created.code).toBe(0);
    const token = /^ {2}(gga_[0-9A-Za-z]{40})$/m.exec(created.stdout)![1]!;
    const asDepartment = { env: { GOVGRAPH_ADMIN_URL: server.url, GOVGRAPH_ADMIN_TOKEN: token } };
    expect((await cli(['apps', 'list'], asDepartment)).code).toBe(0);
    const denied = await cli(['departments', 'create', '--code', 'tax', '--name', '税务局'], asDepartment);
    expect(denied).toEqual({
      code: 1,
      stdout: '',
      stderr: 'govgraph departments create: [FORBIDDEN] Admin token "zr-admin" (department-admin) may not create departments.\n',
    });
  });

  it('prints usage per day with a total', async () => {
    const app = await json(['apps', 'create', '--name', 'metered', '--department', 'natural-resources', '--contact', 'm@zr.gov.cn']);
    await server.registry.prisma.usageCounter.createMany({
      data: [
        { applicationId: app.id, day: '2030-03-01', requests: 120 },
        { applicationId: app.id, day: '2030-03-02', requests: 80 },
      ],
    });
    const table = await cli(['usage', app.id, '--from', '2030-03-01', '--to', '2030-03-31']);
    expect(table.stdout).toBe('DAY         REQUESTS\n2030-03-01  120\n2030-03-02  80\ntotal 200\n');
    expect(await json(['usage', app.id, '--to', '2030-03-01'])).toEqual([{ applicationId: app.id, day: '2030-03-01', requests: 120 }]);
  });

  it('tails the audit as JSON lines, oldest first, and follows new records until interrupted', async () => {
    const tail = await cli(['audit', 'tail', '--limit', '3', '--kind', 'admin']);
    const lines = tail.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { at: string; action: string; kind: string; actor: string });
    expect(lines).toHaveLength(3);
    expect(lines.map((line) => line.at)).toEqual([...lines.map((line) => line.at)].sort());
    expect(lines.every((line) => line.kind === 'admin' && typeof line.actor === 'string')).toBe(true);
    expect(lines[2]).toMatchObject({ action: 'applications.create', operationName: 'CreateApplication' });

    const interrupt = new AbortController();
    const out: string[] = [];
    const following = runAdminCli(['audit', 'tail', '--follow', '--limit', '1'], {
      stdout: (text) => out.push(text),
      stderr: (text) => out.push(`ERR ${text}`),
      env: { GOVGRAPH_ADMIN_URL: server.url, GOVGRAPH_ADMIN_TOKEN: server.rootToken },
      signal: interrupt.signal,
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(out).toHaveLength(1);
    await json(['departments', 'create', '--code', 'water', '--name', '水利厅']);
    const deadline = Date.now() + 5000;
    while (out.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    interrupt.abort();
    expect(await following).toBe(0);
    expect(out).toHaveLength(2);
    expect(JSON.parse(out[1]!)).toMatchObject({ kind: 'admin', action: 'departments.create', outcome: 'ok' });
  });
});

describe('govgraph admin usage errors and failures', () => {
  it('exits 2 for an unknown command, an unknown option, a missing argument or a missing token', async () => {
    expect(await cli(['apps', 'explode'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^govgraph: unknown command "apps explode"/) });
    expect(await cli(['apps', 'list', '--colour', 'red'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/colour/) });
    expect(await cli(['keys', 'revoke'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^govgraph keys revoke: missing <credentialId>/) });
    expect(await cli(['apps', 'list'], { env: { GOVGRAPH_ADMIN_URL: server.url } })).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/an admin token is required: --token or GOVGRAPH_ADMIN_TOKEN/),
    });
    expect(await cli(['keys', 'rotate', 'x', '--overlap', 'a day'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/--overlap must be a duration like 90s/) });
  });

  it('prints help with exit 0', async () => {
    const overview = await cli(['apps', '--help']);
    expect(overview.code).toBe(0);
    expect(overview.stdout).toContain('govgraph grants add <appId> --targets');
    const one = await cli(['keys', 'rotate', '--help']);
    expect(one).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: govgraph keys rotate <credentialId> \[--overlap <24h>\]/) });
  });

  it('exits 1 for a wrong token, a missing object and an unreachable API, never echoing the token', async () => {
    const wrong = `gga_${'W'.repeat(40)}`;
    const unauthenticated = await cli(['apps', 'list', '--token', wrong]);
    expect(unauthenticated.code).toBe(1);
    expect(unauthenticated.stderr).toMatch(/^govgraph apps list: \[UNAUTHENTICATED\] A valid admin token is required/);
    expect(unauthenticated.stderr).not.toContain(wrong);
    expect(await cli(['grants', 'list', 'nope'])).toEqual({ code: 1, stdout: '', stderr: 'govgraph grants list: [GW_REGISTRY_NOT_FOUND] No application nope.\n' });
    const unreachable = await cli(['apps', 'list', '--url', 'http://127.0.0.1:9/admin/graphql']);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(/^govgraph apps list: \[ADMIN_API_UNREACHABLE\] cannot reach the admin API at http:\/\/127\.0\.0\.1:9\/admin\/graphql: /);
  });
});
