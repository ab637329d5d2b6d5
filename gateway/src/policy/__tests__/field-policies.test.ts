import { composeServices } from '@apollo/composition';
import { buildSchema, parse } from 'graphql';
import { collectOperationCoordinates } from '../collect-coordinates';
import { readFieldPolicies } from '../field-policies';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@shareable", "@tag"])';

function compose(users: string, licences: string): string {
  const result = composeServices([
    { name: 'users', url: 'http://users.test.invalid/graphql', typeDefs: parse(`${LINK}\n${users}`) },
    { name: 'licences', url: 'http://licences.test.invalid/graphql', typeDefs: parse(`${LINK}\n${licences}`) },
  ]);
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraphSdl;
}

const USERS = `
  type Query { person(id: ID!): Person node(id: ID!): Node }
  interface Node { id: ID! }
  type Person implements Node @key(fields: "id") {
    id: ID!
    name: String @tag(name: "govgraph:grade:L2") @tag(name: "govgraph:mask:name")
    phone: String @tag(name: "govgraph:grade:L3") @tag(name: "govgraph:mask:phone") @tag(name: "public-api")
  }`;
const LICENCES = `
  type Query { licence(number: ID!): Licence }
  type Licence @key(fields: "number") { number: ID! holder: Person @tag(name: "govgraph:grade:L2") }
  type Person @key(fields: "id") { id: ID! licences: [Licence!] }`;

describe('readFieldPolicies', () => {
  const policies = readFieldPolicies(compose(USERS, LICENCES));

  it('reads owners, grades and mask rules of every coordinate of a composed supergraph', () => {
    expect(policies.get('Query.person')).toEqual({ coordinate: 'Query.person', subgraphs: ['users'], grade: 'L1' });
    expect(policies.get('Person.name')).toEqual({ coordinate: 'Person.name', subgraphs: ['users'], grade: 'L2', mask: 'name' });
    expect(policies.get('Person.phone')).toEqual({ coordinate: 'Person.phone', subgraphs: ['users'], grade: 'L3', mask: 'phone' });
    expect(policies.get('Person.licences')).toEqual({ coordinate: 'Person.licences', subgraphs: ['licences'], grade: 'L1' });
    expect(policies.get('Licence.holder')).toEqual({ coordinate: 'Licence.holder', subgraphs: ['licences'], grade: 'L2' });
    expect(policies.get('Person.id')?.subgraphs.slice().sort()).toEqual(['licences', 'users']);
    expect(policies.get('Node.id')).toEqual({ coordinate: 'Node.id', subgraphs: ['users'], grade: 'L1' });
    expect([...policies.keys()].some((c) => c.startsWith('join__') || c.startsWith('link__'))).toBe(false);
  });

  it('refuses a supergraph with an unknown grade or mask rule, naming every coordinate', () => {
    const bad = compose(USERS.replace('govgraph:grade:L3', 'govgraph:grade:L9'), LICENCES.replace('govgraph:grade:L2', 'govgraph:mask:passport'));
    expect(() => readFieldPolicies(bad)).toThrow(/Licence\.holder: unknown mask rule "passport"[\s\S]*Person\.phone: unknown data grade "L9"/);
  });
});

describe('collectOperationCoordinates', () => {
  const schema = buildSchema(`
    type Query { search: [Result!]! node(id: ID!): Node person: Person }
    interface Node { id: ID! }
    union Result = Person | Org
    type Person implements Node { id: ID! name: String friends: [Person!] }
    type Org implements Node { id: ID! title: String }
  `);
  const collect = (query: string, name?: string) => collectOperationCoordinates(schema, parse(query), name);

  it('follows named fragments, inline fragments on unions and interfaces, ignoring aliases and __typename', () => {
    expect(collect('{ a: search { __typename ... on Org { t: title } ...P } node(id: "1") { id } } fragment P on Person { friends { name } }')).toEqual({
      coordinates: ['Node.id', 'Org.id', 'Org.title', 'Person.friends', 'Person.id', 'Person.name', 'Query.node', 'Query.search'],
      introspection: false,
    });
  });

  it('marks introspection and does not count its fields', () => {
    expect(collect('{ __schema { types { name } } __typename }')).toEqual({ coordinates: [], introspection: true });
  });

  it('collects the operation named, or none for an unknown name', () => {
    const document = 'query A { person { id } } query B { search { __typename } }';
    expect(collect(document, 'B')?.coordinates).toEqual(['Query.search']);
    expect(collect(document, 'C')).toBeUndefined();
  });
});
