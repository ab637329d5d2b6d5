/**
 * `limits.maxRequestBytes` (use-request-body-limit.ts): the header decides for
 * node:http requests that carry `Content-Length`; chunked bodies and bodies
 * handed to `yoga.fetch` are counted as they arrive, so a `Content-Length`
 * that lies gains nothing there.
 */
import { request as httpRequest } from 'node:http';
import { createGateway, type Gateway, type ListeningGateway } from '../../app';
import { startTestSubgraph, type TestSubgraph } from '../../__tests__/helpers/start-test-subgraph';
import { createSilentLogger } from '../../logger';

const LIMIT = 4096;

/** POSTs `body` with `Transfer-Encoding: chunked` (no Content-Length), in chunks of 1 KB. */
function postChunked(url: string, body: string): Promise<{ status: number; json: { data?: unknown; errors?: { extensions?: { code?: string } }[] } }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    req.on('error', reject);
    for (let at = 0; at < body.length; at += 1024) req.write(body.slice(at, at + 1024));
    req.end();
  });
}

/** A valid request body of about `bytes` bytes: the query padded with a comment. */
const bodyOf = (bytes: number): string => {
  const head = JSON.stringify({ query: '{ greeting }' });
  return JSON.stringify({ query: `{ greeting }\n#${'x'.repeat(Math.max(0, bytes - head.length - 4))}` });
};

describe('limits.maxRequestBytes', () => {
  let subgraph: TestSubgraph;
  let gateway: Gateway;
  let server: ListeningGateway;
  /** The name of the request parser each request ended up with (yoga's `parsePOSTJsonRequest` unless it was wrapped to count bytes). */
  const parsers: string[] = [];

  beforeAll(async () => {
    subgraph = await startTestSubgraph({ name: 'hello', typeDefs: 'type Query { greeting: String }', resolvers: { Query: { greeting: () => '你好' } } });
    gateway = await createGateway(
      { supergraph: { kind: 'subgraphs', subgraphs: [{ name: 'hello', url: subgraph.url }] }, limits: { maxRequestBytes: LIMIT, maxDocumentBytes: LIMIT } },
      { logger: createSilentLogger(), plugins: [{ onRequestParse: ({ requestParser }) => void parsers.push(requestParser?.name || '(wrapped)') }] },
    );
    server = await gateway.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await gateway?.stop();
    await subgraph?.stop();
  });

  it('leaves the body of a node:http request with Content-Length as it is, and counts a chunked one', async () => {
    parsers.length = 0;
    const answer = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodyOf(500) });
    expect(await answer.json()).toEqual({ data: { greeting: '你好' } });
    await postChunked(server.url, bodyOf(500));
    expect(parsers).toEqual(['parsePOSTJsonRequest', '(wrapped)']);
  });

  it('answers a chunked body under the limit', async () => {
    const body = bodyOf(LIMIT - 200);
    expect(Buffer.byteLength(body)).toBeLessThan(LIMIT);
    await expect(postChunked(server.url, body)).resolves.toEqual({ status: 200, json: { data: { greeting: '你好' } } });
  });

  it('refuses a chunked body over the limit with 413 REQUEST_ENTITY_TOO_LARGE, counting the bytes as they arrive', async () => {
    const answer = await postChunked(server.url, bodyOf(LIMIT + 2048));
    expect(answer.status).toBe(413);
    expect(answer.json.errors?.map((error) => error.extensions?.code)).toEqual(['REQUEST_ENTITY_TOO_LARGE']);
  });

  it('refuses a body with Content-Length over the limit from the header alone', async () => {
    const body = bodyOf(LIMIT + 10);
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors.map((e) => e.extensions.code)).toEqual([
      'REQUEST_ENTITY_TOO_LARGE',
    ]);
  });

  it('counts the bytes of a body given to yoga.fetch, whatever its Content-Length says', async () => {
    const lying = new Request('http://gateway.local/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': '100' },
      body: bodyOf(LIMIT + 2048),
    });
    const response = await gateway.yoga.fetch(lying);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors.map((e) => e.extensions.code)).toEqual([
      'REQUEST_ENTITY_TOO_LARGE',
    ]);
    const honest = await gateway.yoga.fetch(
      new Request('http://gateway.local/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodyOf(1000) }),
    );
    expect(honest.status).toBe(200);
    expect(await honest.json()).toEqual({ data: { greeting: '你好' } });
  });

  it('refuses a Content-Length that is not one non-negative integer with 400 BAD_REQUEST', async () => {
    const response = await gateway.yoga.fetch(
      new Request('http://gateway.local/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '12, 12' }, body: bodyOf(100) }),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors.map((e) => e.extensions.code)).toEqual(['BAD_REQUEST']);
  });
});
