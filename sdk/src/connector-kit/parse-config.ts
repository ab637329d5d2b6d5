/**
 * Turns zod issues into one {@link ConfigError} that names every bad option
 * and its value, so an operator fixes a config in one round trip (fastify's
 * `initial-config-validation.js`, dataloader's `TypeError`s). Used by the SQL
 * and file connectors: it validates, deep-freezes and reports on one line.
 * `createConfigError` is the multi-line variant the REST and SOAP
 * connectors use; their messages differ, so both are kept.
 */
import type { z } from 'zod';
import { ConfigError } from '../errors';

/** How to show an option's value in a message, e.g. to hide a password in a URL. @internal */
export type ShowConfigValue = (path: string, value: unknown) => string | undefined;

/** One problem found in a config: the option's dotted path and what is wrong with it. @internal */
export interface ParseConfigProblem {
  readonly option: string;
  readonly problem: string;
}

/**
 * Validates `input` against `schema` and returns the parsed value, deeply
 * frozen; throws a {@link ConfigError} listing all problems at once.
 * @internal
 */
export function parseConfig<S extends z.ZodType>(schema: S, input: unknown, what: string, show?: ShowConfigValue): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return deepFreeze(result.data);
  const problems = result.error.issues.flatMap((issue) => describeIssue(issue, show));
  const list = problems.map((p) => (p.option ? `${p.option}: ${p.problem}` : p.problem)).join('; ');
  throw new ConfigError(`Invalid ${what} config: ${list}`, { details: { problems } });
}

function describeIssue(issue: z.core.$ZodIssue, show: ShowConfigValue | undefined): ParseConfigProblem[] {
  const option = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ option: option ? `${option}.${key}` : key, problem: 'is not a known option' }));
  }
  const got = issue.input === undefined ? '' : ` (got ${showValue(option, issue.input, show)})`;
  return [{ option, problem: `${problemText(issue)}${got}` }];
}

function problemText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return issue.expected === 'int' ? 'must be an integer' : `must be ${withArticle(issue.expected)}`;
    case 'too_small':
      if (issue.origin === 'string') return issue.minimum === 1 ? 'must not be empty' : `must have at least ${issue.minimum} characters`;
      if (issue.origin === 'array') return `must have at least ${issue.minimum} entries`;
      return `must be ${issue.inclusive ? 'at least' : 'greater than'} ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `must have at most ${issue.maximum} characters`;
      if (issue.origin === 'array') return `must have at most ${issue.maximum} entries`;
      return `must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message;
  }
}

function withArticle(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function showValue(option: string, value: unknown, show: ShowConfigValue | undefined): string {
  const custom = show?.(option, value);
  if (custom !== undefined) return custom;
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value) && !(value instanceof RegExp)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
