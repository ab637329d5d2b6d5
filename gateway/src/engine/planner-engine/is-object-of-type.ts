/**
 * Whether an object of the merged result (by its `__typename`) belongs to a
 * type condition of the supergraph, as @apollo/gateway decides it for
 * `requires` selections and rewrites.
 */
import { isAbstractType, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';

/**
 * @param whenUnknown the answer for an object without `__typename`
 * @internal
 */
export function isObjectOfType(schema: GraphQLSchema, value: Record<string, unknown>, typeCondition: string, whenUnknown = false): boolean {
  const typename = value['__typename'];
  if (typeof typename !== 'string' || typename === '') return whenUnknown;
  if (typename === typeCondition) return true;
  const type = schema.getType(typename);
  const condition = schema.getType(typeCondition);
  if (!type || !condition || !isAbstractType(condition)) return false;
  return (isObjectType(type) || isInterfaceType(type)) && schema.isSubType(condition, type);
}
