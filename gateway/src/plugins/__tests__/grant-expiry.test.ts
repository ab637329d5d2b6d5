import type { ListeningGateway } from '../../app';
import { postGraphQL } from '../../__tests__/helpers/post-graphql';
import { createMemoryRegistryReader } from '../../stores/memory/memory-registry-reader';
import { accessRecords, KEYS } from './helpers/access-fixtures';
import { startEnforcingGateway, type EnforcingGateway } from './helpers/start-enforcing-gateway';

/** Grant verdicts are reused per (operation, grants) while the snapshot stays the same: an expiry must still bite. */
describe('a grant expiring on a running gateway, registry unchanged', () => {
  const start = Date.UTC(2031, 0, 1, 8, 0, 0);
  let clock = start;
  let started: EnforcingGateway;
  let server: ListeningGateway;

  beforeAll(async () => {
    const records = accessRecords();
    const grants = records.grants.map((grant) => (grant.id === 'g-basic' ? { ...grant, expiresAt: new Date(start + 60_000) } : grant));
    started = await startEnforcingGateway({ registry: createMemoryRegistryReader({ ...records, grants }), now: () => clock });
    ({ server } = started);
  });
  afterAll(async () => {
    await started?.stop();
  });

  it('serves the operation before the expiry and refuses the same operation after it', async () => {
    const post = () => postGraphQL(server.url, '{ person(id: "p1") { id name } }', { headers: { 'x-api-key': KEYS.basic } });
    expect(await post()).toMatchObject({ status: 200, body: { data: { person: { id: 'p1' } } } });
    expect((await post()).status).toBe(200);
    clock = start + 60_001;
    const after = await post();
    expect(after.status).toBe(403);
    expect(after.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect((after.body.errors?.[0]?.extensions?.['denied'] as { coordinate: string }[]).map((d) => d.coordinate).sort()).toEqual([
      'Person.id',
      'Person.name',
      'Query.person',
    ]);
    expect((await post()).status).toBe(403);
  });
});
