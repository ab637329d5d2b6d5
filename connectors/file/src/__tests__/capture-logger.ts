/** A Logger that keeps every line, so tests can assert what a source logs. */
import type { Logger } from '@govgraph/sdk';

export interface CapturedLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly fields: Record<string, unknown>;
  readonly msg: string | undefined;
}

export interface CaptureLogger extends Logger {
  readonly lines: CapturedLine[];
}

export function createCaptureLogger(bindings: Record<string, unknown> = {}, lines: CapturedLine[] = []): CaptureLogger {
  const write =
    (level: CapturedLine['level']) =>
    (obj: object | string, msg?: string): void => {
      if (typeof obj === 'string') lines.push({ level, fields: { ...bindings }, msg: obj });
      else lines.push({ level, fields: { ...bindings, ...(obj as Record<string, unknown>) }, msg });
    };
  return {
    lines,
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    child: (more) => createCaptureLogger({ ...bindings, ...more }, lines),
  };
}
