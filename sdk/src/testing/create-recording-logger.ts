/**
 * A `Logger` that keeps every line in memory, so a test can assert on what a
 * source logged (a test utility, not for production: it never drops lines).
 */
import type { Logger } from '../logger';

/** One recorded log call. */
export interface LogLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  /** The child-logger bindings in force when the line was written. */
  readonly bindings: Record<string, unknown>;
  /** The object passed to the call (`{}` when only a message was given). */
  readonly obj: Record<string, unknown>;
  /** `bindings` and `obj` merged, as a log line would show them. */
  readonly fields: Record<string, unknown>;
  readonly msg: string | undefined;
}

/** A `Logger` whose `lines` (shared with its children) holds every call. */
export interface RecordingLogger extends Logger {
  readonly lines: LogLine[];
}

/**
 * Creates a {@link RecordingLogger}. `child()` loggers write to the same
 * `lines` with their bindings added.
 * @param bindings fields every line carries @default {}
 */
export function createRecordingLogger(bindings: Record<string, unknown> = {}, lines: LogLine[] = []): RecordingLogger {
  const write =
    (level: LogLine['level']) =>
    (obj: object | string, msg?: string): void => {
      const fields = typeof obj === 'string' ? {} : (obj as Record<string, unknown>);
      lines.push({ level, bindings, obj: fields, fields: { ...bindings, ...fields }, msg: typeof obj === 'string' ? obj : msg });
    };
  return {
    lines,
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (more) => createRecordingLogger({ ...bindings, ...more }, lines),
  };
}
