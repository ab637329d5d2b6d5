/**
 * Puts request-level credentials on a prepared call: headers merged, query
 * parameters appended to the already-encoded path and query. A call that
 * sets the credential's header or parameter itself is a programming mistake
 * (which one should win?), so it fails before anything is sent.
 */
import type { PreparedRequest } from '../client';
import type { AuthCredentials } from './authenticator';

/** @internal The call with `credentials` added. */
export function applyCredentials(source: string, request: PreparedRequest, credentials: AuthCredentials): PreparedRequest {
  const names = Object.keys(credentials.headers);
  const queryNames = Object.keys(credentials.query);
  if (names.length === 0 && queryNames.length === 0) return request;
  for (const name of names) {
    if (Object.hasOwn(request.headers, name)) throw new Error(`rest source "${source}": header "${name}" is set by the source's auth; do not set it per call`);
  }
  const queryStart = request.pathAndQuery.indexOf('?');
  const existing = new URLSearchParams(queryStart === -1 ? '' : request.pathAndQuery.slice(queryStart + 1));
  for (const name of queryNames) {
    if (existing.has(name)) throw new Error(`rest source "${source}": query parameter "${name}" is set by the source's auth; do not set it per call`);
  }
  return {
    ...request,
    headers: { ...request.headers, ...credentials.headers },
    pathAndQuery: appendQuery(request.pathAndQuery, credentials.query),
  };
}

/** @internal `pathAndQuery` with `query` appended, each part percent-encoded. */
export function appendQuery(pathAndQuery: string, query: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(query).map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  if (pairs.length === 0) return pathAndQuery;
  return `${pathAndQuery}${pathAndQuery.includes('?') ? '&' : '?'}${pairs.join('&')}`;
}
