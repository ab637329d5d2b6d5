/**
 * One structured log line per HTTP request (method, path, status, duration),
 * carrying the request id through the request's bound logger. Health and
 * readiness probes, which orchestrators send every few seconds, are logged at
 * debug so they do not drown the rest.
 */
import type { Plugin } from 'graphql-yoga';
import type { RequestScopeStore } from './request-scope';
import type { GatewayContext } from './types';

/** Options of {@link useAccessLog}. */
export interface AccessLogOptions {
  /** The store `useRequestId` fills. */
  scopes: RequestScopeStore;
  /** Paths logged at debug instead of info. @default ['/healthz', '/readyz'] */
  quietPaths?: readonly string[];
}

/** Logs each response once it is ready. */
export function useAccessLog(options: AccessLogOptions): Plugin<GatewayContext> {
  const quiet = new Set(options.quietPaths ?? ['/healthz', '/readyz']);
  return {
    onResponse({ request, response }) {
      const scope = options.scopes.current();
      if (!scope) return;
      const path = pathOf(request.url);
      const line = {
        method: request.method,
        path,
        status: response.status,
        durationMs: Math.round((performance.now() - scope.startedAt) * 10) / 10,
      };
      if (quiet.has(path)) scope.logger.debug(line, 'request');
      else scope.logger.info(line, 'request');
    },
  };
}

function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return '/';
  const end = url.indexOf('?', start);
  return end < 0 ? url.slice(start) : url.slice(start, end);
}
