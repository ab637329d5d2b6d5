import { createHash } from 'node:crypto';
import { withAuditCoordinates } from '../audit-coordinates';
import { openRegistry, type Registry } from '../open-registry';
import { createPrismaAuditSink } from '../prisma-audit-sink';
import { createPrismaRegistryReader } from '../prisma-registry-reader';
import { createPrismaUsageCounterStore } from '../prisma-usage-counter-store';
import { registryDriverOf } from '../registry-driver';
import { createRegistryAdmin, type RegistryAdmin } from '../registry-admin';
import { API_KEY_PATTERN, ADMIN_TOKEN_PATTERN } from '../secrets';
import { postgresUrl, testLocations, type TestRegistryLocation } from './helpers/test-registries';

const PEPPER = 'test-pepper-0123456789';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

if (!postgresUrl) console.info('registry store tests on PostgreSQL skipped: set GOVGRAPH_TEST_POSTGRES_URL to run them');

describe.each(testLocations())('registry stores on %s', (_provider, location) => {
  let place: TestRegistryLocation;
  let registry: Registry;
  let clock: Date;
  let admin: RegistryAdmin;
  let departmentId: string;
  let applicationId: string;

  beforeAll(async () => {
    place = location();
    registry = await openRegistry({ url: place.url });
    clock = new Date('2030-01-01T00:00:00.000Z');
    admin = createRegistryAdmin(registry.prisma, { pepper: PEPPER, now: () => clock });
    const department = await admin.createDepartment({ code: 'public-security', name: '公安厅' });
    departmentId = department.id;
    const application = await admin.createApplication({ name: '不动产登记', departmentId, contact: 'ops@example.gov.cn' });
    applicationId = application.id;
  });
  afterAll(async () => {
    await registry?.close();
    await place?.cleanup();
  });

  it('creates departments, applications and subgraphs with exactly the data given', async () => {
    const department = await registry.prisma.department.findUniqueOrThrow({ where: { id: departmentId } });
    expect(department).toMatchObject({ code: 'public-security', name: '公安厅' });
    const application = await registry.prisma.application.findUniqueOrThrow({ where: { id: applicationId } });
    expect(application).toMatchObject({ name: '不动产登记', departmentId, contact: 'ops@example.gov.cn', status: 'active' });
    const subgraph = await admin.createSubgraph({ name: 'users', url: 'http://127.0.0.1:4001/graphql', departmentId });
    expect(subgraph).toMatchObject({ name: 'users', url: 'http://127.0.0.1:4001/graphql', departmentId });
  });

  it('refuses a duplicate department code, an unknown department and invalid input with registry codes', async () => {
    await expect(admin.createDepartment({ code: 'public-security', name: 'again' })).rejects.toMatchObject({ code: 'GW_REGISTRY_CONFLICT' });
    await expect(admin.createApplication({ name: 'x', departmentId: 'nope', contact: 'c' })).rejects.toMatchObject({
      code: 'GW_REGISTRY_NOT_FOUND',
    });
    const invalid = admin.addGrant({
      applicationId,
      targets: ['Person', 'subgraph:users'],
      maxGrade: 'L5' as 'L4',
      purpose: '',
      requestsPerSecond: 0,
      dailyQuota: 10,
      unmask: ['iris' as 'phone'],
    });
    await expect(invalid).rejects.toMatchObject({ code: 'GW_REGISTRY_INVALID_INPUT' });
    const message = await invalid.catch((error: Error) => error.message);
    expect(message).toContain('Invalid grant (5 problems)');
    expect(message).toContain('- targets[0]: must be a Type.field coordinate, subgraph:<name> or introspection (got "Person")');
    expect(message).toContain('- maxGrade: must be one of L1, L2, L3, L4 (got "L5")');
    expect(message).toContain('- purpose: must not be empty');
    expect(message).toContain('- requestsPerSecond: must be a positive integer (got 0)');
    expect(message).toContain('- unmask[0]: must be one of resident-id, phone, name, address (got "iris")');
  });

  it('issues an API key shown once and stores only the peppered sha256 of it', async () => {
    const issued = await admin.issueApiKey(applicationId);
    expect(issued.secret).toMatch(API_KEY_PATTERN);
    expect(issued.record).toMatchObject({ applicationId, kind: 'api-key', prefix: issued.secret.slice(0, 8), revokedAt: null });
    expect(issued.record).not.toHaveProperty('hash');
    const row = await registry.prisma.credential.findUniqueOrThrow({ where: { id: issued.record.id } });
    expect(row.hash).toBe(sha256(PEPPER + issued.secret));
    const everything = JSON.stringify(await registry.prisma.credential.findMany());
    expect(everything).not.toContain(issued.secret);
    expect(everything).not.toContain(issued.secret.slice(8));

    const snapshot = await createPrismaRegistryReader(registry.prisma, { now: () => clock }).load();
    expect(snapshot.credentialsByHash.get(row.hash)).toEqual({
      id: issued.record.id,
      applicationId,
      prefix: issued.secret.slice(0, 8),
      hash: row.hash,
      validUntil: undefined,
    });
  });

  it('keeps a rotated key valid until the end of the overlap window, and the new one after it', async () => {
    const reader = createPrismaRegistryReader(registry.prisma, { now: () => clock });
    const old = await admin.issueApiKey(applicationId);
    const rotated = await admin.rotateApiKey(old.record.id, { overlapSeconds: 3600 });
    const oldHash = sha256(PEPPER + old.secret);
    const newHash = sha256(PEPPER + rotated.secret);
    const oldRow = await registry.prisma.credential.findUniqueOrThrow({ where: { id: old.record.id } });
    expect(oldRow.replacedById).toBe(rotated.record.id);
    expect(oldRow.overlapUntil).toEqual(new Date('2030-01-01T01:00:00.000Z'));

    const during = await reader.load();
    expect(during.credentialsByHash.get(oldHash)?.validUntil).toEqual(new Date('2030-01-01T01:00:00.000Z'));
    expect(during.credentialsByHash.has(newHash)).toBe(true);

    const realClock = clock;
    clock = new Date('2030-01-01T01:00:00.001Z');
    try {
      const after = await reader.load();
      expect(after.credentialsByHash.has(oldHash)).toBe(false);
      expect(after.credentialsByHash.has(newHash)).toBe(true);
      await expect(admin.rotateApiKey(old.record.id)).rejects.toMatchObject({ code: 'GW_REGISTRY_CONFLICT' });
    } finally {
      clock = realClock;
    }
  });

  it('drops a revoked key and an expired key from the snapshot, and refuses to revoke twice', async () => {
    const reader = createPrismaRegistryReader(registry.prisma, { now: () => clock });
    const revoked = await admin.issueApiKey(applicationId);
    const expiring = await admin.issueApiKey(applicationId);
    const before = await reader.version();
    expect(await admin.revokeCredential(revoked.record.id)).toMatchObject({ revokedAt: clock });
    expect(await reader.version()).not.toBe(before);
    await admin.expireCredential(expiring.record.id, new Date('2029-12-31T23:59:59.000Z'));
    const snapshot = await reader.load();
    expect(snapshot.credentialsByHash.has(sha256(PEPPER + revoked.secret))).toBe(false);
    expect(snapshot.credentialsByHash.has(sha256(PEPPER + expiring.secret))).toBe(false);
    await expect(admin.revokeCredential(revoked.record.id)).rejects.toMatchObject({ code: 'GW_REGISTRY_CONFLICT' });
    await expect(admin.revokeCredential('missing')).rejects.toMatchObject({ code: 'GW_REGISTRY_NOT_FOUND' });
  });

  it('adds grants compiled into coordinate and subgraph sets, and drops revoked and expired ones', async () => {
    const reader = createPrismaRegistryReader(registry.prisma, { now: () => clock });
    const grant = await admin.addGrant({
      applicationId,
      targets: ['Query.person', 'Person.name', 'subgraph:licences', 'Person.name'],
      maxGrade: 'L3',
      purpose: '不动产登记核验',
      requestsPerSecond: 20,
      dailyQuota: 5000,
      requireEndUser: true,
      unmask: ['name', 'phone'],
    });
    expect(grant).toMatchObject({
      targets: ['Query.person', 'Person.name', 'subgraph:licences'],
      maxGrade: 'L3',
      unmask: ['name', 'phone'],
      requireEndUser: true,
      expiresAt: null,
      revokedAt: null,
    });
    const expired = await admin.addGrant({
      applicationId,
      targets: ['Query.case'],
      maxGrade: 'L1',
      purpose: 'old',
      requestsPerSecond: 1,
      dailyQuota: 1,
      expiresAt: new Date('2029-06-01T00:00:00.000Z'),
    });
    const revoked = await admin.addGrant({ applicationId, targets: ['Query.service'], maxGrade: 'L1', purpose: 'gone', requestsPerSecond: 1, dailyQuota: 1 });
    const before = await reader.version();
    await admin.revokeGrant(revoked.id);
    expect(await reader.version()).not.toBe(before);

    const snapshot = await reader.load();
    const grants = snapshot.grantsByApplication.get(applicationId) ?? [];
    expect(grants.map((g) => g.id)).toEqual([grant.id]);
    expect(grants[0]).toEqual({
      id: grant.id,
      applicationId,
      allowedCoordinates: new Set(['Query.person', 'Person.name']),
      allowedSubgraphs: new Set(['licences']),
      maxGrade: 'L3',
      purpose: '不动产登记核验',
      expiresAt: undefined,
      requestsPerSecond: 20,
      dailyQuota: 5000,
      requireEndUser: true,
      unmask: new Set(['name', 'phone']),
    });
    expect(expired.id).not.toBe(grant.id);
    expect(snapshot.applicationsById.get(applicationId)).toEqual({
      id: applicationId,
      name: '不动产登记',
      departmentId,
      contact: 'ops@example.gov.cn',
      status: 'active',
    });
    expect(snapshot.subgraphs.map((s) => s.name)).toEqual(['users']);
    expect((await admin.listGrants(applicationId)).map((g) => g.id).sort()).toEqual([grant.id, expired.id, revoked.id].sort());
  });

  it('changes version() after an application status change, and shows the suspension in the snapshot', async () => {
    const reader = createPrismaRegistryReader(registry.prisma, { now: () => clock });
    const before = await reader.version();
    expect(await reader.version()).toBe(before);
    await admin.setApplicationStatus(applicationId, 'suspended');
    expect(await reader.version()).not.toBe(before);
    expect((await reader.load()).applicationsById.get(applicationId)?.status).toBe('suspended');
    await admin.setApplicationStatus(applicationId, 'active');
  });

  it('writes audit records in one batch, exactly as given', async () => {
    const sink = createPrismaAuditSink(registry.prisma);
    const records = Array.from({ length: 1203 }, (_, index) => ({
      at: new Date(Date.UTC(2030, 0, 1, 0, 0, 0, index)),
      kind: 'operation' as const,
      applicationId,
      userSubjectHash: sha256(`user-${index}`),
      operationName: 'PersonLicences',
      operationHash: sha256('query PersonLicences { person(id: "1") { name } }'),
      coordinates: [
        { coordinate: 'Query.person', grade: 'L1' as const },
        { coordinate: 'Person.name', grade: 'L3' as const },
      ],
      maxGrade: 'L3' as const,
      purpose: '核验',
      outcome: 'ok',
      durationMs: 12.6,
      subgraphs: ['users'],
      requestId: `req-${index}`,
    }));
    await sink.write(records);
    await sink.write([
      { ...records[0]!, kind: 'admin', actor: 'token-1', action: 'grants.add', requestId: 'admin-1', applicationId: undefined, coordinates: [] },
      // The same list in another array: stored once.
      { ...records[1]!, requestId: 'req-again', coordinates: records[1]!.coordinates.map((c) => ({ ...c })) },
    ]);
    expect(await registry.prisma.auditRecord.count()).toBe(1205);
    const row = await registry.prisma.auditRecord.findFirstOrThrow({ where: { requestId: 'req-7' } });
    expect(row).toMatchObject({
      at: new Date(Date.UTC(2030, 0, 1, 0, 0, 0, 7)),
      kind: 'operation',
      applicationId,
      userSubjectHash: sha256('user-7'),
      operationName: 'PersonLicences',
      maxGrade: 'L3',
      purpose: '核验',
      outcome: 'ok',
      durationMs: 13,
      requestId: 'req-7',
      actor: null,
      action: null,
    });
    const listJson = '[{"coordinate":"Query.person","grade":"L1"},{"coordinate":"Person.name","grade":"L3"}]';
    expect(row).toMatchObject({ coordinates: null, coordinateSetId: sha256(listJson) });
    expect(await registry.prisma.auditCoordinateSet.findMany({ orderBy: { id: 'asc' } })).toEqual(
      [
        { id: sha256(listJson), coordinates: listJson },
        { id: sha256('[]'), coordinates: '[]' },
      ].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    const again = await registry.prisma.auditRecord.findFirstOrThrow({ where: { requestId: 'req-again' } });
    expect(again.coordinateSetId).toBe(sha256(listJson));
    const [read] = await withAuditCoordinates(registry.prisma, [row]);
    expect(JSON.parse(read!.coordinates)).toEqual(records[7]!.coordinates);
    expect(JSON.parse(row.subgraphs)).toEqual(['users']);
    const adminRow = await registry.prisma.auditRecord.findFirstOrThrow({ where: { requestId: 'admin-1' } });
    expect(adminRow).toMatchObject({ kind: 'admin', actor: 'token-1', action: 'grants.add', applicationId: null });
  });

  it('reads the coordinates of records stored inline before coordinate sets, and names a record whose set is missing', async () => {
    const base = { at: new Date(Date.UTC(2030, 0, 2)), kind: 'operation', operationHash: sha256('q'), maxGrade: 'L1', outcome: 'ok', durationMs: 1, subgraphs: '[]' };
    const inline = await registry.prisma.auditRecord.create({
      data: { ...base, id: 'inline-1', requestId: 'inline-1', coordinates: '[{"coordinate":"Query.services","grade":"L1"}]' },
    });
    const orphan = await registry.prisma.auditRecord.create({ data: { ...base, id: 'orphan-1', requestId: 'orphan-1', coordinateSetId: 'missing' } });
    expect((await withAuditCoordinates(registry.prisma, [inline])).map((record) => record.coordinates)).toEqual([
      '[{"coordinate":"Query.services","grade":"L1"}]',
    ]);
    await expect(withAuditCoordinates(registry.prisma, [inline, orphan])).rejects.toThrow(
      'Audit record orphan-1 names coordinate set "missing", which is not stored.',
    );
  });

  it('adds usage counts per application and day, summing repeated increments', async () => {
    const usage = createPrismaUsageCounterStore(registry.prisma);
    await usage.add([
      { applicationId, day: '2030-01-01', requests: 3 },
      { applicationId, day: '2030-01-01', requests: 4 },
      { applicationId: 'other-app', day: '2030-01-02', requests: 1 },
    ]);
    await usage.add([{ applicationId, day: '2030-01-01', requests: 10 }, { applicationId, day: '2030-01-03', requests: 2 }]);
    expect(await usage.list()).toEqual([
      { applicationId, day: '2030-01-01', requests: 17 },
      { applicationId: 'other-app', day: '2030-01-02', requests: 1 },
      { applicationId, day: '2030-01-03', requests: 2 },
    ]);
    expect(await usage.list({ applicationId, fromDay: '2030-01-02' })).toEqual([{ applicationId, day: '2030-01-03', requests: 2 }]);
  });

  it('creates admin tokens stored as hashes, verifies them, and stops accepting a revoked one', async () => {
    const created = await admin.createAdminToken({ name: 'dept admin', role: 'department-admin', departmentId });
    expect(created.secret).toMatch(ADMIN_TOKEN_PATTERN);
    const row = await registry.prisma.adminToken.findUniqueOrThrow({ where: { id: created.record.id } });
    expect(row.hash).toBe(sha256(PEPPER + created.secret));
    expect(await admin.verifyAdminToken(created.secret)).toMatchObject({ id: created.record.id, role: 'department-admin', departmentId });
    // Change the last character to a different one (a random token ends in 'x' one time in 62).
    const tampered = `${created.secret.slice(0, -1)}${created.secret.endsWith('x') ? 'y' : 'x'}`;
    expect(await admin.verifyAdminToken(tampered)).toBeUndefined();
    await admin.revokeAdminToken(created.record.id);
    expect(await admin.verifyAdminToken(created.secret)).toBeUndefined();
    await expect(admin.createAdminToken({ name: 'x', role: 'department-admin' })).rejects.toMatchObject({ code: 'GW_REGISTRY_INVALID_INPUT' });
    await expect(admin.createAdminToken({ name: 'x', role: 'auditor', departmentId })).rejects.toMatchObject({ code: 'GW_REGISTRY_INVALID_INPUT' });
  });

  it('reads the same snapshot and version on the driver as through Prisma, with live expiries and rotation overlaps', async () => {
    const rotating = await admin.issueApiKey(applicationId);
    await admin.rotateApiKey(rotating.record.id, { overlapSeconds: 7200 });
    await admin.addGrant({
      applicationId,
      targets: ['Query.service', 'subgraph:licences'],
      maxGrade: 'L2',
      purpose: 'later',
      requestsPerSecond: 3,
      dailyQuota: 30,
      expiresAt: new Date('2031-02-03T04:05:06.789Z'),
      unmask: ['phone'],
    });
    const onDriver = createPrismaRegistryReader(registry.prisma, { now: () => clock });
    const throughPrisma = createPrismaRegistryReader(registry.prisma, { now: () => clock, useDriver: false });
    expect(registryDriverOf(registry.prisma)).toBeDefined();
    expect(await onDriver.version()).toBe(await throughPrisma.version());
    const [driverSnapshot, prismaSnapshot] = [await onDriver.load(), await throughPrisma.load()];
    expect(driverSnapshot).toEqual(prismaSnapshot);
    const later = (driverSnapshot.grantsByApplication.get(applicationId) ?? []).find((grant) => grant.purpose === 'later');
    expect(later?.expiresAt).toEqual(new Date('2031-02-03T04:05:06.789Z'));
    expect([...driverSnapshot.credentialsByHash.values()].some((credential) => credential.validUntil?.getTime() === clock.getTime() + 7_200_000)).toBe(true);
  });
});
