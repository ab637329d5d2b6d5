/**
 * The Prometheus metrics of sources, in the subgraph's registry (prom-client).
 * The subgraph sets the registry's default label `subgraph`; sources add
 * `source`, `operation` and `outcome`. Metrics are created once per registry
 * and shared by its sources (a name can be registered only once).
 *
 * | metric | type | labels |
 * |---|---|---|
 * | `govgraph_source_calls_total` | counter | source, operation, outcome |
 * | `govgraph_source_call_duration_seconds` | histogram | source, operation, outcome |
 * | `govgraph_source_retries_total` | counter | source, operation |
 * | `govgraph_source_rejections_total` | counter | source, operation, reason (`circuit-open`, `saturated`, `rate-limited`) |
 * | `govgraph_source_circuit_state` | gauge: 0 closed, 1 half-open, 2 open | source |
 */
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { CircuitStatus } from './circuit-status';

/** @internal What a call ended as, for the `outcome` label. */
export type CallOutcome = 'success' | 'client-error' | 'unavailable' | 'timeout' | 'invalid-response' | 'rejected' | 'error';

/** @internal The metrics every source of one registry records into. */
export interface SourceMetrics {
  readonly calls: Counter<'source' | 'operation' | 'outcome'>;
  readonly duration: Histogram<'source' | 'operation' | 'outcome'>;
  readonly retries: Counter<'source' | 'operation'>;
  readonly rejections: Counter<'source' | 'operation' | 'reason'>;
  /** Registers a source's circuit, read at each scrape. */
  watchCircuit(source: string, status: () => CircuitStatus): void;
}

/** Gauge values of the circuit states. */
export const CIRCUIT_STATE_VALUES: Readonly<Record<CircuitStatus, number>> = Object.freeze({ closed: 0, 'half-open': 1, open: 2 });

const created = new WeakMap<Registry, SourceMetrics>();

/** @internal The source metrics of `registry`, created on first use. */
export function getSourceMetrics(registry: Registry): SourceMetrics {
  const existing = created.get(registry);
  if (existing) return existing;
  const circuits = new Map<string, () => CircuitStatus>();
  const registers = [registry];
  const metrics: SourceMetrics = {
    calls: new Counter({
      name: 'govgraph_source_calls_total',
      help: 'Calls to legacy systems, by source, operation and outcome (retries of one call count once).',
      labelNames: ['source', 'operation', 'outcome'],
      registers,
    }),
    duration: new Histogram({
      name: 'govgraph_source_call_duration_seconds',
      help: 'Duration of calls to legacy systems, queueing, retries and backoff included.',
      labelNames: ['source', 'operation', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    retries: new Counter({
      name: 'govgraph_source_retries_total',
      help: 'Retried attempts of idempotent calls to legacy systems.',
      labelNames: ['source', 'operation'],
      registers,
    }),
    rejections: new Counter({
      name: 'govgraph_source_rejections_total',
      help: 'Calls refused without reaching the legacy system: circuit-open, saturated or rate-limited.',
      labelNames: ['source', 'operation', 'reason'],
      registers,
    }),
    watchCircuit(source, status) {
      circuits.set(source, status);
    },
  };
  new Gauge({
    name: 'govgraph_source_circuit_state',
    help: 'Circuit breaker state of each legacy system: 0 closed, 1 half-open, 2 open.',
    labelNames: ['source'],
    registers,
    collect() {
      for (const [source, status] of circuits) this.set({ source }, CIRCUIT_STATE_VALUES[status()]);
    },
  });
  created.set(registry, metrics);
  return metrics;
}
