import { createHash } from 'node:crypto';
import { openRegistry, type Registry } from '../../registry/open-registry';
import { createRegistryAdmin, type RegistryAdmin } from '../../registry/registry-admin';
import { ADMIN_TOKEN_PATTERN } from '../../registry/secrets';
import { sqliteLocation, type TestRegistryLocation } from '../../registry/__tests__/helpers/test-registries';
import { ensureBootstrapAdminToken } from '../bootstrap';

const PEPPER = 'bootstrap-test-pepper-0123';
let place: TestRegistryLocation;
let registry: Registry;
let admin: RegistryAdmin;

beforeEach(async () => {
  place = sqliteLocation();
  registry = await openRegistry({ url: place.url });
  admin = createRegistryAdmin(registry.prisma, { pepper: PEPPER });
});
afterEach(async () => {
  await registry.close();
  await place.cleanup();
});

describe('ensureBootstrapAdminToken', () => {
  it('creates one platform-admin token on an empty registry, and none while a live one exists', async () => {
    const first = await ensureBootstrapAdminToken(admin, { registry });
    if (!first.created) throw new Error('expected a token');
    expect(first.token).toMatch(ADMIN_TOKEN_PATTERN);
    expect(first.record).toMatchObject({ name: 'bootstrap', role: 'platform-admin', departmentId: null, revokedAt: null });
    expect(await admin.verifyAdminToken(first.token)).toMatchObject({ id: first.record.id, role: 'platform-admin' });
    expect(await ensureBootstrapAdminToken(admin, { registry })).toEqual({ created: false });
    expect(await registry.prisma.adminToken.count()).toBe(1);

    await admin.revokeAdminToken(first.record.id);
    const recovered = await ensureBootstrapAdminToken(admin, { registry });
    expect(recovered.created).toBe(true);
    expect(await registry.prisma.adminToken.count({ where: { revokedAt: null } })).toBe(1);
  });

  it('stores a fixed token by hash once, refuses a malformed one, and never revives a revoked fixed token', async () => {
    const token = `gga_${'Q'.repeat(40)}`;
    await expect(ensureBootstrapAdminToken(admin, { registry, pepper: PEPPER, token: 'gga_short' })).rejects.toMatchObject({ code: 'GW_CONFIG_INVALID' });
    const created = await ensureBootstrapAdminToken(admin, { registry, pepper: PEPPER, token });
    expect(created).toMatchObject({ created: true, token, record: { role: 'platform-admin' } });
    const [row] = await registry.prisma.adminToken.findMany();
    expect(row!.hash).toBe(createHash('sha256').update(PEPPER + token).digest('hex'));
    expect(await admin.verifyAdminToken(token)).toBeDefined();
    expect(await ensureBootstrapAdminToken(admin, { registry, pepper: PEPPER, token })).toEqual({ created: false });
    await admin.revokeAdminToken(row!.id);
    expect(await ensureBootstrapAdminToken(admin, { registry, pepper: PEPPER, token })).toEqual({ created: false });
    expect(await admin.verifyAdminToken(token)).toBeUndefined();
  });
});
