/**
 * Serves GET /readyz: 200 when every subgraph answers, 503 otherwise, with a
 * JSON body naming each subgraph's state (never its URL). Liveness (/healthz:
 * the process answers) is yoga's built-in health check.
 */
import type { Plugin } from 'graphql-yoga';
import type { GatewayContext } from '../plugins/types';
import type { ReadinessCheck } from './create-readiness-check';

/** Path of the readiness endpoint. */
export const READINESS_PATH = '/readyz';

/** Answers /readyz from `readiness`. */
export function useReadiness(readiness: ReadinessCheck): Plugin<GatewayContext> {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== READINESS_PATH || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      return readiness.check().then(
        (report) => {
          endResponse(
            new fetchAPI.Response(request.method === 'HEAD' ? null : JSON.stringify(report), {
              status: report.ready ? 200 : 503,
              headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
            }),
          );
        },
        () => {
          endResponse(new fetchAPI.Response(JSON.stringify({ ready: false }), { status: 503, headers: { 'content-type': 'application/json; charset=utf-8' } }));
        },
      );
    },
  };
}
