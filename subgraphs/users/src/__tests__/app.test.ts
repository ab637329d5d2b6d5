import { startLegalPersonRegistry, startPopulationRegistry, type SimulatorHandle } from '@govgraph/legacy';
import { createSilentLogger } from '@govgraph/sdk';
import { createUsersSubgraph, parseUsersSubgraphConfig } from '..';
import { enterprises, persons, wang } from './helpers/users-dataset';

let population: SimulatorHandle;
let legalPerson: SimulatorHandle;

beforeAll(async () => {
  population = await startPopulationRegistry({ dataset: { persons } });
  legalPerson = await startLegalPersonRegistry({ dataset: { enterprises } });
});
afterAll(() => Promise.all([population.close(), legalPerson.close()]));

describe('createUsersSubgraph', () => {
  it('listens on an ephemeral port, answers over HTTP and reports both registries ready', async () => {
    const config = parseUsersSubgraphConfig({ populationUrl: population.url, legalPersonUrl: legalPerson.url, port: 0, security: { mode: 'development' } });
    const running = await createUsersSubgraph(config, { logger: createSilentLogger() }).listen({ port: config.port, host: config.host });
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
      const response = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'users-app-test' },
        body: JSON.stringify({ query: `{ person(id: "${wang.id}") { idNumber name gender } }` }),
      });
      expect(response.headers.get('x-request-id')).toBe('users-app-test');
      expect(await response.json()).toEqual({ data: { person: { idNumber: wang.idNumber, name: wang.name, gender: 'MALE' } } });
      const ready = await fetch(running.url.replace('/graphql', '/readyz'));
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', sources: { population: { status: 'up' }, legalPerson: { status: 'up' } } });
    } finally {
      await running.close();
    }
  });

  it('fails to start with CONN_UPSTREAM_UNAVAILABLE when the population registry cannot be reached', async () => {
    population.faults.setFailure('error', { operations: ['wsdl'], times: 1 });
    const config = parseUsersSubgraphConfig({ populationUrl: population.url, legalPersonUrl: legalPerson.url, security: { mode: 'development' } });
    const subgraph = createUsersSubgraph(config, { logger: createSilentLogger() });
    try {
      await expect(subgraph.start()).rejects.toMatchObject({ code: 'CONN_UPSTREAM_UNAVAILABLE' });
    } finally {
      await subgraph.stop();
    }
  });
});
