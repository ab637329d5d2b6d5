/**
 * Builds a GraphQL scalar over a string identifier whose parser explains what
 * is wrong. A bad value is a `BAD_USER_INPUT` error that says why (wrong
 * length, impossible birth date, which check character was expected), whether
 * it came as a literal or as a variable.
 */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

type ParseResult = { ok: true; value: string } | { ok: false; reason: string };

/** @internal */
export function createIdentifierScalar(options: {
  name: string;
  description: string;
  label: string;
  parse: (value: string) => ParseResult;
  specifiedByURL?: string;
}): GraphQLScalarType<string, string> {
  const { name, label, parse } = options;
  const coerce = (value: unknown, node?: ValueNode): string => {
    if (typeof value !== 'string') {
      throw new GraphQLError(`${label} must be a string, got ${typeof value}`, {
        ...(node ? { nodes: node } : {}),
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    const result = parse(value);
    if (!result.ok) {
      throw new GraphQLError(`Invalid ${label} "${value}": ${result.reason}`, {
        ...(node ? { nodes: node } : {}),
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return result.value;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description: options.description,
    ...(options.specifiedByURL ? { specifiedByURL: options.specifiedByURL } : {}),
    serialize: (value) => {
      if (typeof value !== 'string') throw new TypeError(`${name} cannot serialise ${typeof value}`);
      return value;
    },
    parseValue: (value) => coerce(value),
    parseLiteral: (node) => {
      if (node.kind !== Kind.STRING) {
        throw new GraphQLError(`${label} must be a string literal`, { nodes: node, extensions: { code: 'BAD_USER_INPUT' } });
      }
      return coerce(node.value, node);
    },
  });
}
