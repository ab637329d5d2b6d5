/**
 * Turns whatever a resolver threw into what a client may see. Taxonomy
 * errors keep their safe message and get their stable `extensions.code`;
 * GraphQL's own errors (parse, validation, coercion) pass as they are;
 * anything else becomes `INTERNAL_SERVER_ERROR` with a generic message, and
 * the original goes to the log under the request id (yoga's `maskError`).
 *
 * No HTTP status is attached to execution errors: one failing field must
 * not turn a partial response into a failed one for the gateway.
 */
import { GraphQLError } from 'graphql';
import { isGovgraphError, type GovgraphError } from '../errors';
import type { Logger } from '../logger';
import { getRequestScope } from '../context/request-context';

/** The message clients see for an unexpected error. */
export const UNEXPECTED_ERROR_MESSAGE = 'Unexpected error.';

/** @internal Creates yoga's `maskError` for a subgraph. */
export function createMaskError(fallbackLogger: Logger): (error: unknown, message: string, isDev?: boolean) => Error {
  return (error) => {
    const graphqlError = error instanceof GraphQLError ? error : undefined;
    const original: unknown = graphqlError ? (graphqlError.originalError ?? graphqlError) : error;
    const logger = getRequestScope()?.logger ?? fallbackLogger;
    const location = graphqlError ? { path: graphqlError.path, nodes: graphqlError.nodes, positions: graphqlError.positions, source: graphqlError.source } : {};

    if (isGovgraphError(original)) {
      logTaxonomyError(logger, original, graphqlError?.path);
      return new GraphQLError(original.message, {
        ...location,
        originalError: original,
        extensions: { ...original.details, code: original.code },
      });
    }
    if (original instanceof GraphQLError) return original;
    if (graphqlError && !(graphqlError.originalError)) return graphqlError;
    logger.error({ err: original, path: graphqlError?.path }, 'unexpected error in resolver');
    return new GraphQLError(UNEXPECTED_ERROR_MESSAGE, {
      ...location,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  };
}

function logTaxonomyError(logger: Logger, error: GovgraphError, path: readonly (string | number)[] | undefined): void {
  const line = { code: error.code, path, details: error.details, cause: error.cause };
  if (error.status >= 500) logger.warn(line, error.message);
  else logger.debug(line, error.message);
}
