/**
 * The file source's Prometheus metrics, in the subgraph's registry (whose
 * default label `subgraph` is set): rows skipped as bad, and loads of export
 * files by outcome, so a dashboard shows a department's exports degrading
 * before the catalogue goes stale.
 *
 * | metric | type | labels |
 * |---|---|---|
 * | `govgraph_file_bad_rows_total` | counter | source |
 * | `govgraph_file_reloads_total` | counter | source, outcome (`loaded`, `refused`) |
 */
import { Counter, Registry } from 'prom-client';

/** @internal The counters one file source records into. */
export interface FileMetrics {
  /** Adds a loaded snapshot: one reload, and its bad rows. */
  loaded(badRows: number): void;
  /** Adds a refused file. */
  refused(): void;
}

const BAD_ROWS = 'govgraph_file_bad_rows_total';
const RELOADS = 'govgraph_file_reloads_total';

/** @internal The metrics of source `source` in `registry` (a private one when absent), created on first use. */
export function createFileMetrics(source: string, registry: Registry = new Registry()): FileMetrics {
  const badRows =
    (registry.getSingleMetric(BAD_ROWS) as Counter<'source'> | undefined) ??
    new Counter({ name: BAD_ROWS, help: 'Rows of export files skipped as bad, by source.', labelNames: ['source'], registers: [registry] });
  const reloads =
    (registry.getSingleMetric(RELOADS) as Counter<'source' | 'outcome'> | undefined) ??
    new Counter({
      name: RELOADS,
      help: 'Export files loaded (outcome="loaded") or refused, the previous snapshot kept (outcome="refused"), by source.',
      labelNames: ['source', 'outcome'],
      registers: [registry],
    });
  return {
    loaded(count) {
      reloads.inc({ source, outcome: 'loaded' });
      if (count > 0) badRows.inc({ source }, count);
    },
    refused() {
      reloads.inc({ source, outcome: 'refused' });
    },
  };
}
