/**
 * Readiness: the supergraph is loaded (a gateway exists only once it is) and
 * every subgraph answers `{ __typename }`. Orchestrators and load balancers
 * poll this every few seconds on every replica, so a probe result is reused
 * for `probeCacheMs` and concurrent checks share one round of probes instead
 * of multiplying traffic to the subgraphs.
 */
import type { SubgraphDataSource, SubgraphProbe } from '../datasources/subgraph-data-source';

/** What /readyz reports. Names subgraphs, never their URLs. */
export interface ReadinessReport {
  readonly ready: boolean;
  readonly subgraphs: Readonly<Record<string, SubgraphProbe>>;
}

/** Options of {@link createReadinessCheck}. */
export interface ReadinessCheckOptions {
  readonly dataSources: readonly SubgraphDataSource[];
  /** How long a round of probes is reused; 0 probes on every check. */
  readonly probeCacheMs: number;
  /** Deadline of one probe. */
  readonly probeTimeoutMs: number;
  /** Clock, for tests. @default performance.now */
  readonly now?: () => number;
}

/** A cached readiness check. */
export interface ReadinessCheck {
  check(): Promise<ReadinessReport>;
}

/** Creates the check. */
export function createReadinessCheck(options: ReadinessCheckOptions): ReadinessCheck {
  const { dataSources, probeCacheMs, probeTimeoutMs } = options;
  const now = options.now ?? (() => performance.now());
  let cached: { report: ReadinessReport; at: number } | undefined;
  let inFlight: Promise<ReadinessReport> | undefined;

  const probeAll = async (): Promise<ReadinessReport> => {
    const probes = await Promise.all(dataSources.map((source) => source.probe(probeTimeoutMs)));
    const subgraphs: Record<string, SubgraphProbe> = {};
    dataSources.forEach((source, index) => {
      subgraphs[source.name] = probes[index] ?? { ok: false, latencyMs: 0, problem: 'not probed' };
    });
    return { ready: probes.every((probe) => probe.ok), subgraphs };
  };

  return {
    check() {
      if (cached && now() - cached.at < probeCacheMs) return Promise.resolve(cached.report);
      inFlight ??= probeAll().then(
        (report) => {
          cached = { report, at: now() };
          inFlight = undefined;
          return report;
        },
        (error: unknown) => {
          inFlight = undefined;
          throw error;
        },
      );
      return inFlight;
    },
  };
}
