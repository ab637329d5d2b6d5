/**
 * The platform's services (access control, subgraphs, gateway) started on
 * their own against legacy systems that run elsewhere, given only their
 * addresses as plain data (what a benchmark passes to another process): the
 * tour answers exactly as on the all-in-one platform, and stopping the
 * services leaves the legacy systems running.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { legacyEndpointsOf, startPlatformServices, TOUR, type LegacyEndpoints, type PlatformServices } from '@govgraph/example-platform';
import { startLegacySystems, type LegacySystems } from '@govgraph/legacy';
import { postGraphQL, TEST_NOW } from '../src';

const EXPECTED = JSON.parse(readFileSync(join(__dirname, '../../examples/platform/tour-expected.json'), 'utf8')) as Record<string, unknown>;

describe('startPlatformServices against legacy systems started elsewhere', () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'govgraph-services-test-'));
  const now = (): Date => new Date(TEST_NOW);
  let legacy: LegacySystems;
  let services: PlatformServices;

  beforeAll(async () => {
    legacy = await startLegacySystems({ dataDirectory: join(dataDirectory, 'legacy'), now });
    // Only the addresses cross over, as JSON: nothing of the legacy systems' objects is shared. The six tour
    // stops below use all six systems, so each address is checked by an exact answer.
    const endpoints = JSON.parse(JSON.stringify(legacyEndpointsOf(legacy))) as LegacyEndpoints;
    services = await startPlatformServices(endpoints, { dataDirectory: join(dataDirectory, 'platform'), now });
  });

  afterAll(async () => {
    await services?.close();
    await legacy?.close();
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  const readOnlyStops = TOUR.filter((stop) => !stop.expectErrors && !/^\s*mutation\b/.test(stop.query));

  it.each(readOnlyStops.map((stop) => [stop.title, stop] as const))('answers "%s" exactly as the all-in-one platform', async (title, stop) => {
    const apiKey = services.access.secrets?.sensitiveApiKey;
    expect(apiKey).toBeDefined();
    const { status, body } = await postGraphQL(services.graphqlUrl, stop.query, stop.variables as Record<string, unknown> | undefined, { 'x-api-key': apiKey! });
    expect(status).toBe(200);
    expect(body).toEqual(EXPECTED[title]);
  });

  it('stops the gateway and subgraphs but not the legacy systems', async () => {
    await services.close();
    await expect(fetch(services.graphqlUrl, { method: 'POST' })).rejects.toThrow();
    const wsdl = await fetch(`${legacy.population.url}?wsdl`);
    expect(wsdl.status).toBe(200);
    expect(await wsdl.text()).toContain('wsdl:definitions');
  });
});
