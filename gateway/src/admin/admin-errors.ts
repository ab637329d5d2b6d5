/**
 * The admin API's error mapping. Registry operations throw the gateway's
 * registry codes; over the admin API an invalid input is the common
 * client-facing `BAD_USER_INPUT` (with the registry's message, which lists
 * every problem), while not found, conflict, FORBIDDEN and UNAUTHENTICATED
 * pass through unchanged.
 */
import { GraphQLError } from 'graphql';
import { isGatewayError } from '../errors';

/** The `extensions.code` of invalid admin input. */
export const BAD_USER_INPUT = 'BAD_USER_INPUT';

/** One invalid field, as the registry reports it. */
export interface InputProblem {
  readonly path: string;
  readonly message: string;
}

/** A `BAD_USER_INPUT` error (HTTP 400); `problems` are in `extensions.problems`. */
export function badUserInput(message: string, problems?: readonly InputProblem[]): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: BAD_USER_INPUT, http: { status: 400 }, ...(problems ? { problems } : {}) },
  });
}

/** Maps what a registry operation threw to what the admin API answers; unknown errors are returned as they are (yoga masks them). */
export function toAdminError(error: unknown): unknown {
  if (isGatewayError(error) && error.code === 'GW_REGISTRY_INVALID_INPUT') {
    const issues = error.details?.['issues'];
    return badUserInput(error.message, Array.isArray(issues) ? (issues as InputProblem[]) : undefined);
  }
  return error;
}

/** The audit outcome of an admin action that ended with `error`. */
export function adminOutcomeOf(error: unknown): string {
  const code = error instanceof GraphQLError ? error.extensions['code'] : undefined;
  switch (code) {
    case 'FORBIDDEN':
      return 'denied';
    case BAD_USER_INPUT:
      return 'invalid';
    case 'GW_REGISTRY_NOT_FOUND':
      return 'not-found';
    case 'GW_REGISTRY_CONFLICT':
      return 'conflict';
    default:
      return 'error';
  }
}
