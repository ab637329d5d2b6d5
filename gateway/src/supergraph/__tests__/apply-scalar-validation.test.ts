import { buildSchema, GraphQLError, GraphQLScalarType, parse, validate } from 'graphql';
import { applyScalarValidation } from '../apply-scalar-validation';

const Even = new GraphQLScalarType({
  name: 'Even',
  parseValue: (value) => {
    if (typeof value !== 'number' || value % 2 !== 0) throw new GraphQLError(`not even: ${String(value)}`, { extensions: { code: 'BAD_USER_INPUT' } });
    return value;
  },
  parseLiteral: (node) => {
    const value = 'value' in node ? Number(node.value) : NaN;
    if (value % 2 !== 0) throw new GraphQLError(`not even: ${String(value)}`, { extensions: { code: 'BAD_USER_INPUT' } });
    return value;
  },
});

describe('applyScalarValidation', () => {
  it('refuses an invalid literal during validation with the scalar’s own message and code', () => {
    const schema = buildSchema('scalar Even type Query { half(n: Even!): Int }');
    expect(applyScalarValidation(schema, { Even })).toEqual([]);
    const errors = validate(schema, parse('{ half(n: 3) }'));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain('not even: 3');
    expect(errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(validate(schema, parse('{ half(n: 4) }'))).toEqual([]);
  });

  it('reports names the schema declares no scalar for', () => {
    const schema = buildSchema('type Query { x: Int }');
    expect(applyScalarValidation(schema, { Even })).toEqual(['Even']);
  });
});
