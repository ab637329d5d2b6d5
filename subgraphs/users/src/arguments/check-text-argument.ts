import { BadRequestError } from '@govgraph/sdk';

/** Limits of {@link checkTextArgument}. */
export interface TextArgumentLimits {
  /** @default 1 */
  readonly minLength?: number;
  /** @default 100 */
  readonly maxLength?: number;
}

/**
 * Validates a free-text argument (a name to search for, a record id) before it
 * reaches a legacy system: trimmed, within length, no control characters.
 * Throws `BadRequestError` naming the argument and the problem.
 */
export function checkTextArgument(argument: string, value: string, limits: TextArgumentLimits = {}): string {
  const { minLength = 1, maxLength = 100 } = limits;
  const text = value.trim();
  if (text.length < minLength) {
    throw new BadRequestError(
      minLength === 1 ? `${argument} must not be empty` : `${argument} must be at least ${minLength} characters, got ${text.length}`,
      { details: { argument } },
    );
  }
  if (text.length > maxLength) {
    throw new BadRequestError(`${argument} must be at most ${maxLength} characters, got ${text.length}`, { details: { argument } });
  }
  if (/[\u0000-\u001f\u007f]/.test(text)) {
    throw new BadRequestError(`${argument} must not contain control characters`, { details: { argument } });
  }
  return text;
}
