/**
 * The gateway's structural logger: the same `debug/info/warn/error/child`
 * shape as `@apollo/utils.logger`, yoga's logger and `@govgraph/sdk`, so an
 * operator can pass their own. The gateway keeps its own copy instead of
 * importing the SDK's, so the two packages stay independent. The default is
 * pino writing JSON lines to stdout, with credentials redacted at the logger
 * (fastify `redact`).
 */
import pino from 'pino';

/** A structured logger. `child` adds bindings (request id, subgraph) to every line. */
export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}

/** The log levels the gateway accepts. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** Options of {@link createLogger}. */
export interface CreateLoggerOptions {
  /** @default 'info' */
  level?: LogLevel;
  /** Bindings on every line. @default { service: 'gateway' } */
  base?: Record<string, unknown>;
  /** Where lines go. @default stdout */
  destination?: NodeJS.WritableStream;
}

/** Paths whose values are never written to a log: credentials a client sent. */
export const REDACTED_LOG_PATHS: readonly string[] = [
  'authorization',
  '["x-api-key"]',
  'cookie',
  'headers.authorization',
  'headers["x-api-key"]',
  'headers.cookie',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'variables',
];

/** Creates the default pino logger. */
export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const instance = pino(
    {
      level: options.level ?? 'info',
      base: options.base ?? { service: 'gateway' },
      redact: { paths: [...REDACTED_LOG_PATHS], censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? process.stdout,
  );
  return instance as unknown as Logger;
}

/** A logger that drops everything (tests, or when the caller logs elsewhere). */
export function createSilentLogger(): Logger {
  return createLogger({ level: 'silent' });
}
