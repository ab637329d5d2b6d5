/**
 * A small method + path router for the REST simulators. Each route names its
 * operation (what the {@link CallCounter} counts); unknown paths are a JSON
 * 404 `NOT_FOUND` and known paths with the wrong method a JSON 405
 * `METHOD_NOT_ALLOWED`, both counted as `(unrouted)`.
 */
import { UNROUTED_OPERATION, type SimulatorRequest, type SimulatorRoute } from './start-http-simulator';
import { jsonError, type SimulatorResponse } from './simulator-response';

/** One endpoint. */
export interface RestRoute {
  readonly method: 'GET' | 'POST';
  /** Segments; `:name` captures one URL-decoded segment, e.g. `/api/v1/cases/:number/transitions`. */
  readonly pattern: string;
  /** Counted operation name, e.g. `getCase`. */
  readonly operation: string;
  handle(request: SimulatorRequest, params: Readonly<Record<string, string>>): SimulatorResponse | Promise<SimulatorResponse>;
}

/** Builds the `route` function of a REST simulator. Earlier routes win. */
export function createRestRouter(routes: readonly RestRoute[]): (request: SimulatorRequest) => SimulatorRoute {
  const compiled = routes.map((route) => ({ route, segments: route.pattern.split('/').filter(Boolean) }));
  return (request) => {
    const segments = request.url.pathname.split('/').filter(Boolean);
    const allowed = new Set<string>();
    for (const { route, segments: pattern } of compiled) {
      const params = matchSegments(pattern, segments);
      if (params === undefined) continue;
      if (route.method !== request.method) {
        allowed.add(route.method);
        continue;
      }
      if (params === 'undecodable') {
        return { operation: route.operation, handle: () => jsonError(400, 'INVALID_ARGUMENT', 'path segment is not valid percent-encoding') };
      }
      return { operation: route.operation, handle: () => route.handle(request, params) };
    }
    if (allowed.size > 0) {
      const allow = [...allowed].sort().join(', ');
      return {
        operation: UNROUTED_OPERATION,
        handle: () => jsonError(405, 'METHOD_NOT_ALLOWED', `${request.method} is not allowed on ${request.url.pathname}; allowed: ${allow}`, undefined, { allow }),
      };
    }
    return { operation: UNROUTED_OPERATION, handle: () => jsonError(404, 'NOT_FOUND', `no endpoint ${request.method} ${request.url.pathname}`) };
  };
}

function matchSegments(pattern: readonly string[], actual: readonly string[]): Record<string, string> | 'undecodable' | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  let undecodable = false;
  for (const [index, part] of pattern.entries()) {
    const segment = actual[index] ?? '';
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(segment);
      } catch {
        undecodable = true;
      }
    } else if (part !== segment) {
      return undefined;
    }
  }
  return undecodable ? 'undecodable' : params;
}
