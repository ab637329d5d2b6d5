/**
 * Two tiny subgraphs that join: `users` owns `Person`, `licences` owns
 * `Licence` and adds `Person.licences`. Some fields fail on purpose, so tests
 * can check that subgraph errors keep their code and path.
 */
import { GraphQLError } from 'graphql';
import type { TestSubgraphOptions } from './start-test-subgraph';

/** People of the users subgraph. */
export const PEOPLE = [
  { id: 'p1', name: 'Zhang San' },
  { id: 'p2', name: 'Li Si' },
];

/** Licences of the licences subgraph. */
export const LICENCES = [
  { number: 'L1', title: 'Business licence', holderId: 'p1' },
  { number: 'L2', title: 'Driving licence', holderId: 'p1' },
  { number: 'L3', title: 'Food trade licence', holderId: 'p2' },
];

/** The users subgraph. */
export const USERS_SUBGRAPH: Omit<TestSubgraphOptions, 'name'> = {
  typeDefs: /* GraphQL */ `
    type Query {
      person(id: ID!): Person
      people: [Person!]!
    }
    type Person @key(fields: "id") {
      id: ID!
      name: String!
    }
  `,
  resolvers: {
    Query: {
      person: (_: unknown, { id }: { id: string }) => PEOPLE.find((p) => p.id === id) ?? null,
      people: () => PEOPLE,
    },
    Person: {
      __resolveReference: (ref: { id: string }) => PEOPLE.find((p) => p.id === ref.id) ?? null,
    },
  },
};

/** The licences subgraph. `Person.licences` of p2 and `Query.brokenLicence` fail on purpose. */
export const LICENCES_SUBGRAPH: Omit<TestSubgraphOptions, 'name'> = {
  typeDefs: /* GraphQL */ `
    type Query {
      licence(number: ID!): Licence
      brokenLicence: Licence
    }
    type Licence @key(fields: "number") {
      number: ID!
      title: String!
      holder: Person!
    }
    type Person @key(fields: "id") {
      id: ID!
      licences: [Licence!]
    }
  `,
  resolvers: {
    Query: {
      licence: (_: unknown, { number }: { number: string }) => LICENCES.find((l) => l.number === number) ?? null,
      brokenLicence: () => {
        throw new GraphQLError('The licence register refused the lookup.', {
          extensions: { code: 'SDK_NOT_FOUND', http: { status: 404 } },
        });
      },
    },
    Licence: {
      __resolveReference: (ref: { number: string }) => LICENCES.find((l) => l.number === ref.number) ?? null,
      holder: (licence: { holderId: string }) => ({ __typename: 'Person', id: licence.holderId }),
    },
    Person: {
      __resolveReference: (ref: { id: string }) => ref,
      licences: (person: { id: string }) => {
        if (person.id === 'p2') {
          throw new GraphQLError('The licence library is down.', { extensions: { code: 'CONN_UPSTREAM_UNAVAILABLE' } });
        }
        return LICENCES.filter((l) => l.holderId === person.id);
      },
    },
  },
};
