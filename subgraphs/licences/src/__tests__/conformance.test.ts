/**
 * The SDK's conformance kit against the licences subgraph, over a seeded
 * SQLite licence library: real licence numbers, the SQL source's statement
 * count for batching, and another connection's exclusive lock on the
 * database for failures and timeouts.
 *
 * Readiness needs a second suite: the SQLite source's health probe
 * (`select 1`) reads no table, so it answers while the database is locked,
 * and a stopped SQL source cannot be started again. The health suite
 * therefore breaks the library by stopping its source, which is the last
 * thing that suite does.
 */
import Database from 'better-sqlite3';
import { describeConformance, type ConformanceSpec } from '@govgraph/sdk/testing';
import { ACME, DELTA, LI, LICENCE_TYPES, LICENCES, WANG, ZHANG, createTestLibrary, startSubgraph } from './fixtures/licence-fixtures';

const TIMEOUT_MS = 200;

const ENTITIES: ConformanceSpec['entities'] = {
  Licence: { number: { found: LICENCES.slice(0, 4).map((licence) => licence.number), missing: 'JS-LT0002-2010-999999' } },
  LicenceType: { code: { found: LICENCE_TYPES.slice(0, 3).map((type) => type.code), missing: 'LT-9999' } },
  // Owned by the users subgraph; this one only adds `licences`, so every reference resolves here.
  Person: { idNumber: { found: [ZHANG, LI, WANG], missing: false } },
  Enterprise: { creditCode: { found: [ACME, DELTA], missing: false } },
};

describeConformance('licences subgraph conformance', async () => {
  const library = await createTestLibrary();
  const writer = new Database(library.path);
  writer.pragma('journal_mode = DELETE'); // in WAL mode readers never wait for a writer
  const subgraph = await startSubgraph(library.url, { timeoutMs: TIMEOUT_MS });
  const lock = (): void => {
    writer.exec('begin exclusive');
  };
  return {
    target: { subgraph },
    spec: {
      entities: ENTITIES,
      countCalls: () => subgraph.licenceDb.stats().queries,
      breakUpstream: lock,
      slowUpstream: lock,
      restoreUpstream: () => {
        if (writer.inTransaction) writer.exec('rollback');
      },
      upstreamQuery: { query: `{ licence(number: "${LICENCES[0]!.number}") { number status } }` },
      badArgumentQuery: { query: '{ licence(number: "") { number } }' },
      timeoutMs: TIMEOUT_MS,
      secrets: [library.path],
    },
    teardown: async () => {
      await subgraph.stop();
      writer.close();
      await library.remove();
    },
  };
}, { groups: ['federation', 'entities', 'batching', 'errors', 'timeouts'] });

describeConformance('licences subgraph readiness conformance', async () => {
  const library = await createTestLibrary();
  const subgraph = await startSubgraph(library.url, { timeoutMs: TIMEOUT_MS });
  return {
    target: { subgraph },
    spec: {
      entities: ENTITIES,
      breakUpstream: () => subgraph.licenceDb.stop(),
      // A stopped SQL source does not restart; nothing runs after the not-ready check.
      restoreUpstream: () => undefined,
    },
    teardown: async () => {
      await subgraph.stop();
      await library.remove();
    },
  };
}, { groups: ['health'] });
