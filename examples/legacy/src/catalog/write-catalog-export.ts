/**
 * Writes one catalog export file, GBK-encoded, atomically: the bytes go to a
 * temporary name that does not end in `.csv`, are flushed to disk, and the
 * file is then renamed into place, so a directory watcher never sees half a
 * file.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { ServiceRecord } from '../data/types';
import { formatCatalogCsv, type CatalogBadRow } from './catalog-csv';
import { catalogFileName } from './catalog-file-name';

/** Options of {@link writeCatalogExport}. */
export interface CatalogExportOptions {
  /** The export's time, which names the file. @default now */
  readonly exportedAt?: Date;
  /** Corrupt rows to insert on purpose (tests of a reader's error handling). @default none */
  readonly badRows?: readonly CatalogBadRow[];
}

/** A written export. */
export interface CatalogExportFile {
  /** Absolute or directory-relative path, as `directory` was given. */
  readonly path: string;
  readonly fileName: string;
  readonly exportedAt: Date;
  /** Data rows written (bad rows included), header excluded. */
  readonly rowCount: number;
  readonly byteLength: number;
}

/** Writes `catalog-<YYYYMMDDHHmmss>.csv` into `directory` (created if missing), replacing a file of the same name atomically. */
export async function writeCatalogExport(directory: string, services: readonly ServiceRecord[], options: CatalogExportOptions = {}): Promise<CatalogExportFile> {
  const exportedAt = options.exportedAt ?? new Date();
  const fileName = catalogFileName(exportedAt);
  const bytes = iconv.encode(formatCatalogCsv(services, options.badRows), 'gbk');
  await mkdir(directory, { recursive: true });
  const path = join(directory, fileName);
  const temporary = join(directory, `.${fileName}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const file = await open(temporary, 'wx');
    try {
      await file.writeFile(bytes);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return { path, fileName, exportedAt, rowCount: services.length + (options.badRows?.length ?? 0), byteLength: bytes.length };
}
