/**
 * Two real subgraphs with graded and masked fields (users: Person, Org, the
 * Node interface and the Result union; licences: Licence, Person.licences),
 * and registry records of applications with different grants, for the
 * access-control tests.
 */
import { createRemoteJWKSet, jwtVerify } from 'jose';
import type { RegistryGrantRecord, RegistryRecords } from '../../../stores/build-registry-snapshot';
import { hashSecret } from '../../../registry/secrets';
import type { TestSubgraphOptions } from '../../../__tests__/helpers/start-test-subgraph';

/** Server pepper of the tests. */
export const PEPPER = 'test-pepper-0123456789';

/** `@link` importing `@tag`. */
export const TAG_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@shareable", "@tag"])';

/** People of the users subgraph. */
export const PEOPLE = [
  { id: 'p1', name: '张三', residentId: '320102199001011234', phone: '13812345678', address: '江苏省南京市玄武区中山路1号' },
  { id: 'p2', name: '欧阳娜娜', residentId: '11010519491231002X', phone: '13900001111', address: '北京市朝阳区建国路88号' },
];

/** Where the users subgraph finds the gateway's JWKS (set once the gateway listens). */
export const gatewayJwks: { url?: string } = {};

/** The users subgraph. `whoAmI` verifies the context token with jose and returns its claims. */
export const USERS: Omit<TestSubgraphOptions, 'name'> = {
  federationLink: TAG_LINK,
  typeDefs: /* GraphQL */ `
    type Query {
      person(id: ID!): Person
      people: [Person!]!
      search: [Result!]!
      node(id: ID!): Node
      whoAmI: Caller
    }
    interface Node { id: ID! }
    union Result = Person | Org
    type Org implements Node @key(fields: "id") {
      id: ID!
      title: String
    }
    type Person implements Node @key(fields: "id") {
      id: ID!
      name: String @tag(name: "govgraph:grade:L2") @tag(name: "govgraph:mask:name")
      residentId: String @tag(name: "govgraph:grade:L3") @tag(name: "govgraph:mask:resident-id")
      phone: String @tag(name: "govgraph:grade:L3") @tag(name: "govgraph:mask:phone")
      address: String @tag(name: "govgraph:grade:L2") @tag(name: "govgraph:mask:address")
      secret: String @tag(name: "govgraph:grade:L4")
    }
    type Caller {
      issuer: String
      audience: String
      applicationId: String
      userSubject: String
      purpose: String
      requestId: String
      expiresIn: Int
    }
  `,
  resolvers: {
    Query: {
      person: (_: unknown, { id }: { id: string }) => PEOPLE.find((p) => p.id === id) ?? null,
      people: () => PEOPLE,
      search: () => [{ __typename: 'Person', ...PEOPLE[0] }, { __typename: 'Org', id: 'o1', title: '南京市政务服务中心' }],
      node: (_: unknown, { id }: { id: string }) => (id === 'o1' ? { __typename: 'Org', id: 'o1', title: '南京市政务服务中心' } : { __typename: 'Person', ...PEOPLE.find((p) => p.id === id) }),
      whoAmI: async (_: unknown, __: unknown, context: unknown) => {
        const token = (context as { request: Request }).request.headers.get('x-govgraph-context') ?? '';
        const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(gatewayJwks.url ?? 'http://127.0.0.1:1/')), {
          issuer: 'govgraph-gateway',
          audience: 'users',
        });
        return {
          issuer: payload.iss,
          audience: payload.aud,
          applicationId: payload.sub,
          userSubject: payload['usr'],
          purpose: payload['pur'],
          requestId: payload['rid'],
          expiresIn: (payload.exp ?? 0) - (payload.iat ?? 0),
        };
      },
    },
    Result: { __resolveType: (value: { __typename: string }) => value.__typename },
    Node: { __resolveType: (value: { __typename: string }) => value.__typename },
    Person: { __resolveReference: (ref: { id: string }) => PEOPLE.find((p) => p.id === ref.id) ?? null },
    Org: { __resolveReference: (ref: { id: string }) => ({ id: ref.id, title: '南京市政务服务中心' }) },
  },
};

/** The licences subgraph. */
export const LICENCES: Omit<TestSubgraphOptions, 'name'> = {
  federationLink: TAG_LINK,
  typeDefs: /* GraphQL */ `
    type Query { licence(number: ID!): Licence }
    type Licence @key(fields: "number") {
      number: ID!
      title: String
      holder: Person
    }
    type Person @key(fields: "id") {
      id: ID!
      licences: [Licence!]
    }
  `,
  resolvers: {
    Query: { licence: (_: unknown, { number }: { number: string }) => ({ number, title: '营业执照', holderId: 'p1' }) },
    Licence: { holder: (licence: { holderId: string }) => ({ __typename: 'Person', id: licence.holderId }) },
    Person: {
      __resolveReference: (ref: { id: string }) => ref,
      licences: (person: { id: string }) => (person.id === 'p1' ? [{ number: 'L-1', title: '营业执照', holderId: 'p1' }] : []),
    },
  },
};

/** API keys of the test applications. */
export const KEYS = {
  basic: 'gg_basicbasicbasicbasicbasicbasic1',
  unmask: 'gg_unmaskunmaskunmaskunmaskunmask1',
  low: 'gg_lowlowlowlowlowlowlowlowlowlow12',
  none: 'gg_nonenonenonenonenonenonenonenon',
  introspect: 'gg_introspectintrospectintrospect',
  rate: 'gg_raterateraterateraterateraterat',
  quota: 'gg_quotaquotaquotaquotaquotaquotaq',
  endUser: 'gg_enduserenduserenduserenduseren',
  licences: 'gg_licenceslicenceslicenceslicenc',
  suspended: 'gg_suspendedsuspendedsuspendedsus',
  revoked: 'gg_revokedrevokedrevokedrevokedre',
  expired: 'gg_expiredexpiredexpiredexpiredex',
} as const;

function grant(id: string, applicationId: string, targets: string[], overrides: Partial<RegistryGrantRecord> = {}): RegistryGrantRecord {
  return {
    id,
    applicationId,
    targets,
    maxGrade: 'L3',
    purpose: 'service',
    expiresAt: null,
    requestsPerSecond: 1000,
    dailyQuota: 1_000_000,
    requireEndUser: false,
    unmask: [],
    revokedAt: null,
    ...overrides,
  };
}

const PERSON_FIELDS = ['Person.id', 'Person.name', 'Person.phone', 'Person.address', 'Person.residentId'];

/** The registry of the tests. */
export function accessRecords(): RegistryRecords {
  const apps = ['basic', 'unmask', 'low', 'none', 'introspect', 'rate', 'quota', 'endUser', 'licences', 'suspended', 'revoked', 'expired'] as const;
  return {
    applications: apps.map((name) => ({ id: `app-${name}`, name, departmentId: 'dep-1', contact: 'ops@example.gov.cn', status: name === 'suspended' ? 'suspended' : 'active' })),
    credentials: apps.map((name) => ({
      id: `key-${name}`,
      applicationId: `app-${name}`,
      prefix: KEYS[name].slice(0, 8),
      hash: hashSecret(PEPPER, KEYS[name]),
      expiresAt: name === 'expired' ? new Date(Date.now() - 1000) : null,
      revokedAt: name === 'revoked' ? new Date(Date.now() - 1000) : null,
      overlapUntil: null,
    })),
    grants: [
      grant('g-basic', 'app-basic', ['Query.person', 'Query.people', 'Query.whoAmI', ...PERSON_FIELDS, 'Caller.applicationId', 'Caller.userSubject', 'Caller.purpose', 'Caller.requestId', 'Caller.issuer', 'Caller.audience', 'Caller.expiresIn']),
      grant('g-unmask', 'app-unmask', ['subgraph:users'], { maxGrade: 'L4', unmask: ['phone', 'name'] }),
      grant('g-low', 'app-low', ['Query.person', 'Person.id', 'Person.name'], { maxGrade: 'L1', purpose: 'statistics' }),
      grant('g-introspect', 'app-introspect', ['introspection']),
      grant('g-rate', 'app-rate', ['Query.person', 'Person.id'], { requestsPerSecond: 2 }),
      grant('g-quota', 'app-quota', ['Query.person', 'Person.id'], { dailyQuota: 2 }),
      grant('g-end-user', 'app-endUser', ['subgraph:users'], { requireEndUser: true }),
      grant('g-licences', 'app-licences', ['subgraph:licences', 'Query.person', 'Person.id']),
      grant('g-suspended', 'app-suspended', ['subgraph:users']),
      grant('g-revoked', 'app-revoked', ['subgraph:users']),
      grant('g-expired', 'app-expired', ['subgraph:users']),
    ],
    subgraphs: [],
  };
}
