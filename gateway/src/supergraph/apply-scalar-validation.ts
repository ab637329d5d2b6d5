/**
 * Input validation of custom scalars at the gateway. In the supergraph a
 * scalar such as `ResidentId` is only a name: without this, a bad value
 * travels to a subgraph before it is refused. Given the scalar's real
 * implementation (e.g. the SDK's `ResidentIdScalar`), the gateway refuses an
 * invalid literal during validation (HTTP 400, no subgraph called) and an
 * invalid variable value before execution, with the scalar's own message
 * and code.
 */
import { isScalarType, type GraphQLScalarType, type GraphQLSchema } from 'graphql';

/** Scalars of the supergraph to validate at the gateway, by name. */
export type ScalarImplementations = Readonly<Record<string, GraphQLScalarType>>;

/**
 * Gives the API schema's scalars the parsing of the given implementations.
 * Scalars the supergraph does not declare are reported, not ignored silently.
 * @returns the names given that the supergraph has no scalar for
 */
export function applyScalarValidation(schema: GraphQLSchema, scalars: ScalarImplementations): string[] {
  const unknown: string[] = [];
  for (const [name, implementation] of Object.entries(scalars)) {
    const type = schema.getType(name);
    if (!isScalarType(type)) {
      unknown.push(name);
      continue;
    }
    type.parseValue = implementation.parseValue.bind(implementation);
    type.parseLiteral = implementation.parseLiteral.bind(implementation);
  }
  return unknown;
}
