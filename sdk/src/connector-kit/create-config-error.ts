/**
 * Turns zod issues into one `ConfigError` that lists every problem at once,
 * naming the option and the value it was given (dataloader's `TypeError`s,
 * fastify's `initial-config-validation`), so an operator fixes a bad
 * configuration in one round instead of one option per restart.
 *
 * Values of secret options (static headers carry API keys) are never echoed.
 * Used by the REST and SOAP connectors (one problem per line); the SQL and file
 * connectors use `parseConfig`, whose one-line message differs.
 */
import { ConfigError } from '../errors';
import type { z } from 'zod';

/** @internal One readable problem of a configuration. */
export interface ConfigErrorProblem {
  readonly option: string;
  readonly message: string;
}

/** @internal Builds the error thrown by `parseXSourceConfig`. */
export function createConfigError(
  what: string,
  issues: readonly z.core.$ZodIssue[],
  secretOptions: readonly string[],
): ConfigError {
  const problems = issues.flatMap((issue) => describeIssue(issue, secretOptions));
  const lines = problems.map((problem) => `  - ${problem.option}: ${problem.message}`);
  return new ConfigError(`invalid ${what} configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`, {
    details: { problems },
  });
}

function describeIssue(issue: z.core.$ZodIssue, secretOptions: readonly string[]): ConfigErrorProblem[] {
  const option = issue.path.map(String).join('.') || '(root)';
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ option: [...issue.path.map(String), key].join('.'), message: 'is not an option' }));
  }
  if (issue.code === 'invalid_key') {
    // A bad key of a record option (e.g. a header name): the name itself is not secret.
    const inner = issue.issues[0]?.message ?? issue.message;
    return [{ option, message: `name ${show(issue.input)} ${inner}` }];
  }
  const secret = secretOptions.includes(String(issue.path[0])) && issue.path.length > 1;
  const got = secret ? 'a value (not shown: secret option)' : show(issue.input);
  return [{ option, message: `${issue.message}, got ${got}` }];
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
