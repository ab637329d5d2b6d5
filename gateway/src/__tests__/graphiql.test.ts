import { createGateway, type Gateway, type ListeningGateway } from '../app';
import { USERS_SUBGRAPH } from './helpers/fixtures';
import { createMemoryLogger } from './helpers/memory-logger';
import { startTestSubgraph, type TestSubgraph } from './helpers/start-test-subgraph';

/**
 * Every way an HTML page can make the browser fetch something: script and
 * link sources, CSS url() and @import, JS dynamic imports, workers, fetches.
 */
function externalAssetReferences(html: string, gatewayOrigin: string): string[] {
  const patterns = [
    /<script[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/gi,
    /<link[^>]*\bhref\s*=\s*["']?([^"'\s>]+)/gi,
    /<img[^>]*\bsrc\s*=\s*["']?([^"'\s>]+)/gi,
    /url\(\s*["']?([^"')\s]+)/gi,
    /@import\s+(?:url\()?\s*["']([^"']+)/gi,
    /\bimport\(\s*["'`]([^"'`]+)/g,
    /\bimportScripts\(\s*["'`]([^"'`]+)/g,
    /new\s+(?:Shared)?Worker\(\s*["'`]([^"'`]+)/g,
    /\bfetch\(\s*["'`](https?:[^"'`]+)/g,
    /\.(?:src|href)\s*=\s*["'`](https?:[^"'`]+)/g,
  ];
  const references = patterns.flatMap((pattern) => [...html.matchAll(pattern)].map((match) => match[1] ?? ''));
  return references.filter((reference) => {
    if (/^(data|blob):/i.test(reference) || reference.startsWith('#')) return false;
    if (/^(https?:)?\/\//i.test(reference)) return !reference.startsWith(gatewayOrigin);
    return false; // relative: served by the gateway itself
  });
}

const KNOWN_CDNS = /unpkg\.com|jsdelivr\.net|cdnjs\.cloudflare\.com|esm\.sh|fonts\.googleapis\.com|fonts\.gstatic\.com|cdn\.skypack\.dev/i;

describe('GraphiQL', () => {
  let users: TestSubgraph;
  let gateway: Gateway;
  let server: ListeningGateway;

  beforeAll(async () => {
    users = await startTestSubgraph({ name: 'users', ...USERS_SUBGRAPH });
    gateway = await createGateway(
      { supergraph: { kind: 'subgraphs', subgraphs: [{ name: 'users', url: users.url }] } },
      { logger: createMemoryLogger().logger },
    );
    server = await gateway.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(async () => {
    await gateway?.stop();
    await users?.stop();
  });

  it('is served on GET /graphql with every asset inlined: no script, style or font from off the gateway', async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('renderYogaGraphiQL');
    expect(html).toContain('govgraph GraphiQL');
    expect(externalAssetReferences(html, server.url)).toEqual([]);
    expect(html).not.toMatch(KNOWN_CDNS);
  });

  it('the asset check does find a CDN reference when there is one', () => {
    const page = '<html><head><link rel="stylesheet" href="https://unpkg.com/graphiql/graphiql.css"></head></html>';

    expect(externalAssetReferences(page, server.url)).toEqual(['https://unpkg.com/graphiql/graphiql.css']);
    expect(externalAssetReferences('<style>@font-face{src:url(https://fonts.gstatic.com/x.woff2)}</style>', server.url)).toEqual([
      'https://fonts.gstatic.com/x.woff2',
    ]);
  });
});

describe('GraphiQL switched off', () => {
  it('is not served when graphiql is false', async () => {
    const users = await startTestSubgraph({ name: 'users', ...USERS_SUBGRAPH });
    const gateway = await createGateway(
      { supergraph: { kind: 'subgraphs', subgraphs: [{ name: 'users', url: users.url }] }, graphiql: false },
      { logger: createMemoryLogger().logger },
    );
    try {
      const response = await gateway.yoga.fetch('http://gateway.test/graphql', { headers: { accept: 'text/html' } });
      const body = await response.text();

      expect(body).not.toContain('renderYogaGraphiQL');
      expect(response.headers.get('content-type') ?? '').not.toContain('text/html');
    } finally {
      await gateway.stop();
      await users.stop();
    }
  });
});
