/**
 * The kit and a subgraph that only extends an entity owned elsewhere (no
 * root query): the federation group composes it with a Query stub, and a
 * key's `selection` makes the entity, batching and error checks reach the
 * legacy system through the extension field.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { checkSubgraphConformance, type ConformanceReport, type ConformanceSpec } from '..';

const EXTENSION_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
  type Person @key(fields: "idNumber") { idNumber: String! badge: Badge }
  type Badge { colour: String! }
`;

interface Badges {
  calls: number;
  down: boolean;
}

/**
 * Serves the extension: `Person.badge` asks a counted "legacy system", one call per
 * person (`batched: false`) or one per tick for all persons of the request.
 */
async function serveExtension(options: { batched: boolean; sdl?: string }): Promise<{ url: string; badges: Badges; close(): Promise<void> }> {
  const badges: Badges = { calls: 0, down: false };
  let pending: Array<() => void> | undefined;
  const fetchBadge = (idNumber: string): Promise<{ colour: string }> =>
    new Promise((resolve, reject) => {
      const answer = () => (badges.down ? reject(new GraphQLError('badge registry unavailable', { extensions: { code: 'CONN_UPSTREAM_UNAVAILABLE' } })) : resolve({ colour: idNumber.endsWith('1') ? 'red' : 'blue' }));
      if (!options.batched) {
        badges.calls += 1;
        setImmediate(answer);
        return;
      }
      if (!pending) {
        pending = [];
        badges.calls += 1;
        setImmediate(() => {
          const waiting = pending ?? [];
          pending = undefined;
          waiting.forEach((each) => each());
        });
      }
      pending.push(answer);
    });
  const schema = buildSubgraphSchema({
    typeDefs: parse(options.sdl ?? EXTENSION_SDL),
    resolvers: { Person: { __resolveReference: (reference: { idNumber: string }) => reference, badge: (person: { idNumber: string }) => fetchBadge(person.idNumber) } } as never,
  });
  const server = createServer(createYoga({ schema, logging: false, maskedErrors: false }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    badges,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function specFor(badges: Badges, selection?: string): ConformanceSpec {
  return {
    entities: { Person: { idNumber: { found: ['P-0001', 'P-0002', 'P-0003'], missing: false, ...(selection ? { selection } : {}) } } },
    countCalls: () => badges.calls,
    breakUpstream: () => {
      badges.down = true;
    },
    restoreUpstream: () => {
      badges.down = false;
    },
  };
}

function failed(report: ConformanceReport) {
  return report.checks.filter((each) => !each.passed).map((each) => ({ name: each.name, problem: each.problem }));
}

describe('the conformance kit and an extension-only subgraph', () => {
  it('composes an SDL without a root query with a Query stub, and says so in the check', async () => {
    const served = await serveExtension({ batched: true });
    try {
      const report = await checkSubgraphConformance({ url: served.url }, { ...specFor(served.badges), groups: ['federation'] });
      expect(failed(report)).toEqual([]);
      expect(report.checks.map((each) => each.name)).toContain('the SDL composes with a stub subgraph (type Query { _conformance: Boolean }): it defines no root query of its own');
      expect(report.checks.map((each) => each.name)).not.toContain('the SDL composes on its own');
    } finally {
      await served.close();
    }
  });

  it('reports the other composition errors of an extension-only SDL, found with the stub', async () => {
    const sdl = EXTENSION_SDL.replace('import: ["@key"]', 'import: ["@key", "@external", "@requires"]').replace(
      'badge: Badge }',
      'badge: Badge weight: Int @external price: Int @requires(fields: "weight") }',
    );
    const served = await serveExtension({ batched: true, sdl });
    try {
      const report = await checkSubgraphConformance({ url: served.url }, { ...specFor(served.badges), groups: ['federation'] });
      expect(failed(report)).toEqual([
        {
          name: 'the SDL composes with a stub subgraph (type Query { _conformance: Boolean }): it defines no root query of its own',
          problem: expect.stringMatching(/^composition fails with 1 error\(s\): Field "Person\.weight" is marked @external on all the subgraphs/),
        },
      ]);
      expect(failed(report)[0]?.problem).not.toContain('No queries found');
    } finally {
      await served.close();
    }
  });

  it('without a selection, the key-only _entities queries never reach the legacy system', async () => {
    const served = await serveExtension({ batched: false });
    try {
      const report = await checkSubgraphConformance({ url: served.url }, { ...specFor(served.badges), groups: ['entities', 'batching', 'errors'] });
      expect(served.badges.calls).toBe(0);
      // The error check has no query that reaches the source (every key is missing: false, none has a selection).
      expect(failed(report)).toEqual([
        { name: 'a broken legacy system fails with registry codes and no internals', problem: 'no query that touches the legacy system — supply upstreamQuery (or entity samples)' },
      ]);
    } finally {
      await served.close();
    }
  });

  it('with a selection, the batching check catches one legacy call per reference', async () => {
    const served = await serveExtension({ batched: false });
    try {
      const report = await checkSubgraphConformance({ url: served.url }, { ...specFor(served.badges, 'badge { colour }'), groups: ['batching'] });
      expect(failed(report)).toEqual([
        {
          name: 'Person @key(fields: "idNumber"): N references cost at most ⌈N / 100⌉ legacy calls',
          problem: expect.stringMatching(/^Person @key\(fields: "idNumber"\): 3 references cost 3 calls to the legacy system, at most 1 allowed .*; 250 references cost 250 calls/),
        },
      ]);
    } finally {
      await served.close();
    }
  });

  it('with a selection, a batched extension passes the entity, batching and error checks, which reach the legacy system', async () => {
    const served = await serveExtension({ batched: true });
    try {
      const report = await checkSubgraphConformance({ url: served.url }, { ...specFor(served.badges, 'badge { colour }'), groups: ['entities', 'batching', 'errors'] });
      expect(failed(report)).toEqual([]);
      expect(served.badges.calls).toBeGreaterThan(5);
      expect(report.checks.find((each) => each.name === 'a broken legacy system fails with registry codes and no internals')).toEqual({
        group: 'errors',
        name: 'a broken legacy system fails with registry codes and no internals',
        passed: true,
      });
    } finally {
      await served.close();
    }
  });

  it('surfaces an error at a selected field as that representation\'s error', async () => {
    const served = await serveExtension({ batched: true });
    served.badges.down = true;
    try {
      const report = await checkSubgraphConformance({ url: served.url }, { ...specFor(served.badges, 'badge { colour }'), groups: ['entities'] });
      expect(failed(report)[0]).toEqual({
        name: 'Person @key(fields: "idNumber"): found keys resolve with __typename and their key values',
        problem: expect.stringContaining('representation 0 (idNumber "P-0001") answered an error: CONN_UPSTREAM_UNAVAILABLE: badge registry unavailable'),
      });
    } finally {
      await served.close();
    }
  });

  it('refuses an empty selection', async () => {
    await expect(checkSubgraphConformance({ url: 'http://127.0.0.1:9/graphql' }, { entities: { Person: { idNumber: { found: ['P-0001'], selection: ' ' } } } })).rejects.toThrow(
      'checkSubgraphConformance: invalid spec (1 problem(s)): entities.Person["idNumber"].selection must be a non-empty selection of fields',
    );
  });
});
