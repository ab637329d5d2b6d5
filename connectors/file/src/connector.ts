/**
 * `fileSource`: the export files of a legacy system as a {@link Source}.
 * The newest export (last in file-name order, so
 * `catalog-YYYYMMDDHHmmss.csv` sorts by time) is held in memory as a frozen
 * snapshot; when a newer file appears, or the newest is rewritten, it is
 * loaded beside the old one and swapped in with one assignment, so a reader
 * sees the old snapshot or the new, never a mix. A file that cannot be used
 * is refused and the old snapshot stays.
 *
 * Changes are noticed by `fs.watch` and by polling (watch misses events on
 * some network and container filesystems); a file is loaded only once it has
 * settled (`settleMs`) and only if it did not change while being read.
 */
import {
  BadGatewayError,
  UpstreamDataError,
  createSilentLogger,
  resolveCapabilities,
  type CapabilityManifest,
  type HealthReport,
  type Logger,
  type Source,
  type SourceStartContext,
} from '@govgraph/sdk';
import type { FileSourceConfig } from './config';
import { createExportDirectory, type ExportDirectory, type ExportFile } from './client';
import { createFileMetrics, type FileMetrics } from './file-metrics';
import { mapRows, type MapRow } from './mapping';
import type { FileBadRow } from './parse-csv';
import { parseExport } from './parse-export';

/** Bad rows listed in a snapshot and logged one by one; the rest are only counted. */
const LISTED_BAD_ROWS = 100;
/** At start, how many files (newest first) are tried before giving up. */
const START_ATTEMPTS = 5;

/** What is loaded: the file, when, and how it went. */
export interface FileSnapshot {
  /** The file name (no directory). */
  readonly file: string;
  readonly loadedAt: Date;
  /** Records in the snapshot. */
  readonly rows: number;
  /** The first 100 bad rows, in line order. */
  readonly badRows: readonly FileBadRow[];
  /** All bad rows. */
  readonly badRowCount: number;
  /** 1 for the first snapshot, +1 for each swap. */
  readonly generation: number;
}

/** A file that could not be used as a whole (unreadable, bad header, too many bad rows). */
export interface FileRefusal {
  readonly file: string;
  readonly reason: string;
  readonly at: Date;
}

/** A file source: the lifecycle of every source plus the current snapshot. */
export interface FileSource<T> extends Source {
  readonly kind: 'file';
  /** The export's capability manifest, defaults applied: loaders read `batch` and `pagination` from it. */
  readonly capabilities: CapabilityManifest;
  /** The records of the current snapshot (frozen, shared by all requests: never mutate them). Empty before the first load. */
  records(): readonly T[];
  /** Facts about the current snapshot, or `undefined` before the first load. */
  snapshot(): FileSnapshot | undefined;
  /** Calls `listener` after each swap (including the first load). Returns the unsubscribe function. */
  onReload(listener: (snapshot: FileSnapshot) => void): () => void;
  /** Calls `listener` when a file is refused and the previous snapshot kept. Returns the unsubscribe function. */
  onRefuse(listener: (refusal: FileRefusal) => void): () => void;
}

interface Loaded<T> {
  readonly file: ExportFile;
  readonly records: readonly T[];
  readonly badRows: readonly FileBadRow[];
}

type LoadOutcome<T> =
  | { readonly kind: 'loaded'; readonly loaded: Loaded<T> }
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'changed' };

interface Current<T> {
  readonly file: ExportFile;
  readonly records: readonly T[];
  readonly info: FileSnapshot;
}

/**
 * Creates a file source from a parsed config and a row mapper. `mapRow`
 * throws (any error) to reject a row; the row is skipped and reported.
 */
export function fileSource<T>(config: FileSourceConfig, mapRow: MapRow<T>): FileSource<T> {
  const quotedName = JSON.stringify(config.name);
  const empty: readonly T[] = Object.freeze([]);
  const reloadListeners = new Set<(snapshot: FileSnapshot) => void>();
  const refuseListeners = new Set<(refusal: FileRefusal) => void>();
  /** Signatures (name, size, mtime) of refused files: not tried again unless they change. */
  const refused = new Set<string>();

  let state: 'new' | 'starting' | 'started' | 'stopped' = 'new';
  let logger: Logger = createSilentLogger();
  let directory: ExportDirectory | undefined;
  let current: Current<T> | undefined;
  let lastRefusal: FileRefusal | undefined;
  let pending: { readonly signature: string; readonly since: number } | undefined;
  let scanning: Promise<void> | undefined;
  let rescan = false;
  let pollTimer: NodeJS.Timeout | undefined;
  let settleTimer: NodeJS.Timeout | undefined;
  let unwatch: (() => void) | undefined;
  let reportedListError: string | undefined;
  let reportedOlder: string | undefined;

  async function load(dir: ExportDirectory, file: ExportFile): Promise<LoadOutcome<T>> {
    let read;
    try {
      read = await dir.read(file);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      return { kind: 'refused', reason: `the file cannot be read${typeof code === 'string' ? ` (${code})` : ''}` };
    }
    if (read.kind === 'changed') return read;
    const parsed = parseExport(read, config);
    if (parsed.kind === 'refused') return parsed;
    const mapped = mapRows(file.name, parsed.rows, parsed.badRows, mapRow, config);
    if (mapped.kind === 'refused') return { kind: 'refused', reason: mapped.reason };
    return { kind: 'loaded', loaded: { file, records: mapped.records, badRows: mapped.badRows } };
  }

  let metrics: FileMetrics = createFileMetrics(config.name);

  function swap(loaded: Loaded<T>): void {
    const info: FileSnapshot = Object.freeze({
      file: loaded.file.name,
      loadedAt: new Date(),
      rows: loaded.records.length,
      badRows: Object.freeze(loaded.badRows.slice(0, LISTED_BAD_ROWS).map((row) => Object.freeze({ ...row }))),
      badRowCount: loaded.badRows.length,
      generation: (current?.info.generation ?? 0) + 1,
    });
    current = { file: loaded.file, records: loaded.records, info };
    for (const row of info.badRows) {
      logger.warn({ source: config.name, file: info.file, line: row.line, reason: row.reason }, 'bad row skipped');
    }
    if (info.badRowCount > info.badRows.length) {
      logger.warn({ source: config.name, file: info.file, notLogged: info.badRowCount - info.badRows.length }, 'more bad rows skipped');
    }
    logger.info(
      { source: config.name, file: info.file, rows: info.rows, badRows: info.badRowCount, generation: info.generation },
      'file loaded',
    );
    metrics.loaded(info.badRowCount);
    for (const listener of reloadListeners) notify(listener, info);
  }

  function refuse(file: ExportFile, reason: string): void {
    refused.add(signatureOf(file));
    lastRefusal = Object.freeze({ file: file.name, reason, at: new Date() });
    logger.error(
      { source: config.name, file: file.name, reason, kept: current?.info.file },
      current ? 'file refused; the previous snapshot is kept' : 'file refused',
    );
    metrics.refused();
    for (const listener of refuseListeners) notify(listener, lastRefusal);
  }

  function notify<E>(listener: (event: E) => void, event: E): void {
    try {
      listener(event);
    } catch (error) {
      logger.error({ source: config.name, err: error }, 'a file source listener threw');
    }
  }

  /** Looks at the newest file once and loads it if it is new, settled and not refused. */
  async function scan(dir: ExportDirectory): Promise<void> {
    let names: string[];
    try {
      names = await dir.list();
      reportedListError = undefined;
    } catch (error) {
      const code = String((error as { code?: unknown }).code ?? 'error');
      if (reportedListError !== code) logger.warn({ source: config.name, code }, 'cannot list the export directory; keeping the snapshot');
      reportedListError = code;
      return;
    }
    const newest = names[0];
    if (newest === undefined) return;
    if (current && newest < current.file.name) {
      if (reportedOlder !== newest) logger.debug({ source: config.name, file: newest }, 'newest file is older than the snapshot; ignored');
      reportedOlder = newest;
      return;
    }
    const file = await dir.stat(newest).catch(() => undefined);
    if (!file || state !== 'started') return;
    if (current && file.name === current.file.name && file.size === current.file.size && file.mtimeMs === current.file.mtimeMs) return;
    const signature = signatureOf(file);
    if (refused.has(signature)) return;
    if (config.settleMs > 0) {
      const now = Date.now();
      if (pending?.signature !== signature) pending = { signature, since: now };
      const waited = now - pending.since;
      if (waited < config.settleMs) {
        scheduleSettled(config.settleMs - waited);
        return;
      }
    }
    const outcome = await load(dir, file);
    pending = undefined;
    if (state !== 'started') return;
    if (outcome.kind === 'loaded') swap(outcome.loaded);
    else if (outcome.kind === 'refused') refuse(file, outcome.reason);
    // 'changed': still being written; the next change or poll looks again.
  }

  function requestScan(): void {
    if (state !== 'started' || !directory) return;
    if (scanning) {
      rescan = true;
      return;
    }
    const dir = directory;
    scanning = scan(dir)
      .catch((error: unknown) => logger.error({ source: config.name, err: error }, 'file source scan failed'))
      .finally(() => {
        scanning = undefined;
        if (rescan) {
          rescan = false;
          requestScan();
        }
      });
  }

  function scheduleSettled(delayMs: number): void {
    if (settleTimer) clearTimeout(settleTimer);
    settleTimer = setTimeout(() => {
      settleTimer = undefined;
      requestScan();
    }, delayMs + 1);
    settleTimer.unref();
  }

  return {
    kind: 'file',
    capabilities: config.capabilities ?? resolveCapabilities(undefined),
    name: config.name,

    async start(ctx: SourceStartContext) {
      if (state !== 'new') throw new Error(`File source ${quotedName} was already started`);
      state = 'starting';
      logger = ctx.logger;
      metrics = createFileMetrics(config.name, ctx.metrics);
      const dir = createExportDirectory(config);
      let names: string[] = [];
      try {
        names = await dir.list();
      } catch (error) {
        if (!config.allowEmpty) {
          state = 'new';
          throw new BadGatewayError(`File source ${quotedName} cannot list its directory ${config.directory}`, {
            cause: error,
            details: { source: config.name },
          });
        }
        logger.warn({ source: config.name, code: (error as { code?: unknown }).code }, 'cannot list the export directory; starting empty');
      }
      // The newest file first; if it cannot be used, an older one rather than nothing (the runtime rule: keep the last good data).
      for (const name of names.slice(0, START_ATTEMPTS)) {
        const file = await dir.stat(name).catch(() => undefined);
        if (!file) continue;
        const outcome = await load(dir, file);
        if (outcome.kind === 'loaded') {
          swap(outcome.loaded);
          break;
        }
        if (outcome.kind === 'refused') refuse(file, outcome.reason);
      }
      if (!current && !config.allowEmpty) {
        state = 'new';
        const details = { source: config.name };
        if (lastRefusal) {
          throw new UpstreamDataError(`File source ${quotedName} found no usable file: ${lastRefusal.file}: ${lastRefusal.reason}`, { details });
        }
        throw new BadGatewayError(`File source ${quotedName} found no file matching ${config.pattern} in ${config.directory}`, { details });
      }
      if (!current) logger.warn({ source: config.name }, 'no export file yet; serving an empty snapshot');
      directory = dir;
      state = 'started';
      unwatch = dir.watch(requestScan, (error) =>
        logger.warn({ source: config.name, code: (error as { code?: unknown }).code }, 'fs.watch failed; polling only'),
      );
      pollTimer = setInterval(requestScan, config.pollIntervalMs);
      pollTimer.unref();
    },

    records() {
      return current?.records ?? empty;
    },

    snapshot() {
      return current?.info;
    },

    onReload(listener) {
      reloadListeners.add(listener);
      return () => void reloadListeners.delete(listener);
    },

    onRefuse(listener) {
      refuseListeners.add(listener);
      return () => void refuseListeners.delete(listener);
    },

    async checkHealth(): Promise<HealthReport> {
      if (state === 'stopped') return { status: 'down', detail: 'stopped' };
      const refusal = lastRefusal ? `refused ${lastRefusal.file}: ${lastRefusal.reason}` : undefined;
      if (!current) return { status: 'down', detail: refusal ? `no file loaded; ${refusal}` : 'no file loaded yet', latencyMs: 0 };
      const { file, rows, badRowCount } = current.info;
      // A refusal matters while it is of the file that should be served: not older than the loaded one.
      const newerRefusal = refusal && lastRefusal && lastRefusal.file >= file ? `; ${refusal}` : '';
      return { status: 'up', detail: `${file}: ${rows} rows, ${badRowCount} bad rows${newerRefusal}`, latencyMs: 0 };
    },

    async stop() {
      if (state === 'stopped') return;
      state = 'stopped';
      unwatch?.();
      unwatch = undefined;
      if (pollTimer) clearInterval(pollTimer);
      if (settleTimer) clearTimeout(settleTimer);
      pollTimer = undefined;
      settleTimer = undefined;
      await scanning;
    },
  };
}

function signatureOf(file: ExportFile): string {
  return `${file.name}\u0000${file.size}\u0000${file.mtimeMs}`;
}
