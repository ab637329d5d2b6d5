/**
 * Validation of the service queries' arguments. A bad argument is a
 * `BAD_USER_INPUT` error naming the argument and the problem, so a caller
 * learns what to fix instead of getting an empty answer.
 */
import { BadRequestError } from '@govgraph/sdk';
import { SERVICE_CODE_PATTERN } from './service.mapping';

/** The longest `searchServices` text, in characters. */
export const MAX_SEARCH_TEXT_LENGTH = 50;
/** The longest department name accepted as an argument, in characters. */
export const MAX_DEPARTMENT_LENGTH = 100;

/** Trims and upper-cases an item code and checks its shape (`320100-XK-0012`). */
export function parseServiceCodeArg(code: string): string {
  const value = code.trim().toUpperCase();
  if (value === '') throw new BadRequestError('code must not be empty', { details: { argument: 'code' } });
  if (!SERVICE_CODE_PATTERN.test(value)) {
    throw new BadRequestError(`code must be an item code like 320100-XK-0012, got ${JSON.stringify(clip(code))}`, { details: { argument: 'code' } });
  }
  return value;
}

/** Trims a department name and checks it is not empty or too long. */
export function parseDepartmentArg(department: string): string {
  const value = department.trim();
  if (value === '') throw new BadRequestError('department must not be empty', { details: { argument: 'department' } });
  const length = [...value].length;
  if (length > MAX_DEPARTMENT_LENGTH) {
    throw new BadRequestError(`department must be at most ${MAX_DEPARTMENT_LENGTH} characters, got ${length}`, {
      details: { argument: 'department' },
    });
  }
  return value;
}

/** Trims a search text and checks it holds 1–50 characters. */
export function parseSearchTextArg(text: string): string {
  const value = text.trim();
  if (value === '') throw new BadRequestError('text must not be empty', { details: { argument: 'text' } });
  const length = [...value].length;
  if (length > MAX_SEARCH_TEXT_LENGTH) {
    throw new BadRequestError(`text must be at most ${MAX_SEARCH_TEXT_LENGTH} characters, got ${length}`, { details: { argument: 'text' } });
  }
  return value;
}

function clip(value: string): string {
  return [...value].length > 40 ? `${[...value].slice(0, 39).join('')}…` : value;
}
