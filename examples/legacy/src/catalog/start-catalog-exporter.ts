/**
 * The service-item catalog (事项目录) simulator. Provincial catalog systems
 * have no online API: they drop export files into a shared directory. This
 * exporter writes the initial export on start and a new one on every
 * `publish`, each atomically and with a strictly later name than any export
 * already there, so "the greatest `catalog-*.csv`" is always the current
 * catalog. There is no server, so there is no call counter or fault injector:
 * a reader's failures are tested with `badRows` and by the files themselves.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '@govgraph/sdk';
import type { Dataset, ServiceRecord } from '../data/types';
import type { CatalogBadRow } from './catalog-csv';
import { CATALOG_FILE_PATTERN, catalogFileName, catalogFileTime } from './catalog-file-name';
import { writeCatalogExport, type CatalogExportFile } from './write-catalog-export';

/** Options of {@link startCatalogExporter}. */
export interface CatalogExporterOptions {
  /** The export directory (created if missing). */
  readonly directory: string;
  /** The services of the initial export (a full {@link Dataset} fits). */
  readonly dataset: Pick<Dataset, 'services'>;
  /** Corrupt rows for the initial export. @default none */
  readonly badRows?: readonly CatalogBadRow[];
  /** The clock naming export files. @default () => new Date() */
  readonly now?: () => Date;
  /** Keep only the newest N exports, deleting older `catalog-*.csv` files after each write. @default keep all */
  readonly retain?: number;
  /** Receives one info line per export. @default nothing is logged */
  readonly logger?: Logger;
}

/** A running exporter. */
export interface CatalogExporterHandle {
  readonly directory: string;
  /** The newest export written by this exporter. */
  current(): CatalogExportFile;
  /** Writes a new export that replaces the previous one for readers. Calls are serialised. */
  publish(services: readonly ServiceRecord[], options?: { readonly badRows?: readonly CatalogBadRow[] }): Promise<CatalogExportFile>;
  /** Waits for a publish in progress; later publishes are refused. Idempotent. */
  close(): Promise<void>;
}

/** Writes the initial export and returns the exporter. */
export async function startCatalogExporter(options: CatalogExporterOptions): Promise<CatalogExporterHandle> {
  const { directory, logger } = options;
  const now = options.now ?? (() => new Date());
  const { retain } = options;
  if (retain !== undefined && (!Number.isInteger(retain) || retain < 1)) throw new RangeError(`retain must be a positive integer, got ${retain}`);

  let latestName = await newestExportName(directory);
  let closed = false;

  const write = async (services: readonly ServiceRecord[], badRows: readonly CatalogBadRow[] | undefined): Promise<CatalogExportFile> => {
    let exportedAt = now();
    // Names have second precision: move past the newest existing export so name order = publishing order.
    const latestTime = latestName === undefined ? undefined : catalogFileTime(latestName);
    if (latestName !== undefined && latestTime !== undefined && catalogFileName(exportedAt) <= latestName) {
      exportedAt = new Date(latestTime.getTime() + 1000);
    }
    const file = await writeCatalogExport(directory, services, { exportedAt, badRows });
    latestName = file.fileName;
    logger?.info({ simulator: 'service-catalog', file: file.fileName, rows: file.rowCount }, 'catalog exported');
    if (retain !== undefined) await pruneExports(directory, retain);
    return file;
  };

  let current = await write(options.dataset.services, options.badRows);
  let queue: Promise<unknown> = Promise.resolve();

  return {
    directory,
    current: () => current,
    publish(services, publishOptions = {}) {
      if (closed) return Promise.reject(new Error('the catalog exporter is closed'));
      const next = queue.then(async () => {
        current = await write(services, publishOptions.badRows);
        return current;
      });
      queue = next.catch(() => undefined);
      return next;
    },
    async close() {
      closed = true;
      await queue;
    },
  };
}

async function exportNames(directory: string): Promise<string[]> {
  try {
    return (await readdir(directory)).filter((name) => CATALOG_FILE_PATTERN.test(name)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function newestExportName(directory: string): Promise<string | undefined> {
  return (await exportNames(directory)).at(-1);
}

async function pruneExports(directory: string, retain: number): Promise<void> {
  const names = await exportNames(directory);
  await Promise.all(names.slice(0, Math.max(0, names.length - retain)).map((name) => rm(join(directory, name), { force: true })));
}
