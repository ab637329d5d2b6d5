import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';
import { createGateway } from '../../app';
import { isGatewayError, type GatewayError } from '../../errors';
import { closedPortUrl } from '../../__tests__/helpers/closed-port-url';
import { USERS_SUBGRAPH } from '../../__tests__/helpers/fixtures';
import { createMemoryLogger } from '../../__tests__/helpers/memory-logger';
import { startTestSubgraph, type TestSubgraph } from '../../__tests__/helpers/start-test-subgraph';
import { composeSupergraphFromSubgraphs } from '../compose-from-subgraphs';
import type { CompositionProblem } from '../describe-composition-errors';

/** A second owner of `Person.name`, with another type and no @shareable. */
const CONFLICTING_REGISTRY = {
  typeDefs: /* GraphQL */ `
    type Query {
      registeredPerson(id: ID!): Person
    }
    type Person @key(fields: "id") {
      id: ID!
      name: Int
    }
  `,
  resolvers: { Query: { registeredPerson: () => null } },
};

async function rejection(promise: Promise<unknown>): Promise<GatewayError> {
  try {
    await promise;
  } catch (error) {
    if (isGatewayError(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('composing the supergraph from subgraphs at start', () => {
  const started: TestSubgraph[] = [];
  const logger = createMemoryLogger().logger;

  afterAll(async () => {
    await Promise.all(started.map((subgraph) => subgraph.stop()));
  });

  async function start(name: string, definition: typeof USERS_SUBGRAPH): Promise<TestSubgraph> {
    const subgraph = await startTestSubgraph({ name, ...definition });
    started.push(subgraph);
    return subgraph;
  }

  it('rejects createGateway with a report naming subgraph, type and field of each composition error', async () => {
    const users = await start('users', USERS_SUBGRAPH);
    const registry = await start('registry', CONFLICTING_REGISTRY);

    const error = await rejection(
      createGateway(
        { supergraph: { kind: 'subgraphs', subgraphs: [{ name: 'users', url: users.url }, { name: 'registry', url: registry.url }] } },
        { logger },
      ),
    );

    expect(error.code).toBe('GW_SUPERGRAPH_COMPOSITION_FAILED');
    expect(error.message).toMatch(/^Supergraph composition failed with 2 errors:\n1\. /);
    expect(error.message).toContain('FIELD_TYPE_MISMATCH at Person.name');
    expect(error.message).toContain('INVALID_FIELD_SHARING at Person.name');
    expect(error.message).toMatch(/- subgraph "users", Person\.name \(line \d+, column \d+\)/);
    expect(error.message).toMatch(/- subgraph "registry", Person\.name \(line \d+, column \d+\)/);
    const problems = error.details?.['problems'] as CompositionProblem[];
    const mismatch = problems.find((p) => p.code === 'FIELD_TYPE_MISMATCH');
    expect(mismatch?.message).toContain('"Int" in subgraph "registry"');
    expect(mismatch?.locations.map((l) => [l.subgraph, l.coordinate]).sort()).toEqual([
      ['registry', 'Person.name'],
      ['users', 'Person.name'],
    ]);
  });

  it('names every subgraph that does not answer, with its URL', async () => {
    const users = await start('users', USERS_SUBGRAPH);
    const licencesUrl = await closedPortUrl();
    const casesUrl = await closedPortUrl();

    const error = await rejection(
      composeSupergraphFromSubgraphs({
        subgraphs: [
          { name: 'users', url: users.url },
          { name: 'licences', url: licencesUrl },
          { name: 'cases', url: casesUrl },
        ],
        timeoutMs: 2000,
        logger,
      }),
    );

    expect(error.code).toBe('GW_SUPERGRAPH_UNAVAILABLE');
    expect(error.message).toContain('2 subgraphs did not give their SDL');
    expect(error.message).toContain(`Subgraph "licences" at ${licencesUrl}`);
    expect(error.message).toContain(`Subgraph "cases" at ${casesUrl}`);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).not.toContain('"users"');
  });

  it('says so when a URL is a GraphQL server but not a federation subgraph', async () => {
    const plain = createServer(
      createYoga({ schema: createSchema({ typeDefs: 'type Query { hello: String }' }), logging: false }),
    );
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(plain.address() as AddressInfo).port}/graphql`;
    try {
      const error = await rejection(composeSupergraphFromSubgraphs({ subgraphs: [{ name: 'plain', url }], timeoutMs: 2000, logger }));

      expect(error.code).toBe('GW_SUPERGRAPH_UNAVAILABLE');
      expect(error.message).toContain(`Subgraph "plain" at ${url}`);
      expect(error.message).toContain('Cannot query field "_service"');
      expect(error.message).toContain('is it a Federation subgraph?');
    } finally {
      plain.closeAllConnections();
      await new Promise<void>((resolve) => plain.close(() => resolve()));
    }
  });
});
