/**
 * The audit buffer of step 8 (ARCHITECTURE.md): records are accepted into
 * memory on the request path (no await) and written to the sink in batches by
 * a timer, or on the next turn of the event loop once a batch is full (never
 * inside the request that filled it). When the sink fails, records stay and
 * are retried on the next tick. When the buffer is full, `canAccept` refuses
 * operations touching L3 or L4 data, so personal data is never served
 * unaudited (fail closed), while L1–L2 operations continue (their records are
 * dropped and counted). `close()` writes everything accepted before the
 * gateway stops.
 */
import type { Logger } from '../logger';
import type { AuditRecordInput, AuditSink } from '../stores/audit-sink';
import { gradeRank, type DataGrade } from '../stores/data-grade';

/** Options of {@link createBufferedAudit}. */
export interface BufferedAuditOptions {
  readonly sink: AuditSink;
  /**
   * Records held while the sink is slow or down. Past it, L3/L4 operations are
   * refused; records of L3/L4 operations admitted just before may still use a
   * headroom of a tenth more (at least 16). @default 10000
   */
  readonly maxBuffer?: number;
  /** Time between flushes. @default 1000 */
  readonly flushIntervalMs?: number;
  /** Most records per `sink.write`. @default 500 */
  readonly maxBatch?: number;
  /** Attempts `close()` makes to write what is left before giving up. @default 3 */
  readonly closeAttempts?: number;
  readonly logger?: Logger;
}

/** The buffer in front of an {@link AuditSink}. */
export interface BufferedAudit {
  /** Whether an operation of grade `maxGrade` may run: always for L1–L2, only with room in the buffer for L3–L4. */
  canAccept(maxGrade: DataGrade): boolean;
  /**
   * Accepts a record; false (and counted in `dropped`) when the buffer is full.
   * `admitted`: the operation passed `canAccept` and ran, so its record may use the headroom.
   */
  push(record: AuditRecordInput, admitted?: boolean): boolean;
  /** Records waiting to be written. */
  readonly size: number;
  /** Records refused because the buffer was full. */
  readonly dropped: number;
  /** Writes everything buffered now. @throws the sink's error (records stay buffered) */
  flush(): Promise<void>;
  /** Stops the timer and writes everything accepted. @throws when the sink keeps failing (records are then lost; logged) */
  close(): Promise<void>;
}

/** Creates the buffer and starts its timer. */
export function createBufferedAudit(options: BufferedAuditOptions): BufferedAudit {
  const { sink, logger } = options;
  const maxBuffer = positive(options.maxBuffer ?? 10_000, 'maxBuffer');
  const flushIntervalMs = positive(options.flushIntervalMs ?? 1000, 'flushIntervalMs');
  const maxBatch = positive(options.maxBatch ?? 500, 'maxBatch');
  const closeAttempts = positive(options.closeAttempts ?? 3, 'closeAttempts');
  const headroom = Math.max(16, Math.ceil(maxBuffer / 10));
  const buffer: AuditRecordInput[] = [];
  let dropped = 0;
  let writing: Promise<void> | undefined;
  let closed = false;
  let failing = false;

  const writeAll = async (): Promise<void> => {
    while (buffer.length > 0) {
      const batch = buffer.slice(0, maxBatch);
      await sink.write(batch);
      buffer.splice(0, batch.length);
      if (failing) {
        failing = false;
        logger?.info({ buffered: buffer.length }, 'audit sink writes again');
      }
    }
  };
  const flush = (): Promise<void> => {
    writing ??= writeAll().finally(() => {
      writing = undefined;
    });
    return writing;
  };

  // A full batch is written on the next turn of the event loop, never inside push(): the request whose record
  // filled it is answered first (a driver such as better-sqlite3 writes synchronously).
  let flushScheduled = false;
  const scheduleFlush = (): void => {
    if (flushScheduled || writing || closed) return;
    flushScheduled = true;
    setImmediate(() => {
      flushScheduled = false;
      if (!writing && buffer.length > 0) flush().catch(() => undefined);
    });
  };

  const timer = setInterval(() => {
    if (buffer.length === 0 || writing) return;
    flush().catch((error: unknown) => {
      if (!failing) logger?.error({ err: error, buffered: buffer.length }, 'audit sink write failed; records kept and retried');
      failing = true;
    });
  }, flushIntervalMs);
  timer.unref();

  return {
    canAccept(maxGrade) {
      return buffer.length < maxBuffer || gradeRank(maxGrade) <= 2;
    },
    push(record, admitted = false) {
      // An L3/L4 operation was admitted by canAccept() before it ran; others may have filled the buffer since,
      // so its record may use a headroom above maxBuffer rather than go unaudited.
      const limit = admitted && gradeRank(record.maxGrade) >= 3 ? maxBuffer + headroom : maxBuffer;
      if (closed || buffer.length >= limit) {
        dropped += 1;
        if (dropped === 1 || dropped % 1000 === 0) logger?.error({ dropped, grade: record.maxGrade }, 'audit buffer full: record dropped');
        return false;
      }
      buffer.push(record);
      if (buffer.length >= maxBatch) scheduleFlush();
      return true;
    },
    get size() {
      return buffer.length;
    },
    get dropped() {
      return dropped;
    },
    flush,
    async close() {
      closed = true;
      clearInterval(timer);
      let lastError: unknown;
      for (let attempt = 1; attempt <= closeAttempts; attempt += 1) {
        try {
          await writing?.catch(() => undefined);
          await flush();
          return;
        } catch (error) {
          lastError = error;
          await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 100 * attempt)));
        }
      }
      logger?.error({ err: lastError, lost: buffer.length }, 'audit records could not be written at shutdown');
      throw new Error(`${buffer.length} audit records could not be written: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
    },
  };
}

function positive(value: number, name: string): number {
  if (!Number.isInteger(value) || value <= 0) throw new TypeError(`createBufferedAudit: ${name} must be a positive integer, got ${String(value)}`);
  return value;
}
