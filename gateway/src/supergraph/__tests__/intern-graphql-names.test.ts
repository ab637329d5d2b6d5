import { randomBytes } from 'node:crypto';
import { parse, type ObjectTypeDefinitionNode } from 'graphql';
import { internGraphQLNames } from '../intern-graphql-names';
import { isOneByteString } from './helpers/is-one-byte-string';

/** A name no other test of this worker has made a property key. */
const freshName = (stem: string): string => `${stem}${randomBytes(6).toString('hex')}`;

/** The field names of the first type of `sdl`, as graphql-js parses them (slices of the SDL text). */
const fieldNames = (sdl: string): string[] =>
  ((parse(sdl).definitions[0] as ObjectTypeDefinitionNode).fields ?? []).map((field) => field.name.value);

/** `{ [name]: 1 }` as JSON: its representation is the representation of the key the object got. */
const keyedJson = (name: string): string => JSON.stringify({ [name]: 1 });

describe('internGraphQLNames', () => {
  it('without it, a name parsed from an SDL with Chinese text becomes a two-byte key, and the JSON with it two-byte', () => {
    const name = freshName('stock');
    const [parsed] = fieldNames(`type Item {\n  "库存"\n  ${name}: Int\n}`);
    expect(parsed).toBe(name);
    expect(isOneByteString(parsed as string)).toBe(false);
    expect(isOneByteString(keyedJson(parsed as string))).toBe(false);
  });

  it('makes the one-byte copy the key every later parse of any SDL resolves to', () => {
    const stock = freshName('stock');
    const price = freshName('price');
    const sdl = `type Item {\n  "库存"\n  ${stock}: Int\n  """价格（元）"""\n  ${price}(currency: String = "CNY"): Float\n}`;
    internGraphQLNames(sdl);
    const parsed = fieldNames(sdl);
    expect(parsed).toEqual([stock, price]);
    for (const name of parsed) {
      expect(isOneByteString(name)).toBe(false); // the slice itself stays what the text is
      expect(isOneByteString(keyedJson(name))).toBe(true); // the key it resolves to is one-byte
    }
    expect(keyedJson(parsed[0] as string)).toBe(`{"${stock}":1}`);
  });

  it('takes names from any position (types, arguments, enum values, directives) and ignores everything else', () => {
    const names = [freshName('Licence'), freshName('holder'), freshName('VALID'), freshName('grade')];
    const [type, argument, enumValue, directive] = names as [string, string, string, string];
    internGraphQLNames(`"""电子证照"""\ntype ${type} @${directive}(level: L3) { a(${argument}: ID!): String }\nenum S { ${enumValue} }\n# 注释 123abc`);
    const twoByte = (name: string): string => `${name}\u4e2d`.slice(0, name.length); // a two-byte slice of the same text
    for (const name of names) {
      expect(isOneByteString(twoByte(name))).toBe(false);
      expect(isOneByteString(keyedJson(twoByte(name)))).toBe(true);
    }
  });

  it('accepts text with no names at all', () => {
    expect(() => internGraphQLNames('')).not.toThrow();
    expect(() => internGraphQLNames('“” 123 …')).not.toThrow();
  });
});
