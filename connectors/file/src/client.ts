/**
 * The export directory: the only code that touches the filesystem and
 * decodes bytes. It lists export files newest first, reads one as text in
 * the configured encoding (iconv-lite; a BOM is removed) and watches the
 * directory for changes.
 */
import { watch, type FSWatcher } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { FileSourceConfig } from './config';

/** One export file as seen at one moment. @internal */
export interface ExportFile {
  /** The file name (no directory). */
  readonly name: string;
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** What reading a file gave. @internal */
export type ReadResult =
  | { readonly kind: 'text'; readonly text: string }
  /** A fixed-width file: its raw bytes, since columns are byte ranges (decoded column by column). */
  | { readonly kind: 'bytes'; readonly bytes: Buffer }
  /** The file changed (or vanished) since it was listed: it is still being written; try again later. */
  | { readonly kind: 'changed' };

/** The directory a legacy system exports into. @internal */
export interface ExportDirectory {
  /** Names of matching files, newest first: descending file-name order (code-point order). */
  list(): Promise<string[]>;
  /** The file's size and modification time, or `undefined` if it is gone or is not a regular file. */
  stat(name: string): Promise<ExportFile | undefined>;
  /**
   * Reads and decodes a file (fixed-width files are returned as bytes),
   * provided it is still exactly as listed. Throws if it cannot be read.
   */
  read(file: ExportFile): Promise<ReadResult>;
  /** Calls `onChange` on any change in the directory until the returned function is called. */
  watch(onChange: () => void, onError: (error: Error) => void): () => void;
}

/** Creates the directory client of a file source. @internal */
export function createExportDirectory(config: FileSourceConfig): ExportDirectory {
  async function statFile(name: string): Promise<ExportFile | undefined> {
    const path = join(config.directory, name);
    try {
      const info = await stat(path);
      return info.isFile() ? { name, path, size: info.size, mtimeMs: info.mtimeMs } : undefined;
    } catch (error) {
      if (isGone(error)) return undefined;
      throw error;
    }
  }

  return {
    async list() {
      const entries = await readdir(config.directory, { withFileTypes: true });
      return entries
        .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && config.pattern.test(entry.name))
        .map((entry) => entry.name)
        .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    },

    stat: statFile,

    async read(file) {
      let bytes: Buffer;
      try {
        bytes = await readFile(file.path);
      } catch (error) {
        if (isGone(error)) return { kind: 'changed' };
        throw error;
      }
      const after = await statFile(file.name);
      if (!after || after.size !== file.size || after.mtimeMs !== file.mtimeMs || bytes.length !== file.size) {
        return { kind: 'changed' };
      }
      if (config.format.kind === 'fixed-width') return { kind: 'bytes', bytes };
      const text = iconv.decode(bytes, config.encoding);
      // iconv-lite strips a UTF-8 BOM but keeps GB18030's (84 31 95 33), which decodes to U+FEFF.
      return { kind: 'text', text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
    },

    watch(onChange, onError) {
      let watcher: FSWatcher | undefined;
      try {
        watcher = watch(config.directory, { persistent: false }, () => onChange());
      } catch (error) {
        onError(error as Error);
        return () => undefined;
      }
      watcher.on('error', (error) => {
        watcher?.close();
        onError(error);
      });
      return () => watcher?.close();
    },
  };
}

function isGone(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
