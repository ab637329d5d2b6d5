/**
 * The one structural logger of the SDK (the shape of `@apollo/utils.logger`
 * and yoga's logger), so a department can pass its own. The default is pino,
 * writing JSON lines to stdout with `authorization` and personal fields redacted.
 */
import pino from 'pino';

/** A structured logger. `child` adds bindings (request id, subgraph, source) to every line. */
export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

/** Options of {@link createLogger}. */
export interface CreateLoggerOptions {
  /** @default 'info' */
  level?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Bindings on every line, e.g. `{ subgraph: 'users' }`. */
  base?: Record<string, unknown>;
  /** Where lines go. @default stdout */
  destination?: NodeJS.WritableStream;
}

/** Paths never written to a log. */
export const REDACTED_LOG_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'headers.authorization',
  'headers["x-api-key"]',
  'variables',
  '*.idNumber',
  '*.phone',
];

/** Creates the default pino logger. */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const instance = pino(
    {
      level: options.level ?? 'info',
      base: { ...options.base },
      redact: { paths: [...REDACTED_LOG_PATHS], censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination ?? process.stdout,
  );
  return instance as unknown as Logger;
}

/** A logger that drops everything (tests). */
export function createSilentLogger(): Logger {
  return createLogger({ level: 'silent' });
}
