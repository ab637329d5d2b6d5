/**
 * The service catalog as the subgraph's one source: the file source that
 * holds the newest export, plus the {@link ServiceIndex} of that export.
 * The index is rebuilt when the file source swaps in a new export
 * (`onReload`), so look-ups stay O(1) and a newly published export replaces
 * the old one without a restart. Lifecycle and readiness are the file
 * source's: `/readyz` names the export file being served.
 */
import { BadGatewayError, type HealthReport, type Source, type SourceStartContext } from '@govgraph/sdk';
import type { FileSource } from '@govgraph/connector-file';
import { buildServiceIndex, type ServiceIndex } from './service-index';
import type { Service } from './service.type';

/** The catalog source: a {@link Source} whose data is read through {@link ServiceCatalog.index}. */
export interface ServiceCatalog extends Source {
  /**
   * The index of the export being served. Throws `BadGatewayError`
   * (`CONN_UPSTREAM_UNAVAILABLE`) while no export has been loaded (a source
   * started with `allowEmpty` before the first file appears), so a query
   * fails visibly instead of answering "no such service".
   */
  index(): ServiceIndex;
}

/** Wraps the catalog's file source; the index follows each reload. */
export function createServiceCatalog(files: FileSource<Service>): ServiceCatalog {
  let current: ServiceIndex | undefined;
  const rebuild = (): ServiceIndex => (current = buildServiceIndex(files.records()));
  files.onReload(() => {
    rebuild();
  });

  return {
    kind: files.kind,
    name: files.name,
    start: (ctx: SourceStartContext) => files.start(ctx),
    stop: () => files.stop(),
    checkHealth: (): Promise<HealthReport> => files.checkHealth(),
    index() {
      if (files.snapshot() === undefined) {
        throw new BadGatewayError(`The service catalog "${files.name}" has no export loaded yet`, { details: { source: files.name } });
      }
      // The reload listener keeps `current` in step; the identity check makes that a guarantee, not an assumption.
      return current !== undefined && current.records === files.records() ? current : rebuild();
    },
  };
}
