import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGateway, type Gateway } from '../../app';
import { isGatewayError } from '../../errors';
import { LICENCES_SUBGRAPH, USERS_SUBGRAPH } from '../../__tests__/helpers/fixtures';
import { createMemoryLogger } from '../../__tests__/helpers/memory-logger';
import { startTestSubgraph, type TestSubgraph } from '../../__tests__/helpers/start-test-subgraph';
import { composeSupergraphFromSubgraphs } from '../compose-from-subgraphs';

const QUERY = '{ person(id: "p1") { name licences { number } } }';
const EXPECTED = { data: { person: { name: 'Zhang San', licences: [{ number: 'L1' }, { number: 'L2' }] } } };

async function query(gateway: Gateway): Promise<unknown> {
  const response = await gateway.yoga.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
  });
  return response.json();
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isGatewayError(error)) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('a supergraph composed ahead of time', () => {
  const logger = createMemoryLogger().logger;
  let users: TestSubgraph;
  let licences: TestSubgraph;
  let supergraphSdl: string;
  let directory: string;
  let sdlServer: Server;
  let sdlUrl: string;

  beforeAll(async () => {
    users = await startTestSubgraph({ name: 'users', ...USERS_SUBGRAPH });
    licences = await startTestSubgraph({ name: 'licences', ...LICENCES_SUBGRAPH });
    supergraphSdl = await composeSupergraphFromSubgraphs({
      subgraphs: [
        { name: 'users', url: users.url },
        { name: 'licences', url: licences.url },
      ],
      timeoutMs: 2000,
      logger,
    });
    directory = await mkdtemp(join(tmpdir(), 'govgraph-gateway-'));
    sdlServer = createServer((req, res) => {
      if (req.url === '/supergraph.graphql') res.writeHead(200, { 'content-type': 'text/plain' }).end(supergraphSdl);
      else res.writeHead(404).end('not found');
    });
    await new Promise<void>((resolve) => sdlServer.listen(0, '127.0.0.1', resolve));
    sdlUrl = `http://127.0.0.1:${(sdlServer.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await Promise.all([users?.stop(), licences?.stop()]);
    await new Promise<void>((resolve) => sdlServer.close(() => resolve()));
    await rm(directory, { recursive: true, force: true });
  });

  it('is loaded from a file and queried across both subgraphs', async () => {
    const path = join(directory, 'supergraph.graphql');
    await writeFile(path, supergraphSdl);
    const gateway = await createGateway({ supergraph: { kind: 'file', path } }, { logger });
    try {
      expect(gateway.subgraphs.map((s) => s.name).sort()).toEqual(['licences', 'users']);
      expect(await query(gateway)).toEqual(EXPECTED);
    } finally {
      await gateway.stop();
    }
  });

  it('is fetched from a URL and queried across both subgraphs', async () => {
    const gateway = await createGateway({ supergraph: { kind: 'url', url: `${sdlUrl}/supergraph.graphql` } }, { logger });
    try {
      expect(await query(gateway)).toEqual(EXPECTED);
    } finally {
      await gateway.stop();
    }
  });

  it('fails with GW_SUPERGRAPH_UNAVAILABLE naming a missing file', async () => {
    const path = join(directory, 'missing.graphql');

    const failure = await codeOf(createGateway({ supergraph: { kind: 'file', path } }, { logger }));

    expect(failure).toBe(`GW_SUPERGRAPH_UNAVAILABLE: The supergraph file ${path} cannot be read (ENOENT).`);
  });

  it('fails with GW_SUPERGRAPH_UNAVAILABLE when the URL answers 404', async () => {
    const failure = await codeOf(createGateway({ supergraph: { kind: 'url', url: `${sdlUrl}/nope.graphql` } }, { logger }));

    expect(failure).toBe(`GW_SUPERGRAPH_UNAVAILABLE: The supergraph at ${sdlUrl}/nope.graphql cannot be fetched: HTTP 404.`);
  });

  it('fails with GW_SUPERGRAPH_INVALID when the file holds a subgraph schema, not a supergraph', async () => {
    const path = join(directory, 'subgraph.graphql');
    await writeFile(path, 'type Query { hello: String }');

    const failure = await codeOf(createGateway({ supergraph: { kind: 'file', path } }, { logger }));

    expect(failure).toMatch(/^GW_SUPERGRAPH_INVALID: The supergraph cannot be loaded: /);
  });
});
