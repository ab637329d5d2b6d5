/**
 * A source is the only code that speaks a legacy protocol (REST, SOAP, SQL,
 * flat files). The shape follows Hasura's NDC `Connector` split of config,
 * state and operations, written as a plain object that satisfies an interface
 * (envelop's `Plugin` style): each connector package returns one from a
 * factory, e.g. `restSource(parseRestSourceConfig(input))`.
 */
import type { Registry } from 'prom-client';
import type { Logger } from './logger';
import type { CapabilityManifest } from './resilience/capability-manifest';
import type { CircuitStatus } from './resilience/circuit-status';

/** Given to {@link Source.start}. */
export interface SourceStartContext {
  /** A logger bound to the subgraph and the source's name. */
  readonly logger: Logger;
  /**
   * The subgraph's Prometheus registry (its default label `subgraph` is set): sources record their call,
   * retry, rejection and circuit metrics into it. Absent outside a subgraph (tests): sources keep their own.
   */
  readonly metrics?: Registry;
}

/** One source's answer to a readiness probe. */
export interface HealthReport {
  readonly status: 'up' | 'down';
  /** A short, safe explanation (no credentials, no raw upstream bodies). */
  readonly detail?: string;
  /** How long the probe took. */
  readonly latencyMs?: number;
  /** The source's circuit breaker, if it has one; `open` always reports the source down. */
  readonly circuit?: CircuitStatus;
}

/**
 * A connection to one legacy system. Protocol operations (`get`, `call`,
 * `query`, `records`, …) are added by each connector's own type; this is the
 * lifecycle every source shares, which the subgraph server drives.
 */
export interface Source {
  /** The protocol, e.g. `'soap'`. */
  readonly kind: string;
  /** The legacy system, e.g. `'population-registry'`. Used in logs, errors and `/readyz`. */
  readonly name: string;
  /**
   * What the legacy system tolerates and how it behaves (the parsed capability manifest). Loaders read
   * `capabilities.batch` (e.g. `batch ? batch.maxSize : 100`) and `capabilities.pagination` from it.
   */
  readonly capabilities?: CapabilityManifest;
  /** Opens pools and clients. Called once before the subgraph serves. */
  start(ctx: SourceStartContext): Promise<void>;
  /** Asks the legacy system whether it answers. Must not throw; must finish within its own timeout. */
  checkHealth(): Promise<HealthReport>;
  /**
   * The state of the source's circuit breaker, for sources that have one (those built on the SDK's resilience
   * policy). `/readyz` adds it to the source's report and reports the source down while it is `open`.
   */
  circuit?(): CircuitStatus;
  /** Closes pools, watchers and timers. Idempotent. */
  stop(): Promise<void>;
}
