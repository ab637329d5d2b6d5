/**
 * A closed-loop load of `connections` clients sending the benchmark query for
 * a fixed time (autocannon, in the runner's process).
 */
import autocannon from 'autocannon';

/** Options of {@link runLoad}. */
export interface RunLoadOptions {
  readonly url: string;
  readonly query: string;
  /** @default 50, as the published benchmark's constant-users scenario */
  readonly connections?: number;
  readonly durationSeconds: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/** What one load window did. */
export interface LoadResult {
  /** Seconds the window lasted. */
  readonly durationSeconds: number;
  /** Requests answered with a 2xx status. */
  readonly completed: number;
  readonly requestsPerSecond: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  /** Non-2xx answers, connection errors and timeouts. */
  readonly failed: number;
}

/** Runs the load and summarises it. */
export async function runLoad(options: RunLoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
    body: JSON.stringify({ query: options.query }),
    connections: options.connections ?? 50,
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
