/**
 * Per-request GraphQL metrics of a subgraph, in its Prometheus registry:
 * `govgraph_subgraph_requests_total{outcome}` and
 * `govgraph_subgraph_request_duration_seconds{outcome}`, where `outcome` is
 * `success` (no errors), `partial` (data and errors: a legacy system failed
 * one field) or `error` (no data: invalid request, or a failed non-null root).
 */
import type { Plugin } from 'graphql-yoga';
import { Counter, Histogram, type Registry } from 'prom-client';

/** What a GraphQL request ended as. */
export type RequestOutcome = 'success' | 'partial' | 'error';

/** @internal Records each GraphQL request's outcome and duration into `registry`. */
export function useRequestMetrics(registry: Registry): Plugin {
  const requests = new Counter({
    name: 'govgraph_subgraph_requests_total',
    help: 'GraphQL requests served by the subgraph, by outcome (success, partial, error).',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'govgraph_subgraph_request_duration_seconds',
    help: 'Duration of GraphQL requests served by the subgraph, by outcome.',
    labelNames: ['outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const startedAt = new WeakMap<Request, number>();

  return {
    onRequest({ request }) {
      startedAt.set(request, performance.now());
    },
    onResultProcess({ request, result }) {
      const started = startedAt.get(request);
      if (started === undefined) return;
      startedAt.delete(request);
      const outcome = outcomeOf(result);
      requests.inc({ outcome });
      duration.observe({ outcome }, (performance.now() - started) / 1000);
    },
  };
}

function outcomeOf(result: unknown): RequestOutcome {
  const results = Array.isArray(result) ? result : [result];
  let outcome: RequestOutcome = 'success';
  for (const one of results) {
    if (typeof one !== 'object' || one === null || Symbol.asyncIterator in one) continue;
    const { errors, data } = one as { errors?: readonly unknown[]; data?: unknown };
    if (!errors?.length) continue;
    if (data === null || data === undefined) return 'error';
    outcome = 'partial';
  }
  return outcome;
}
