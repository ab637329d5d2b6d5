import { findRequestAccess, noteSubgraphCalled, requestAccessOf } from '../request-access';

describe('request access state', () => {
  const request = (headers: Record<string, string> = {}): Request => new Request('http://gateway.test/graphql', { method: 'POST', headers });

  it('is created once per request and found again, never for a request no step has seen', () => {
    const seen = request();
    const state = requestAccessOf(seen);
    expect(requestAccessOf(seen)).toBe(state);
    expect(findRequestAccess(seen)).toBe(state);
    expect(findRequestAccess(request())).toBeUndefined();
    expect(findRequestAccess(undefined)).toBeUndefined();
  });

  it('reads the declared purpose, percent-decoded', () => {
    expect(requestAccessOf(request({ 'x-purpose': ' statistics ' })).purpose).toBe('statistics');
    expect(requestAccessOf(request({ 'x-purpose': '%E5%8A%9E%E4%BA%8B' })).purpose).toBe('办事');
    expect(requestAccessOf(request({ 'x-purpose': '100%' })).purpose).toBe('100%');
    expect(requestAccessOf(request()).purpose).toBeUndefined();
  });

  it('keeps the subgraphs called sorted and distinct, as a sort of the calls would', () => {
    const state = requestAccessOf(request());
    const calls = ['users', 'licences', 'users', 'cases', 'services', 'licences', 'cases', 'social-insurance', 'Users'];
    for (const subgraph of calls) noteSubgraphCalled(state, subgraph);
    expect(state.subgraphs).toEqual([...new Set(calls)].sort());
    expect(state.subgraphs).toEqual(['Users', 'cases', 'licences', 'services', 'social-insurance', 'users']);
  });

  it('stops changing the list once the audit record is written', () => {
    const state = requestAccessOf(request());
    noteSubgraphCalled(state, 'users');
    state.audited = true;
    noteSubgraphCalled(state, 'licences');
    expect(state.subgraphs).toEqual(['users']);
  });
});
