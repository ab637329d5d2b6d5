/**
 * A real pino logger writing JSON lines to memory, so tests can read what the
 * gateway logged (request ids, masked errors) without touching stdout.
 */
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../logger';

/** A logger and the lines it wrote, parsed. */
export interface MemoryLogger {
  readonly logger: Logger;
  /** Every line written so far, parsed as JSON. */
  lines(): Record<string, unknown>[];
}

/** Creates a debug-level logger whose lines are kept in memory. */
export function createMemoryLogger(): MemoryLogger {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return {
    logger: createLogger({ level: 'debug', destination }),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
