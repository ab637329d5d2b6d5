import { assertConformance, checkSubgraphConformance, formatConformanceReport, type ConformanceReport, type ConformanceSpec } from '..';
import {
  buildItemsSubgraph,
  droppingEntities,
  oneCallPerReference,
  RAW_ITEM_SDL,
  reorderingEntities,
  serveRawSubgraph,
  type ItemEntities,
} from './tiny-subgraphs';

function specFor(registry: ReturnType<typeof buildItemsSubgraph>['registry']): ConformanceSpec {
  return {
    entities: { Item: { code: { found: ['A-0001', 'B-0002', 'C-0003'], missing: 'Z-0009' } } },
    countCalls: () => registry.calls(),
    breakUpstream: () => {
      registry.faults.down = true;
    },
    slowUpstream: () => {
      registry.faults.slow = true;
    },
    restoreUpstream: () => {
      registry.faults.down = false;
      registry.faults.slow = false;
    },
    upstreamQuery: { query: '{ item(code: "A-0001") { title } }' },
    badArgumentQuery: { query: '{ item(code: "not a code") { title } }' },
    timeoutMs: 100,
    timeoutMarginMs: 500,
  };
}

function failed(report: ConformanceReport) {
  return report.checks.filter((each) => !each.passed).map((each) => ({ name: each.name, problem: each.problem }));
}

async function checkItems(entities: ItemEntities, change: (spec: ConformanceSpec) => ConformanceSpec = (spec) => spec) {
  const { subgraph, registry } = buildItemsSubgraph(entities);
  return checkSubgraphConformance({ subgraph }, change(specFor(registry)));
}

describe('checkSubgraphConformance', () => {
  it('passes every check of a correct subgraph, skipping none', async () => {
    const { subgraph, registry } = buildItemsSubgraph();
    const report = await checkSubgraphConformance({ subgraph }, specFor(registry));
    expect(failed(report)).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.checks.filter((each) => each.skipped)).toEqual([]);
    expect(report.checks.map((each) => each.group)).toEqual(expect.arrayContaining(['federation', 'entities', 'batching', 'errors', 'timeouts', 'health']));
    expect(report.checks).toContainEqual({ group: 'entities', name: 'Item @key(fields: "code"): a missing key answers null in its place', passed: true });
    expect(() => assertConformance(report)).not.toThrow();
  });

  it('generates a missing key in the samples\' format when none is supplied', async () => {
    const report = await checkItems(batchedEntitiesOf(), (spec) => ({ ...spec, entities: { Item: { code: ['A-0001', 'B-0002'] } }, groups: ['entities'] }));
    expect(failed(report)).toEqual([]);
  });

  it('names a batch resolver that drops missing keys, with the fix', async () => {
    const served = await serveRawSubgraph(RAW_ITEM_SDL, { entities: droppingEntities });
    try {
      const report = await checkSubgraphConformance({ url: served.url }, { entities: { Item: { code: { found: ['A-0001', 'B-0002'], missing: 'Z-0009' } } }, groups: ['federation', 'entities'] });
      expect(report.passed).toBe(false);
      expect(report.checks.find((each) => each.name.endsWith('a missing key answers null in its place'))?.problem).toBe(
        'Item @key(fields: "code"): _entities returned 2 results for 3 representations — a batch function must return one value per key, in key order (use createBatchLoader or the entities option)',
      );
      expect(report.checks.filter((each) => each.group === 'federation').every((each) => each.passed)).toBe(true);
    } finally {
      await served.close();
    }
  });

  it('names a batch resolver that reorders answers, with the fix', async () => {
    const report = await checkItems(reorderingEntities, (spec) => ({ ...spec, groups: ['entities'] }));
    const order = report.checks.find((each) => each.name === 'Item @key(fields: "code"): answers come in representation order');
    expect(order?.passed).toBe(false);
    expect(order?.problem).toMatch(/^Item @key\(fields: "code"\): /);
    expect(order?.problem).toContain(
      'answer 2 is the record of representation 3 (code "A-0001"), not of code "B-0002" — answers must be in representation order: a batch function must return one value per key, in key order (use createBatchLoader or the entities option)',
    );
  });

  it('names a resolver that calls the legacy system once per reference', async () => {
    const report = await checkItems(oneCallPerReference, (spec) => ({ ...spec, groups: ['batching'] }));
    expect(failed(report)).toEqual([
      {
        name: 'Item @key(fields: "code"): N references cost at most ⌈N / 100⌉ legacy calls',
        problem: expect.stringMatching(/^Item @key\(fields: "code"\): 4 references cost 4 calls to the legacy system, at most 1 allowed \(⌈4 \/ 100⌉\) — resolve references in batches.*; 250 references cost 250 calls to the legacy system, at most 3 allowed/),
      },
    ]);
  });

  it('names an error message that leaks a URL, with the fix', async () => {
    const { subgraph, registry } = buildItemsSubgraph();
    registry.faults.leakyMessage = 'GET http://10.1.2.3:8080/items failed';
    const report = await checkSubgraphConformance({ subgraph }, { ...specFor(registry), groups: ['errors'] });
    expect(failed(report)).toEqual([
      {
        name: 'a broken legacy system fails with registry codes and no internals',
        problem: expect.stringContaining('errors show internals to clients: a URL ("http://10.1.2.3:8080/items") in "GET http://10.1.2.3:8080/items failed"'),
      },
    ]);
    expect(failed(report)[0]?.problem).toContain('pass the original as `cause`');
  });

  it('names an SDL that does not compose, listing the composition errors', async () => {
    // A field @required from an @external field that no subgraph resolves.
    const sdl = RAW_ITEM_SDL.replace('import: ["@key"]', 'import: ["@key", "@external", "@requires"]').replace(
      'title: String!',
      'title: String! weight: Int @external price: Int @requires(fields: "weight")',
    );
    const served = await serveRawSubgraph(sdl);
    try {
      const report = await checkSubgraphConformance({ url: served.url }, { entities: { Item: { code: ['A-0001'] } }, groups: ['federation'] });
      expect(failed(report)).toEqual([
        {
          name: 'the SDL composes on its own',
          problem:
            'composition fails with 1 error(s): Field "Item.weight" is marked @external on all the subgraphs in which it is listed (subgraph "subgraph"). — ' +
            'fix the type-graphql classes (or SDL) these errors name; the gateway would refuse the same supergraph',
        },
      ]);
    } finally {
      await served.close();
    }
  });

  it('names entity keys the spec lists but the SDL does not declare, and keys without samples', async () => {
    const report = await checkItems(batchedEntitiesOf(), (spec) => ({ ...spec, entities: { Item: { id: ['1'] }, Thing: { id: ['1'] } }, groups: ['federation', 'entities'] }));
    expect(failed(report)).toEqual([
      {
        name: 'every entity type and key of the spec is declared',
        problem:
          'the spec names Item @key(fields: "id") but the SDL declares Item @key(fields: "code") — name the key exactly as its fields argument is written, or declare the key; ' +
          'the spec names entity type Thing but the SDL declares no @key on it — add @Directive(\'@key(fields: "…")\') to the type (and it to the entities option), or remove it from the spec',
      },
      {
        name: 'Item @key(fields: "code"): sample keys supplied',
        problem: expect.stringContaining('no sample key values in the spec — add entities: { Item: { "code": ['),
      },
    ]);
  });

  it('fails the timeout check when the legacy call is not bounded by the timeout', async () => {
    const report = await checkItems(batchedEntitiesOf(), (spec) => ({ ...spec, timeoutMs: 20, timeoutMarginMs: 10, groups: ['timeouts'] }));
    expect(failed(report)).toEqual([
      { name: 'a legacy system that does not answer fails with CONN_UPSTREAM_TIMEOUT within timeoutMs + 10 ms', problem: expect.stringMatching(/^no answer within 30 ms \(timeoutMs 20 \+ 10\) — bound every legacy call/) },
    ]);
  });

  it('skips what needs hooks the department did not give, and refuses an invalid spec listing every problem', async () => {
    const { subgraph } = buildItemsSubgraph();
    const report = await checkSubgraphConformance({ subgraph }, { entities: { Item: { code: ['A-0001', 'B-0002'] } } });
    expect(report.passed).toBe(true);
    expect(report.checks.filter((each) => each.skipped).map((each) => each.skipped)).toEqual([
      'no countCalls hook',
      'no breakUpstream/restoreUpstream hooks',
      'no badArgumentQuery',
      'no slowUpstream/restoreUpstream hooks',
      'no breakUpstream/restoreUpstream hooks',
    ]);
    await expect(checkSubgraphConformance({ subgraph }, { entities: {}, maxBatchSize: 0, breakUpstream: () => {} })).rejects.toThrow(
      'checkSubgraphConformance: invalid spec (2 problem(s)): maxBatchSize must be a positive integer, got 0; breakUpstream and slowUpstream need restoreUpstream',
    );
  });
});

describe('formatConformanceReport and assertConformance', () => {
  const report: ConformanceReport = {
    target: 'items',
    passed: false,
    checks: [
      { group: 'federation', name: '_service { sdl } answers', passed: true },
      { group: 'entities', name: 'Item: order', passed: false, problem: 'answers must be in representation order' },
      { group: 'batching', name: 'N references', passed: true, skipped: 'no countCalls hook' },
      { group: 'health', name: '/healthz answers 200', passed: false, problem: '/healthz answered 404, not 200' },
    ],
  };

  it('formats one line per check with failures explained', () => {
    expect(formatConformanceReport(report)).toBe(
      [
        'Conformance of items: FAILED (1 passed, 2 failed, 1 skipped)',
        '  ✓ [federation] _service { sdl } answers',
        '  ✗ [entities] Item: order',
        '      answers must be in representation order',
        '  - [batching] N references (skipped: no countCalls hook)',
        '  ✗ [health] /healthz answers 200',
        '      /healthz answered 404, not 200',
      ].join('\n'),
    );
  });

  it('throws one error listing every failed check', () => {
    expect(() => assertConformance(report)).toThrow(
      'items does not conform (2 of 4 checks failed):\n✗ [entities] Item: order\n    answers must be in representation order\n✗ [health] /healthz answers 200\n    /healthz answered 404, not 200',
    );
  });
});

function batchedEntitiesOf(): ItemEntities {
  return () => ({ byKey: { code: { load: (codes, ctx) => ctx.sources.registry.findByCodes(codes) } } });
}
