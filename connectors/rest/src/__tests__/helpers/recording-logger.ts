/** A `Logger` that keeps every line, to assert on what a source logged. */
import type { Logger } from '@govgraph/sdk';

export interface LogLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly bindings: Record<string, unknown>;
  readonly obj: Record<string, unknown>;
  readonly msg: string | undefined;
}

export interface RecordingLogger extends Logger {
  readonly lines: LogLine[];
}

export function createRecordingLogger(bindings: Record<string, unknown> = {}, lines: LogLine[] = []): RecordingLogger {
  const write =
    (level: LogLine['level']) =>
    (obj: object | string, msg?: string): void => {
      lines.push(typeof obj === 'string' ? { level, bindings, obj: {}, msg: obj } : { level, bindings, obj: obj as Record<string, unknown>, msg });
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
