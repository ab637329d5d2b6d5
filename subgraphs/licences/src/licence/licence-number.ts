/**
 * Checks a licence number argument before it reaches the licence library,
 * so a pasted value with a stray space or an empty string gets an answer
 * that says what is wrong, not a silent "not found".
 */
import { BadRequestError } from '@govgraph/sdk';

/** The longest licence number accepted (the library's column holds 40). */
export const MAX_LICENCE_NUMBER_LENGTH = 64;

/** Returns `value` if it can be a licence number; throws `BadRequestError` naming `argument` otherwise. */
export function parseLicenceNumberArg(value: string, argument = 'number'): string {
  let problem: string | undefined;
  if (value.length === 0) problem = 'must not be empty';
  else if (value.length > MAX_LICENCE_NUMBER_LENGTH) problem = `must be at most ${MAX_LICENCE_NUMBER_LENGTH} characters, got ${value.length}`;
  // eslint-disable-next-line no-control-regex
  else if (/[\s\u0000-\u001f\u007f]/.test(value)) problem = 'must not contain spaces or control characters';
  if (problem === undefined) return value;
  throw new BadRequestError(`Invalid licence number for argument "${argument}": ${problem}`, { details: { argument } });
}
