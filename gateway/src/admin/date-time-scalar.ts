/**
 * The admin API's `DateTime`: ISO 8601 strings on the wire, `Date` in
 * resolvers. A value that is not a date is `BAD_USER_INPUT`.
 */
import { GraphQLScalarType, Kind } from 'graphql';
import { badUserInput } from './admin-errors';

/** The `DateTime` scalar. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An ISO 8601 date-time, e.g. 2030-01-01T00:00:00.000Z.',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(date.getTime())) throw new TypeError(`DateTime cannot represent ${String(value)}`);
    return date.toISOString();
  },
  parseValue: parseDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw badUserInput('A DateTime must be an ISO 8601 string.');
    return parseDate(ast.value);
  },
});

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

function parseDate(value: unknown): Date {
  const date = typeof value === 'string' && ISO_DATE_TIME.test(value) ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw badUserInput(`Invalid DateTime ${JSON.stringify(value)}: must be ISO 8601, e.g. 2030-01-01T00:00:00Z.`);
  }
  return date;
}
