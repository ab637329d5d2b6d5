import { createHash } from 'node:crypto';
import { parseGrantInput } from '../../registry/parse-registry-input';
import { createPrismaRegistryReader } from '../../registry/prisma-registry-reader';
import { API_KEY_PATTERN } from '../../registry/secrets';
import { startAdminTestServer, TEST_PEPPER, type AdminTestServer } from './helpers/start-admin-test-server';
import { postgresUrl, testLocations } from '../../registry/__tests__/helpers/test-registries';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

if (!postgresUrl) console.info('admin API flow on PostgreSQL skipped: set GOVGRAPH_TEST_POSTGRES_URL to run it');

describe.each(testLocations())('admin API flows on %s', (provider, location) => {
  let server: AdminTestServer;
  let root: string;
  let rootId: string;
  let applicationId: string;

  async function ok(query: string, variables?: Record<string, unknown>) {
    const response = await server.call(root, query, variables);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data!;
  }

  beforeAll(async () => {
    server = await startAdminTestServer(location);
    root = server.rootToken;
    rootId = (await ok('{ viewer { id } }')).viewer.id;
    await ok('mutation { createDepartment(input: { code: "market", name: "市场监管局" }) { id } }');
    applicationId = (await ok('mutation { createApplication(input: { name: "企业登记", departmentCode: "market", contact: "qy@sc.gov.cn" }) { id } }'))
      .createApplication.id;
  });
  afterAll(() => server?.close());

  it('issues an API key once: the plaintext is in the answer, lists show only the prefix, the registry only the hash', async () => {
    const issued = (await ok('mutation K($id: ID!) { issueApiKey(applicationId: $id) { apiKey id prefix credential { applicationId revokedAt } } }', { id: applicationId }))
      .issueApiKey;
    expect(issued.apiKey).toMatch(API_KEY_PATTERN);
    expect(issued.prefix).toBe(issued.apiKey.slice(0, 8));
    expect(issued.credential).toEqual({ applicationId, revokedAt: null });
    const row = await server.registry.prisma.credential.findUniqueOrThrow({ where: { id: issued.id } });
    expect(row.hash).toBe(sha256(TEST_PEPPER + issued.apiKey));
    const listed = await server.call(root, '{ application(id: "' + applicationId + '") { credentials { id prefix } } }');
    expect(listed.data?.application.credentials).toContainEqual({ id: issued.id, prefix: issued.prefix });
    expect(JSON.stringify(listed)).not.toContain(issued.apiKey.slice(8));
    const introspected = await server.call(root, '{ __type(name: "Credential") { fields { name } } }');
    expect(introspected.data?.__type.fields.map((field: { name: string }) => field.name)).not.toContain('hash');
    const audit = await server.registry.prisma.auditRecord.findMany();
    expect(JSON.stringify(audit)).not.toContain(issued.apiKey.slice(8));
  });

  it('rotates a key with an overlap window: both keys valid until it ends, then only the new one', async () => {
    const first = (await ok('mutation K($id: ID!) { issueApiKey(applicationId: $id) { apiKey id } }', { id: applicationId })).issueApiKey;
    const before = Date.now();
    const rotated = (
      await ok('mutation R($id: ID!) { rotateApiKey(credentialId: $id, overlapSeconds: 3600) { apiKey id prefix } }', { id: first.id })
    ).rotateApiKey;
    expect(rotated.apiKey).toMatch(API_KEY_PATTERN);
    expect(rotated.apiKey).not.toBe(first.apiKey);
    const old = await server.registry.prisma.credential.findUniqueOrThrow({ where: { id: first.id } });
    expect(old.replacedById).toBe(rotated.id);
    expect(old.overlapUntil!.getTime()).toBeGreaterThanOrEqual(before + 3600_000 - 1000);
    expect(old.overlapUntil!.getTime()).toBeLessThanOrEqual(Date.now() + 3600_000);
    const reader = createPrismaRegistryReader(server.registry.prisma);
    const now = await reader.load();
    expect(now.credentialsByHash.get(sha256(TEST_PEPPER + first.apiKey))?.validUntil).toEqual(old.overlapUntil);
    expect(now.credentialsByHash.get(sha256(TEST_PEPPER + rotated.apiKey))?.validUntil).toBeUndefined();
    const later = await createPrismaRegistryReader(server.registry.prisma, { now: () => new Date(Date.now() + 3601_000) }).load();
    expect(later.credentialsByHash.has(sha256(TEST_PEPPER + first.apiKey))).toBe(false);
    expect(later.credentialsByHash.has(sha256(TEST_PEPPER + rotated.apiKey))).toBe(true);

    const again = await server.call(root, 'mutation R($id: ID!) { rotateApiKey(credentialId: $id) { id } }', { id: first.id });
    expect(again.errors?.[0]).toMatchObject({ message: `Credential ${first.id} was already rotated.`, extensions: { code: 'GW_REGISTRY_CONFLICT' } });
    expect(again.status).toBe(409);
  });

  it('revokes a key: gone from the snapshot at once, and a second revocation is a conflict', async () => {
    const issued = (await ok('mutation K($id: ID!) { issueApiKey(applicationId: $id) { apiKey id } }', { id: applicationId })).issueApiKey;
    const revoked = (await ok('mutation V($id: ID!) { revokeApiKey(credentialId: $id) { id revokedAt } }', { id: issued.id })).revokeApiKey;
    expect(Date.parse(revoked.revokedAt)).toBeLessThanOrEqual(Date.now());
    const snapshot = await createPrismaRegistryReader(server.registry.prisma).load();
    expect(snapshot.credentialsByHash.has(sha256(TEST_PEPPER + issued.apiKey))).toBe(false);
    const twice = await server.call(root, 'mutation V($id: ID!) { revokeApiKey(credentialId: $id) { id } }', { id: issued.id });
    expect(twice.errors?.[0]?.extensions?.['code']).toBe('GW_REGISTRY_CONFLICT');
  });

  it('adds a grant with exactly the data given and revokes it', async () => {
    const input = {
      applicationId,
      targets: ['Query.enterprise', 'Enterprise.creditCode', 'subgraph:licences'],
      maxGrade: 'L3',
      purpose: '企业登记核验',
      expiresAt: '2031-06-30T00:00:00.000Z',
      requestsPerSecond: 10,
      dailyQuota: 10000,
      requireEndUser: true,
      unmask: ['phone', 'name'],
    };
    const fields = 'id applicationId targets maxGrade purpose expiresAt requestsPerSecond dailyQuota requireEndUser unmask revokedAt';
    const added = (await ok(`mutation G($input: AddGrantInput!) { addGrant(input: $input) { ${fields} } }`, { input })).addGrant;
    expect(added).toEqual({ id: expect.any(String), ...input, revokedAt: null });
    expect((await ok(`{ grants(applicationId: "${applicationId}") { ${fields} } }`)).grants).toEqual([added]);
    const compiled = (await createPrismaRegistryReader(server.registry.prisma).load()).grantsByApplication.get(applicationId);
    expect(compiled).toEqual([
      expect.objectContaining({
        allowedCoordinates: new Set(['Query.enterprise', 'Enterprise.creditCode']),
        allowedSubgraphs: new Set(['licences']),
        maxGrade: 'L3',
        requireEndUser: true,
        unmask: new Set(['phone', 'name']),
      }),
    ]);
    const revoked = (await ok('mutation V($id: ID!) { revokeGrant(id: $id) { id revokedAt } }', { id: added.id })).revokeGrant;
    expect(revoked.revokedAt).toEqual(expect.any(String));
    expect((await createPrismaRegistryReader(server.registry.prisma).load()).grantsByApplication.get(applicationId)).toBeUndefined();
  });

  it('writes an admin audit record of every change, with actor, action, application and outcome, newest first', async () => {
    const page = await ok('{ auditRecords(filter: { kind: "admin", outcome: "ok" }, first: 500) { nodes { kind actor action applicationId outcome coordinates { coordinate } subgraphs } } }');
    const actions = page.auditRecords.nodes.map((node: { action: string }) => node.action);
    expect(actions.slice(0, 2)).toEqual(['grants.revoke', 'grants.add']);
    expect([...actions].reverse()).toEqual([
      'departments.create',
      'applications.create',
      'keys.issue',
      'keys.issue',
      'keys.rotate',
      'keys.issue',
      'keys.revoke',
      'grants.add',
      'grants.revoke',
    ]);
    for (const node of page.auditRecords.nodes) {
      expect(node).toMatchObject({ kind: 'admin', actor: rootId, outcome: 'ok', coordinates: [], subgraphs: [] });
      if (node.action !== 'departments.create') expect(node.applicationId).toBe(applicationId);
    }
    const conflicts = await ok('{ auditRecords(filter: { outcome: "conflict" }) { nodes { action } } }');
    expect(conflicts.auditRecords.nodes).toEqual([{ action: 'keys.revoke' }, { action: 'keys.rotate' }]);
  });

  it('pages audit records with cursors, newest first, without gaps or repeats', async () => {
    const all = (await ok('{ auditRecords(first: 500) { nodes { id at } } }')).auditRecords.nodes as { id: string; at: string }[];
    expect(all.length).toBeGreaterThan(5);
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.at >= all[i]!.at).toBe(true);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const data = await ok('query P($after: String) { auditRecords(first: 3, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }', { after });
      seen.push(...data.auditRecords.nodes.map((node: { id: string }) => node.id));
      if (!data.auditRecords.pageInfo.hasNextPage) break;
      after = data.auditRecords.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.map((node) => node.id));
  });

  it('reports usage per day for an application', async () => {
    await server.registry.prisma.usageCounter.createMany({
      data: [
        { applicationId, day: '2030-01-01', requests: 7 },
        { applicationId, day: '2030-01-02', requests: 9 },
        { applicationId: 'other', day: '2030-01-02', requests: 1 },
      ],
    });
    const data = await ok(`{ usage(applicationId: "${applicationId}", from: "2030-01-02") { applicationId day requests } }`);
    expect(data.usage).toEqual([{ applicationId, day: '2030-01-02', requests: 9 }]);
  });

  if (provider === 'sqlite') {
    it('refuses invalid input with BAD_USER_INPUT and the registry\'s messages, and audits it as invalid', async () => {
      const response = await server.call(root, 'mutation G($input: AddGrantInput!) { addGrant(input: $input) { id } }', {
        input: { applicationId, targets: ['Person'], maxGrade: 'L5', purpose: ' ', requestsPerSecond: 0, dailyQuota: 1, unmask: ['iris'] },
      });
      expect(response.status).toBe(400);
      const [error] = response.errors!;
      expect(error!.extensions?.['code']).toBe('BAD_USER_INPUT');
      // Exactly the registry's own message for the same input (its wording belongs to parse-registry-input.ts).
      const registryMessage = (() => {
        try {
          parseGrantInput({ applicationId, targets: ['Person'], maxGrade: 'L5', purpose: ' ', requestsPerSecond: 0, dailyQuota: 1, unmask: ['iris'] });
        } catch (thrown) {
          return (thrown as Error).message;
        }
        throw new Error('the registry accepted an invalid grant');
      })();
      expect(error!.message).toBe(registryMessage);
      expect(error!.message.split('\n')).toEqual([
        'Invalid grant (5 problems):',
        expect.stringMatching(/^- targets\[0\]: must be a Type\.field coordinate.* \(got "Person"\)$/),
        '- maxGrade: must be one of L1, L2, L3, L4 (got "L5")',
        '- purpose: must not be empty (got " ")',
        '- requestsPerSecond: must be a positive integer (got 0)',
        '- unmask[0]: must be one of resident-id, phone, name, address (got "iris")',
      ]);
      expect(error!.extensions?.['problems']).toContainEqual({ path: 'maxGrade', message: 'must be one of L1, L2, L3, L4' });
      const [record] = await server.registry.prisma.auditRecord.findMany({ where: { action: 'grants.add' }, orderBy: { at: 'desc' }, take: 1 });
      expect(record).toMatchObject({ outcome: 'invalid', actor: rootId, applicationId });
    });

    it('names the department code of a department-admin token that lacks one, and refuses an expiry in the past', async () => {
      const token = await server.call(root, 'mutation { createAdminToken(input: { name: "", role: "department-admin" }) { token } }');
      expect(token.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(token.errors?.[0]?.message).toBe('Invalid admin token (2 problems):\n- name: must not be empty (got "")\n- departmentCode: is required for a department-admin');
      const key = await server.call(root, `mutation { issueApiKey(applicationId: "${applicationId}", expiresAt: "2001-01-01T00:00:00Z") { apiKey } }`);
      expect(key.errors?.[0]).toMatchObject({ message: 'Invalid expiresAt 2001-01-01T00:00:00.000Z: must be in the future.', extensions: { code: 'BAD_USER_INPUT' } });
      const date = await server.call(root, `mutation { issueApiKey(applicationId: "${applicationId}", expiresAt: "next tuesday") { apiKey } }`);
      expect(date.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(date.errors?.[0]?.message).toContain('Invalid DateTime "next tuesday": must be ISO 8601');
      const usage = await server.call(root, '{ usage(from: "2030-13-01", to: "yesterday") { day } }');
      expect(usage.errors?.[0]?.message).toBe(
        'Invalid usage query (2 problems):\n- from: must be a day YYYY-MM-DD (got "2030-13-01")\n- to: must be a day YYYY-MM-DD (got "yesterday")',
      );
      const size = await server.call(root, '{ applications(first: 0) { nodes { id } } }');
      expect(size.errors?.map((error) => error.message)).toEqual(['Invalid first 0: must be an integer from 1 to 500.']);
      const cursor = await server.call(root, '{ auditRecords(after: "bm9wZQ") { nodes { id } } }');
      expect(cursor.errors?.map((error) => error.message)).toEqual(['Invalid cursor "bm9wZQ".']);
    });

    it('answers GW_REGISTRY_NOT_FOUND for unknown objects and GW_REGISTRY_CONFLICT for duplicates', async () => {
      const cases: [string, string][] = [
        ['{ application(id: "nope") { id } }', 'No application nope.'],
        ['mutation { revokeGrant(id: "nope") { id } }', 'No grant nope.'],
        ['mutation { rotateApiKey(credentialId: "nope") { id } }', 'No credential nope.'],
        ['mutation { createApplication(input: { name: "x", departmentCode: "nope", contact: "c" }) { id } }', 'No department with code "nope".'],
        ['mutation { revokeAdminToken(id: "nope") { id } }', 'No admin token nope.'],
      ];
      for (const [query, message] of cases) {
        const response = await server.call(root, query);
        expect(response.status).toBe(404);
        expect(response.errors?.[0]).toMatchObject({ message, extensions: { code: 'GW_REGISTRY_NOT_FOUND' } });
      }
      const duplicate = await server.call(root, 'mutation { createDepartment(input: { code: "market", name: "again" }) { id } }');
      expect(duplicate.errors?.[0]?.extensions?.['code']).toBe('GW_REGISTRY_CONFLICT');
    });
  }
});
