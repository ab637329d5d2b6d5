/**
 * One measured window of one gateway: warm-up load, then the fixed window,
 * with the gateway child's CPU time and the subgraphs' request counts read
 * just before and just after it.
 */
import { runLoad, type LoadResult } from './run-load';
import type { RunningChild } from './spawn-child';

/** Options of {@link measureWindow}. */
export interface MeasureWindowOptions {
  readonly gateway: RunningChild;
  readonly gatewayUrl: string;
  readonly subgraphs: RunningChild;
  readonly query: string;
  readonly connections: number;
  readonly warmupSeconds: number;
  readonly durationSeconds: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/** What one window measured. */
export interface WindowMeasurement extends LoadResult {
  /** Gateway CPU time (user + system) in the window divided by completed requests. */
  readonly cpuMsPerRequest: number;
  /** The gateway process's peak resident set (kernel `maxRSS`) at the end of the window, bytes. */
  readonly peakRssBytes: number;
  /** Subgraph requests in the window divided by completed requests. */
  readonly subgraphFetchesPerRequest: number;
  /**
   * Share of one core the load side (the runner with autocannon, and the
   * subgraphs child) used in the window. Near 1 (100%) with pinning means
   * the load side, not the gateway, may be the limit.
   */
  readonly loadSideCoreShare: number;
}

const sum = (counts: Readonly<Record<string, number>>): number => Object.values(counts).reduce((a, b) => a + b, 0);

/** Warms up, then measures one window. */
export async function measureWindow(options: MeasureWindowOptions): Promise<WindowMeasurement> {
  const load = { url: options.gatewayUrl, query: options.query, connections: options.connections, headers: options.headers ?? {} };
  if (options.warmupSeconds > 0) await runLoad({ ...load, durationSeconds: options.warmupSeconds });

  const [gatewayBefore, subgraphsBefore, countsBefore] = await Promise.all([
    options.gateway.usage(),
    options.subgraphs.usage(),
    options.subgraphs.counts(),
  ]);
  const runnerBefore = process.cpuUsage();
  const result = await runLoad({ ...load, durationSeconds: options.durationSeconds });
  const runnerCpu = process.cpuUsage(runnerBefore);
  const [gatewayAfter, subgraphsAfter, countsAfter] = await Promise.all([
    options.gateway.usage(),
    options.subgraphs.usage(),
    options.subgraphs.counts(),
  ]);

  const perRequest = (value: number): number => (result.completed > 0 ? value / result.completed : Number.NaN);
  const loadSideMicros = runnerCpu.user + runnerCpu.system + (subgraphsAfter.cpuMicros - subgraphsBefore.cpuMicros);
  return {
    ...result,
    cpuMsPerRequest: perRequest((gatewayAfter.cpuMicros - gatewayBefore.cpuMicros) / 1000),
    peakRssBytes: gatewayAfter.maxRssBytes,
    subgraphFetchesPerRequest: perRequest(sum(countsAfter) - sum(countsBefore)),
    loadSideCoreShare: loadSideMicros / 1e6 / result.durationSeconds,
  };
}
