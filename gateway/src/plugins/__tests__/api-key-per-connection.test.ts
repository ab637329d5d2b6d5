import { Agent, request as httpRequest } from 'node:http';
import { createMemoryRegistryReader } from '../../stores/memory/memory-registry-reader';
import { accessRecords, KEYS, PEPPER } from './helpers/access-fixtures';
import { startEnforcingGateway, type EnforcingGateway } from './helpers/start-enforcing-gateway';

// Counts the keyed hashes computed, with the real function behind.
const hashed: string[] = [];
jest.mock('../../registry/secrets', () => {
  const actual = jest.requireActual<typeof import('../../registry/secrets')>('../../registry/secrets');
  return {
    ...actual,
    hashSecret: (pepper: string, secret: string): string => {
      hashed.push(secret);
      return actual.hashSecret(pepper, secret);
    },
  };
});

describe('API keys on a keep-alive connection', () => {
  let enforcing: EnforcingGateway;
  const reader = createMemoryRegistryReader(accessRecords());
  // One socket, kept alive: every request below goes over the same connection unless a test opens another agent.
  const agents: Agent[] = [];
  const connection = (): Agent => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    agents.push(agent);
    return agent;
  };

  /** POSTs `{ person(id: "p1") { id } }` with `apiKey` over `agent`: status and the local port of the socket used. */
  const post = (agent: Agent, apiKey: string): Promise<{ status: number; localPort: number | undefined; body: string }> =>
    new Promise((resolve, reject) => {
      const url = new URL(`${enforcing.server.url}/graphql`);
      const req = httpRequest(
        { agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', 'x-api-key': apiKey } },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, localPort: req.socket?.localPort, body }));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ query: '{ person(id: "p1") { id } }' }));
    });

  beforeAll(async () => {
    enforcing = await startEnforcingGateway({ registry: reader, registryPollMs: 50 });
  });

  afterAll(async () => {
    for (const agent of agents) agent.destroy();
    await enforcing?.stop();
  });

  beforeEach(() => {
    hashed.length = 0;
  });

  it('hashes the key once per connection, and again when the connection sends another key', async () => {
    const agent = connection();
    const first = await post(agent, KEYS.basic);
    const second = await post(agent, KEYS.basic);
    const third = await post(agent, KEYS.basic);
    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    expect(new Set([first.localPort, second.localPort, third.localPort]).size).toBe(1);
    expect(hashed).toEqual([KEYS.basic]);

    // Another key on the same connection is hashed and identifies its own application; going back hashes again.
    const other = await post(agent, KEYS.none);
    expect(other.status).toBe(403);
    expect(await post(agent, 'gg_nobodynobodynobodynobodynobody')).toMatchObject({ status: 401 });
    expect((await post(agent, KEYS.basic)).status).toBe(200);
    expect(hashed).toEqual([KEYS.basic, KEYS.none, 'gg_nobodynobodynobodynobodynobody', KEYS.basic]);

    // A second connection hashes for itself.
    expect((await post(connection(), KEYS.basic)).status).toBe(200);
    expect(hashed).toEqual([KEYS.basic, KEYS.none, 'gg_nobodynobodynobodynobodynobody', KEYS.basic, KEYS.basic]);
  });

  it('refuses a key revoked while its connection stays open', async () => {
    const records = accessRecords(); // hashes every fixture key: before the count starts
    hashed.length = 0;
    const agent = connection();
    const before = await post(agent, KEYS.unmask);
    expect(before.status).toBe(200);
    reader.replace({
      ...records,
      credentials: records.credentials.map((c) => (c.applicationId === 'app-unmask' ? { ...c, revokedAt: new Date() } : c)),
    });
    await enforcing.gateway.accessControl?.registry?.refresh();
    const after = await post(agent, KEYS.unmask);
    expect(after.localPort).toBe(before.localPort);
    expect(after.status).toBe(401);
    expect(JSON.parse(after.body)).toMatchObject({ errors: [{ message: 'Unknown or revoked API key.', extensions: { code: 'UNAUTHENTICATED' } }] });
    // The refusal came from the snapshot, not from a new hash.
    expect(hashed).toEqual([KEYS.unmask]);
  });
});
