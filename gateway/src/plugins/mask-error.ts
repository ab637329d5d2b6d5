/**
 * Which errors a client may see. Errors the gateway creates on purpose (its
 * registry, parse and validation errors) and errors a subgraph reported in its
 * response (the subgraph already decided they are safe) are shown as they are;
 * anything else (a bug, a library's internal error carrying a host name) is
 * replaced by `INTERNAL_SERVER_ERROR`, and yoga logs the original under the
 * request id. Replaces yoga's default, which would also mask subgraph errors:
 * @apollo/gateway wraps each one around the plain JSON object it came from.
 */
import { GraphQLError } from 'graphql';
import type { MaskError } from 'graphql-yoga';

/** The message of a masked error. */
export const MASKED_ERROR_MESSAGE = 'Unexpected error.';

/** yoga's `maskedErrors.maskError` for the gateway. */
export const maskError: MaskError = (error, message) => {
  if (isShowable(error)) return error as GraphQLError;
  const options = error instanceof GraphQLError ? error : undefined;
  return new GraphQLError(message || MASKED_ERROR_MESSAGE, {
    nodes: options?.nodes,
    source: options?.source,
    positions: options?.positions,
    path: options?.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', unexpected: true },
  });
};

/**
 * A GraphQLError is showable if it was created as one (no `originalError`), or
 * wraps a showable one, or is a subgraph's reported error: it names the subgraph
 * (`extensions.serviceName`) and wraps the plain object of the subgraph's
 * response rather than a thrown `Error`.
 */
export function isShowable(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return false;
  const { originalError } = error;
  if (originalError == null) return true;
  if (originalError instanceof GraphQLError) return isShowable(originalError);
  return typeof error.extensions['serviceName'] === 'string' && !(originalError instanceof Error);
}
