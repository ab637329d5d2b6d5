import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closedPortUrl } from '../../__tests__/helpers/closed-port-url';
import { createMemoryLogger } from '../../__tests__/helpers/memory-logger';
import { createSubgraphDataSource, type SubgraphDataSource } from '../subgraph-data-source';

interface Received {
  headers: IncomingMessage['headers'];
  body: unknown;
}

/** A raw HTTP server standing in for a subgraph, answering with `respond`. */
async function startRawSubgraph(respond: (req: IncomingMessage, res: ServerResponse, body: unknown) => void) {
  const received: Received[] = [];
  let connections = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
      received.push({ headers: req.headers, body });
      respond(req, res, body);
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    received,
    connections: () => connections,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};

describe('subgraph data source', () => {
  const memory = createMemoryLogger();
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(stops.splice(0).map((stop) => stop()));
  });

  function dataSource(url: string, extra: Partial<Parameters<typeof createSubgraphDataSource>[0]> = {}): SubgraphDataSource {
    const source = createSubgraphDataSource({ name: 'licences', url, timeoutMs: 1000, logger: memory.logger, ...extra });
    stops.unshift(() => source.close());
    return source;
  }

  async function raw(respond: Parameters<typeof startRawSubgraph>[0]) {
    const subgraph = await startRawSubgraph(respond);
    stops.push(subgraph.stop);
    return subgraph;
  }

  it('posts the GraphQL request as JSON with the request id, and returns the answer', async () => {
    const subgraph = await raw((_req, res) => json(res, 200, { data: { licence: { number: 'L1' } } }));

    const response = await dataSource(subgraph.url).send(
      { query: 'query Q($n: ID!) { licence(number: $n) { number } }', variables: { n: 'L1' }, operationName: 'Q' },
      { requestId: 'req-7' },
    );

    expect(response).toEqual({ data: { licence: { number: 'L1' } } });
    expect(subgraph.received).toHaveLength(1);
    expect(subgraph.received[0]?.headers['x-request-id']).toBe('req-7');
    expect(subgraph.received[0]?.headers['content-type']).toBe('application/json');
    expect(subgraph.received[0]?.body).toEqual({
      query: 'query Q($n: ID!) { licence(number: $n) { number } }',
      variables: { n: 'L1' },
      operationName: 'Q',
    });
  });

  it('keeps connections alive across calls', async () => {
    const subgraph = await raw((_req, res) => json(res, 200, { data: { __typename: 'Query' } }));
    const source = dataSource(subgraph.url);

    for (let i = 0; i < 20; i++) await source.send({ query: '{ __typename }' });

    expect(subgraph.received).toHaveLength(20);
    // undici's Pool may open a second connection while the first is being released; never one per call.
    expect(subgraph.connections()).toBeLessThanOrEqual(2);
  });

  it('runs willSendRequest before each call, letting it add headers', async () => {
    const subgraph = await raw((_req, res) => json(res, 200, { data: {} }));
    const seen: string[] = [];
    const source = dataSource(subgraph.url, {
      willSendRequest: async ({ subgraph: name, headers, call }) => {
        seen.push(`${name}:${call.requestId}`);
        headers['x-govgraph-context'] = 'signed-token';
      },
    });

    await source.send({ query: '{ __typename }' }, { requestId: 'r1' });

    expect(seen).toEqual(['licences:r1']);
    expect(subgraph.received[0]?.headers['x-govgraph-context']).toBe('signed-token');
  });

  it('passes a GraphQL body through whatever the status, dropping extensions.http', async () => {
    const subgraph = await raw((_req, res) =>
      json(res, 502, {
        data: { licence: null },
        errors: [{ message: 'Licence library down', path: ['licence'], extensions: { code: 'CONN_UPSTREAM_UNAVAILABLE', http: { status: 502 } } }],
      }),
    );

    const response = await dataSource(subgraph.url).send({ query: '{ licence(number: "L1") { number } }' });

    expect(response).toEqual({
      data: { licence: null },
      errors: [{ message: 'Licence library down', path: ['licence'], extensions: { code: 'CONN_UPSTREAM_UNAVAILABLE' } }],
    });
  });

  it('reports a refused connection as GW_SUBGRAPH_UNAVAILABLE naming the subgraph, and logs the URL', async () => {
    const url = await closedPortUrl();
    const { logger } = createMemoryLogger();
    const requestLog = createMemoryLogger();

    const response = await dataSource(url, { logger }).send({ query: '{ __typename }' }, { requestId: 'r-down', logger: requestLog.logger.child({ requestId: 'r-down' }) });

    expect(response).toEqual({
      errors: [{ message: 'Subgraph "licences" is unavailable.', extensions: { code: 'GW_SUBGRAPH_UNAVAILABLE' } }],
    });
    const line = requestLog.lines().find((l) => l['msg'] === 'subgraph call failed: Subgraph "licences" is unavailable.');
    expect(line).toMatchObject({ level: 'warn', requestId: 'r-down', subgraph: 'licences', url, code: 'GW_SUBGRAPH_UNAVAILABLE' });
  });

  it('gives up after timeoutMs with GW_SUBGRAPH_TIMEOUT', async () => {
    const subgraph = await raw(() => undefined);
    const started = performance.now();

    const response = await dataSource(subgraph.url, { timeoutMs: 150 }).send({ query: '{ __typename }' });

    const elapsed = performance.now() - started;
    expect(response).toEqual({
      errors: [{ message: 'Subgraph "licences" did not answer within 150 ms.', extensions: { code: 'GW_SUBGRAPH_TIMEOUT' } }],
    });
    expect(elapsed).toBeGreaterThanOrEqual(140);
    expect(elapsed).toBeLessThan(1000);
  });

  it('reports a non-GraphQL 5xx (a proxy error page) as GW_SUBGRAPH_UNAVAILABLE with the status', async () => {
    const subgraph = await raw((_req, res) => res.writeHead(503, { 'content-type': 'text/html' }).end('<h1>nginx: 503 at 10.1.2.3</h1>'));

    const response = await dataSource(subgraph.url).send({ query: '{ __typename }' });

    expect(response).toEqual({
      errors: [{ message: 'Subgraph "licences" is unavailable (HTTP 503).', extensions: { code: 'GW_SUBGRAPH_UNAVAILABLE' } }],
    });
  });

  it('reports a 2xx that is not a GraphQL response as GW_SUBGRAPH_INVALID_RESPONSE', async () => {
    const subgraphHtml = await raw((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>'));
    const subgraphJson = await raw((_req, res) => json(res, 200, [1, 2, 3]));

    const html = await dataSource(subgraphHtml.url).send({ query: '{ __typename }' });
    const array = await dataSource(subgraphJson.url).send({ query: '{ __typename }' });

    for (const response of [html, array]) {
      expect(response).toEqual({
        errors: [
          { message: 'Subgraph "licences" answered with an invalid response (HTTP 200).', extensions: { code: 'GW_SUBGRAPH_INVALID_RESPONSE' } },
        ],
      });
    }
  });

  it('probes with { __typename } and reports the problem without the URL', async () => {
    const healthy = await raw((_req, res) => json(res, 200, { data: { __typename: 'Query' } }));
    const failing = await raw((_req, res) => json(res, 500, { errors: [{ message: 'boom' }] }));

    const ok = await dataSource(healthy.url).probe(500);
    const bad = await dataSource(failing.url).probe(500);
    const down = await dataSource(await closedPortUrl()).probe(500);

    expect(ok).toMatchObject({ ok: true });
    expect(healthy.received[0]?.body).toEqual({ query: '{ __typename }' });
    expect(bad).toMatchObject({ ok: false, problem: 'HTTP 500' });
    expect(down).toMatchObject({ ok: false, problem: 'unreachable' });
  });
});
