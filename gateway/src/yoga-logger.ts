/**
 * Adapts the gateway's structural logger to graphql-yoga's variadic logger,
 * so yoga's own lines (including the originals of masked errors) are JSON
 * lines bound to the request id of the request in progress.
 */
import { GraphQLError } from 'graphql';
import type { YogaLogger } from 'graphql-yoga';
import type { Logger } from './logger';
import type { RequestScopeStore } from './plugins/request-scope';

/** Wraps `root` for yoga's `logging` option; lines carry the current request's bindings. */
export function toYogaLogger(root: Logger, scopes: RequestScopeStore): YogaLogger {
  const write =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]): void => {
      const logger = scopes.current()?.logger ?? root;
      const error = args.find((arg): arg is Error => arg instanceof Error);
      const text = args.filter((arg) => typeof arg === 'string').join(' ');
      if (error) {
        const originalError = error instanceof GraphQLError ? error.originalError : undefined;
        const bindings = originalError ? { err: error, originalError: serialiseError(originalError) } : { err: error };
        logger[level](bindings, text || error.message);
      } else {
        logger[level]({ source: 'yoga' }, text);
      }
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

function serialiseError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  return { type: error.name, message: error.message, stack: error.stack };
}
