import type { SubgraphCall, SubgraphResponse } from '../../../datasources/subgraph-data-source';
import type { GatewayContext, Principal } from '../../../plugins/types';
import { cloneJson } from '../clone-json';
import { createInflightDedupe } from '../inflight-dedupe';

/** A call of a request whose principal is `principal` (none: no access control). */
function callOf(principal?: Partial<Principal>): SubgraphCall {
  const context = { requestId: 'r', ...(principal ? { principal: { applicationId: 'app-a', applicationName: 'a', credential: 'api-key', ...principal } } : {}) };
  return { requestId: 'r', context: context as unknown as GatewayContext };
}

/** A `send` whose answer the test releases. */
function deferredSend(): { send: () => Promise<SubgraphResponse>; calls: () => number; resolve(response: SubgraphResponse): void; reject(error: unknown): void } {
  let calls = 0;
  let settle: { resolve(response: SubgraphResponse): void; reject(error: unknown): void } | undefined;
  const promise = new Promise<SubgraphResponse>((resolve, reject) => {
    settle = { resolve, reject };
  });
  return {
    send: () => {
      calls += 1;
      return promise;
    },
    calls: () => calls,
    resolve: (response) => settle?.resolve(response),
    reject: (error) => settle?.reject(error),
  };
}

const BODY = JSON.stringify({ query: '{ products { upc } }', variables: {} });

describe('createInflightDedupe', () => {
  it('sends one call for two identical calls of one identity in flight, each getting its own copy', async () => {
    const dedupe = createInflightDedupe();
    const http = deferredSend();
    const first = dedupe.send('products', BODY, callOf({ applicationId: 'app-a' }), http.send);
    const second = dedupe.send('products', BODY, callOf({ applicationId: 'app-a' }), http.send);
    expect(dedupe.inFlight).toBe(1);
    http.resolve({ data: { products: [{ upc: '1' }] } });
    const [a, b] = await Promise.all([first, second]);
    expect(http.calls()).toBe(1);
    expect(a).toEqual({ data: { products: [{ upc: '1' }] } });
    expect(b).toEqual(a);
    expect(b).not.toBe(a);
    expect(b.data?.['products']).not.toBe(a.data?.['products']);
    expect(dedupe.inFlight).toBe(0);
  });

  it('never merges calls of two identities: application, end user or purpose differ', async () => {
    for (const other of [{ applicationId: 'app-b' }, { userSubject: 'citizen-1' }, { purpose: 'statistics' }]) {
      const dedupe = createInflightDedupe();
      const http = deferredSend();
      const first = dedupe.send('products', BODY, callOf({}), http.send);
      const second = dedupe.send('products', BODY, callOf(other), http.send);
      expect(http.calls()).toBe(2);
      http.resolve({ data: {} });
      await Promise.all([first, second]);
    }
  });

  it('never merges two bodies, or two subgraphs', async () => {
    const dedupe = createInflightDedupe();
    const http = deferredSend();
    const calls = [
      dedupe.send('products', BODY, callOf(), http.send),
      dedupe.send('products', JSON.stringify({ query: '{ products { upc } }', variables: { first: 1 } }), callOf(), http.send),
      dedupe.send('reviews', BODY, callOf(), http.send),
    ];
    expect(http.calls()).toBe(3);
    http.resolve({ data: {} });
    await Promise.all(calls);
  });

  it('merges across identities only for subgraphs declared identity-independent', async () => {
    const dedupe = createInflightDedupe({ acrossIdentities: ['products'] });
    const products = deferredSend();
    const reviews = deferredSend();
    const calls = [
      dedupe.send('products', BODY, callOf({ applicationId: 'app-a' }), products.send),
      dedupe.send('products', BODY, callOf({ applicationId: 'app-b' }), products.send),
      dedupe.send('reviews', BODY, callOf({ applicationId: 'app-a' }), reviews.send),
      dedupe.send('reviews', BODY, callOf({ applicationId: 'app-b' }), reviews.send),
    ];
    expect(products.calls()).toBe(1);
    expect(reviews.calls()).toBe(2);
    products.resolve({ data: {} });
    reviews.resolve({ data: {} });
    await Promise.all(calls);
  });

  it('delivers errors and partial answers to every waiter, and a rejection too', async () => {
    const dedupe = createInflightDedupe();
    const http = deferredSend();
    const answers = [dedupe.send('products', BODY, callOf(), http.send), dedupe.send('products', BODY, callOf(), http.send)];
    const partial = { data: { products: null }, errors: [{ message: 'down', path: ['products'], extensions: { code: 'GW_SUBGRAPH_UNAVAILABLE' } }] };
    http.resolve(partial);
    expect(await Promise.all(answers)).toEqual([partial, partial]);

    const failing = deferredSend();
    const rejected = [dedupe.send('products', BODY, callOf(), failing.send), dedupe.send('products', BODY, callOf(), failing.send)];
    failing.reject(new Error('hook failed'));
    await expect(rejected[0]).rejects.toThrow('hook failed');
    await expect(rejected[1]).rejects.toThrow('hook failed');
    expect(failing.calls()).toBe(1);
  });

  it('makes a new call once the previous one has finished, and tells who joined', async () => {
    const joined: string[] = [];
    const dedupe = createInflightDedupe({ onJoin: (subgraph, call) => joined.push(`${subgraph}:${call.context?.principal?.applicationId ?? '-'}`) });
    const first = deferredSend();
    const answers = [dedupe.send('products', BODY, callOf({}), first.send), dedupe.send('products', BODY, callOf({}), first.send)];
    first.resolve({ data: {} });
    await Promise.all(answers);
    const second = deferredSend();
    const later = dedupe.send('products', BODY, callOf(), second.send);
    second.resolve({ data: {} });
    await later;
    expect(second.calls()).toBe(1);
    expect(joined).toEqual(['products:app-a']);
  });

  it('does not merge calls made outside a client request', async () => {
    const dedupe = createInflightDedupe();
    const http = deferredSend();
    const calls = [dedupe.send('products', BODY, {}, http.send), dedupe.send('products', BODY, {}, http.send)];
    expect(http.calls()).toBe(2);
    http.resolve({ data: {} });
    await Promise.all(calls);
  });
});

describe('cloneJson', () => {
  it('copies deeply and keeps __proto__ keys as own properties', () => {
    const parsed = JSON.parse('{"a":[{"b":1},null,"x"],"__proto__":{"polluted":true}}') as Record<string, unknown>;
    const copy = cloneJson(parsed);
    expect(copy).toEqual(parsed);
    expect(copy['a']).not.toBe(parsed['a']);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.hasOwn(copy, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
