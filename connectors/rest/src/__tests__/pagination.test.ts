import { createSilentLogger, UpstreamDataError } from '@govgraph/sdk';
import { parseRestSourceConfig, restSource, type RestSource } from '../index';
import { sendJson, startTestHttpServer, type TestHttpServer } from '@govgraph/sdk/testing';

interface Item {
  readonly id: number;
}

const ITEMS: Item[] = Array.from({ length: 53 }, (_, i) => ({ id: i + 1 }));
const slice = (from: number, count: number): Item[] => ITEMS.slice(from, from + count);

/** A legacy list of 53 items in all three paging styles. */
function legacyList(url: URL): unknown {
  const q = url.searchParams;
  switch (url.pathname) {
    case '/pages': {
      const size = Number(q.get('pageSize'));
      const page = Number(q.get('page'));
      return { code: 0, data: { records: slice((page - 1) * size, size), total: page === 1 ? 53 : undefined } };
    }
    case '/offsets':
      return { items: slice(Number(q.get('offset')), Number(q.get('limit'))), total: '53' };
    case '/cursors': {
      const from = q.has('cursor') ? Number(Buffer.from(q.get('cursor') ?? '', 'base64url').toString()) : 0;
      const size = Number(q.get('pageSize'));
      const next = from + size < ITEMS.length ? Buffer.from(String(from + size)).toString('base64url') : null;
      return { result: { items: slice(from, size) }, paging: { next } };
    }
    case '/endless':
      return { items: [{ id: 1 }], next: 'abc' }; // every answer points at the same next page
    case '/forever':
      return { items: [{ id: Number(q.get('page')) }] };
    case '/broken':
      return { items: { id: 1 } };
    default:
      return undefined;
  }
}

describe('restSource pagination', () => {
  let server: TestHttpServer;
  let source: RestSource;

  beforeAll(async () => {
    server = await startTestHttpServer((req, res) => {
      const body = legacyList(new URL(req.url ?? '/', 'http://x'));
      if (body === undefined) sendJson(res, 404, {});
      else sendJson(res, 200, body);
    });
    source = restSource(parseRestSourceConfig({ name: 'case-handling', baseUrl: `${server.url}` }));
    await source.start({ logger: createSilentLogger() });
  });
  afterAll(async () => {
    await source.stop();
    await server.close();
  });
  beforeEach(() => {
    server.requests.length = 0;
  });

  const urls = (): string[] => server.requests.map((r) => r.url);

  it('walks page numbers until total (sent on the first page only): 53 items in 6 calls', async () => {
    const items = await source.collect<Item>({ path: '/pages', query: { status: 'DONE' } }, { style: 'page', pageSize: 10, itemsPath: 'data.records', totalPath: 'data.total', maxItems: 1000 });
    expect(items).toEqual(ITEMS);
    expect(urls()).toEqual([1, 2, 3, 4, 5, 6].map((page) => `/pages?status=DONE&page=${page}&pageSize=10`));
  });

  it('walks offsets until total (a digit string): 53 items in 6 calls', async () => {
    const items = await source.collect<Item>({ path: '/offsets' }, { style: 'offset', limit: 10, itemsPath: 'items', totalPath: 'total', maxItems: 1000 });
    expect(items).toEqual(ITEMS);
    expect(urls()).toEqual([0, 10, 20, 30, 40, 50].map((offset) => `/offsets?offset=${offset}&limit=10`));
  });

  it('follows cursors until there is none: 53 items in 6 calls', async () => {
    const items = await source.collect<Item>(
      { path: '/cursors', operation: 'listCases' },
      { style: 'cursor', cursorParam: 'cursor', sizeParam: 'pageSize', pageSize: 10, itemsPath: 'result.items', nextCursorPath: 'paging.next', maxItems: 1000 },
    );
    expect(items).toEqual(ITEMS);
    expect(server.requests).toHaveLength(6);
    expect(urls()[0]).toBe('/cursors?pageSize=10');
    expect(urls()[1]).toBe(`/cursors?cursor=${Buffer.from('10').toString('base64url')}&pageSize=10`);
  });

  it('yields one page at a time, in order, and stops calling when the consumer stops', async () => {
    const pages: Item[][] = [];
    for await (const page of source.paginate<Item>({ path: '/offsets' }, { style: 'offset', limit: 10, itemsPath: 'items', totalPath: 'total' })) {
      pages.push(page);
      if (pages.length === 2) break;
    }
    expect(pages).toEqual([slice(0, 10), slice(10, 10)]);
    expect(server.requests).toHaveLength(2);
  });

  it('without a total, stops at the first empty page; with stopOnShortPage, at the short one', async () => {
    const options = { style: 'page', pageSize: 10, itemsPath: 'data.records', maxItems: 1000 } as const;
    await expect(source.collect<Item>({ path: '/pages' }, options)).resolves.toEqual(ITEMS);
    expect(server.requests).toHaveLength(7);
    server.requests.length = 0;
    await expect(source.collect<Item>({ path: '/pages' }, { ...options, stopOnShortPage: true })).resolves.toEqual(ITEMS);
    expect(server.requests).toHaveLength(6);
  });

  it('collect stops fetching at maxItems', async () => {
    const items = await source.collect<Item>({ path: '/offsets' }, { style: 'offset', limit: 10, itemsPath: 'items', maxItems: 25 });
    expect(items).toEqual(slice(0, 25));
    expect(server.requests).toHaveLength(3);
  });

  it('fails with UpstreamDataError past maxPages instead of following a list that never ends', async () => {
    const forever = source.collect<Item>({ path: '/forever' }, { style: 'page', pageSize: 1, itemsPath: 'items', maxPages: 4, maxItems: 1000 });
    const error = await forever.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamDataError);
    expect((error as UpstreamDataError).message).toBe('legacy system "case-handling" answered with more than 4 pages');
    expect((error as UpstreamDataError).details).toEqual({ source: 'case-handling' });
    expect(server.requests).toHaveLength(4);
  });

  it('a list of exactly maxPages pages is fine', async () => {
    const items = await source.collect<Item>({ path: '/offsets' }, { style: 'offset', limit: 10, itemsPath: 'items', totalPath: 'total', maxPages: 6, maxItems: 1000 });
    expect(items).toHaveLength(53);
  });

  it('detects an endless cursor loop (the same cursor twice) as UpstreamDataError', async () => {
    const pages = source.paginate<Item>({ path: '/endless' }, { style: 'cursor', pageSize: 10, itemsPath: 'items', nextCursorPath: 'next' });
    const seen: Item[][] = [];
    const error = await (async () => {
      for await (const page of pages) seen.push(page);
    })().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamDataError);
    expect((error as UpstreamDataError).message).toBe('legacy system "case-handling" answered with the same page cursor twice');
    expect(seen).toHaveLength(2);
    expect(urls()).toEqual(['/endless?pageSize=10', '/endless?cursor=abc&pageSize=10']);
  });

  it('fails with UpstreamDataError for a page whose items are not an array, or an item the schema refuses', async () => {
    await expect(source.collect({ path: '/broken' }, { style: 'page', pageSize: 10, itemsPath: 'items', maxItems: 10 })).rejects.toThrow(
      'legacy system "case-handling" answered with a page without an item list',
    );
    const schema = {
      parse(value: unknown): Item {
        if ((value as Item).id > 12) throw new Error('id too large');
        return value as Item;
      },
    };
    const error = await source
      .collect({ path: '/offsets', itemSchema: schema }, { style: 'offset', limit: 10, itemsPath: 'items', maxItems: 100 })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamDataError);
    expect((error as UpstreamDataError).message).toBe('legacy system "case-handling" answered with an item of an unexpected shape');
  });

  it('refuses paging parameters in the query and invalid options before any call', async () => {
    await expect(source.collect({ path: '/pages', query: { page: 2 } }, { style: 'page', pageSize: 10, itemsPath: 'x', maxItems: 10 })).rejects.toThrow(
      'query parameter "page" is set by pagination',
    );
    await expect(source.collect({ path: '/pages' }, { style: 'page', pageSize: 0, itemsPath: 'x', maxItems: 10 })).rejects.toThrow('pageSize must be an integer ≥ 1, got 0');
    await expect(source.collect({ path: '/pages' }, { style: 'page', pageSize: 10, itemsPath: 'x', maxItems: 0 })).rejects.toThrow('collect needs maxItems');
    expect(server.requests).toHaveLength(0);
  });
});
