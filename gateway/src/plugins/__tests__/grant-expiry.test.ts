import { createGateway, type Gateway, type ListeningGateway } from '../../app';
import { postGraphQL } from '../../__tests__/helpers/post-graphql';
import { startTestSubgraph, type TestSubgraph } from '../../__tests__/helpers/start-test-subgraph';
import { createSilentLogger } from '../../logger';
import { createMemoryAuditSink } from '../../stores/memory/memory-audit-sink';
import { createMemoryRegistryReader } from '../../stores/memory/memory-registry-reader';
import { accessRecords, KEYS, PEPPER, USERS } from './helpers/access-fixtures';

/** Grant verdicts are reused per (operation, grants) while the snapshot stays the same: an expiry must still bite. */
describe('a grant expiring on a running gateway, registry unchanged', () => {
  const start = Date.UTC(2031, 0, 1, 8, 0, 0);
  let clock = start;
  let users: TestSubgraph;
  let gateway: Gateway;
  let server: ListeningGateway;

  beforeAll(async () => {
    const records = accessRecords();
    const grants = records.grants.map((grant) => (grant.id === 'g-basic' ? { ...grant, expiresAt: new Date(start + 60_000) } : grant));
    users = await startTestSubgraph({ name: 'users', ...USERS });
    gateway = await createGateway(
      { supergraph: { kind: 'subgraphs', subgraphs: [{ name: 'users', url: users.url }] } },
      {
        logger: createSilentLogger(),
        accessControl: {
          mode: 'enforce',
          registry: createMemoryRegistryReader({ ...records, grants }),
          auditSink: createMemoryAuditSink(),
          pepper: PEPPER,
          now: () => clock,
        },
      },
    );
    server = await gateway.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await gateway?.stop();
    await users?.stop();
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
