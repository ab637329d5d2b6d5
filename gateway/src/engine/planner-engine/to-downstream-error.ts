/**
 * Turns an error a subgraph reported into the client's error, as
 * @apollo/gateway does: the subgraph's message and extensions, plus
 * `extensions.serviceName`; a federation error code is kept as it is, and an
 * error without a code becomes `DOWNSTREAM_SERVICE_ERROR`. The plain JSON
 * object stays the `originalError`, which is how the gateway's `maskError`
 * recognises an error a subgraph chose to show.
 */
import { ERRORS, errorCodeDef } from '@apollo/federation-internals';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** The client's error for `error`, reported by `serviceName`, at `path` of the client's operation. */
export function toDownstreamError(
  error: GraphQLFormattedError,
  serviceName: string,
  path: readonly (string | number)[] | undefined,
): GraphQLError {
  const message = error.message || `Error while fetching subquery from service "${serviceName}"`;
  const options = {
    // A plain object, not an Error: see mask-error.ts `isShowable`.
    originalError: error as unknown as Error,
    path,
    extensions: { ...error.extensions, serviceName },
  };
  const codeDefinition = errorCodeDef(error);
  if (!codeDefinition && error.extensions?.['code']) return new GraphQLError(message, options);
  return (codeDefinition ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}
