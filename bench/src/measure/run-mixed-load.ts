/**
 * A closed-loop load of `connections` clients, each sending a list of GraphQL
 * requests in turn for a fixed time (autocannon's `requests`), for workloads
 * of several operations such as the platform tour.
 */
import autocannon from 'autocannon';
import type { LoadResult } from './run-load';

/** One request of the mix. */
export interface MixedLoadRequest {
  readonly query: string;
  readonly variables?: Readonly<Record<string, unknown>>;
}

/** Options of {@link runMixedLoad}. */
export interface RunMixedLoadOptions {
  readonly url: string;
  /** Sent in this order by every connection, over and over. */
  readonly requests: readonly MixedLoadRequest[];
  readonly connections: number;
  readonly durationSeconds: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Runs the load and summarises it. */
export async function runMixedLoad(options: RunMixedLoadOptions): Promise<LoadResult> {
  const headers = { 'content-type': 'application/json', accept: 'application/json', ...options.headers };
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    headers,
    requests: options.requests.map((request) => ({
      method: 'POST',
      headers,
      body: JSON.stringify({ query: request.query, variables: request.variables }),
    })),
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 30,
  });
  const completed = result['2xx'];
  return {
    durationSeconds: result.duration,
    completed,
    requestsPerSecond: result.duration > 0 ? completed / result.duration : 0,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}
