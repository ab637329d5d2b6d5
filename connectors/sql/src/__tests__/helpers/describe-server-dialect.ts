/**
 * The cases every server dialect (PostgreSQL, MySQL/MariaDB) must pass against
 * a real server: parameters, key lookups, keyset pages, read-only sessions,
 * error mapping, server- and client-side timeouts, health and failed starts.
 * Each dialect's test file gives what differs (setup, error codes, SQL it
 * alone speaks) and keeps its dialect-only cases to itself.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import {
  BadGatewayError,
  ConflictError,
  NotSupportedError,
  UpstreamDataError,
  UpstreamTimeoutError,
  createSilentLogger,
} from '@govgraph/sdk';
import { parseSqlSourceConfig, sqlSource, type SqlSource } from '../../index';
import type { SqlFailure } from '../../mapping';
import { expectedIds, walkKeyset } from '../keyset-walk';

/** A statement and its parameters. */
export interface DialectStatement {
  readonly text: string;
  readonly values: readonly unknown[];
}

/** What a server dialect's suite needs to know: where its server is, how to seed it and what it answers. */
export interface ServerDialectCase {
  /** `source.dialect` of a source on this server. */
  readonly dialect: string;
  /** The server's URL (from the environment); the suite is skipped when undefined. */
  readonly baseUrl: string | undefined;
  /** The port a URL without one means, for the freezing proxy. */
  readonly defaultPort: number;
  /** Creates the run's own database or schema with `licences` (the seed) and `items` (`keysetRows()`). */
  setup(): Promise<unknown>;
  /** Drops what `setup` created. */
  teardown(): Promise<unknown>;
  /** The source options that reach the run's database or schema, on a URL that `change` may alter. */
  connection(change?: (url: URL) => void): Record<string, unknown>;
  /** The first case: columns of `licences` selected for holder 110101198001013326 and the rows expected. */
  readonly holderRows: { readonly title: string; readonly columns: string; readonly rows: readonly Record<string, unknown>[] };
  /** How `$keys` reaches the server, for the key lookup case's title. */
  readonly keysBinding: string;
  /** Keys (ids 1–6) of the lookup split by `maxKeysPerStatement: 4`. */
  readonly splitKeys: readonly number[];
  /** An insert of a licence with id `$1` and licence number `$2` in this server's `licences` table. */
  readonly conflictInsert: DialectStatement;
  /** A statement that runs for about 3 s. */
  readonly slowStatement: DialectStatement;
  /** What the timeout case says the server does to the slow statement ('interrupts', 'cancels'). */
  readonly timeoutVerb: string;
  /** The current session's id, as a column `id`. */
  readonly sessionIdStatement: string;
  /** Bad credentials for a failed start, and the secret they carry that a failure must not show. */
  readonly badCredentials: { readonly title: string; readonly change: (url: URL) => void; readonly secret: string };
  /** The server's error codes as `SqlFailure.dbCode`. */
  readonly codes: {
    readonly readOnly: string;
    readonly duplicateKey: string;
    readonly missingTable: string;
    readonly syntaxError: string;
    readonly statementTimeout: string;
  };
}

/** Registers `describe(name)` with the shared cases, or skips it when the server's URL is not set. */
export function describeServerDialect(name: string, dialect: ServerDialectCase, dialectOnly?: (startSource: StartSource) => void): void {
  const { baseUrl, codes } = dialect;
  const started: SqlSource[] = [];

  function urlWith(change: (url: URL) => void): string {
    const url = new URL(baseUrl!);
    change(url);
    return url.toString();
  }

  const startSource: StartSource = async (options = {}) => {
    const source = sqlSource(parseSqlSourceConfig({ name: 'licence-library', ...dialect.connection(), ...options }));
    await source.start({ logger: createSilentLogger() });
    started.push(source);
    return source;
  };

  (baseUrl ? describe : describe.skip)(name, () => {
    beforeAll(() => dialect.setup());

    afterEach(async () => {
      await Promise.all(started.splice(0).map((source) => source.stop()));
    });

    afterAll(() => dialect.teardown());

    it(dialect.holderRows.title, async () => {
      const source = await startSource();
      const rows = await source.query(
        `select ${dialect.holderRows.columns} from licences where holder_id = $1 and status = $2 order by id`,
        ['110101198001013326', 'valid'],
      );
      expect(rows).toEqual(dialect.holderRows.rows);
      expect(source.dialect).toBe(dialect.dialect);
    });

    it(`looks up keys with duplicates ${dialect.keysBinding}, and splits over maxKeysPerStatement`, async () => {
      const source = await startSource();
      const rows = await source.queryByKeys(
        'select id from licences where status = $1 and holder_id in ($keys) order by id',
        ['440305200107201555', '110101198001013326', '440305200107201555', '999999999999999999'],
        { params: ['valid'] },
      );
      expect(rows).toEqual([{ id: 1 }, { id: 2 }, { id: 4 }]);
      expect(source.stats().queries).toBe(1);

      const split = await startSource({ maxKeysPerStatement: 4 });
      const ids = await split.queryByKeys<{ id: number }>('select id from licences where id in ($keys)', [...dialect.splitKeys]);
      expect(ids.map((row) => row.id).sort()).toEqual([1, 2, 3, 4, 5, 6]);
      expect(split.stats().queries).toBe(2);
    });

    it.each(['asc', 'desc'] as const)('walks 53 rows in keyset pages of 10 %s', async (direction) => {
      const source = await startSource();
      const { ids, pages } = await walkKeyset(source, 'items', direction);
      expect(ids).toEqual(expectedIds(direction));
      expect(pages).toEqual([10, 10, 10, 10, 10, 3]);
    });

    it('opens read-only sessions by default, and maps a duplicate key to ConflictError when writable', async () => {
      const readonly = await startSource();
      const refused = await readonly.query("update licences set status = 'x' where id = $1", [1]).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(NotSupportedError);
      expect(((refused as NotSupportedError).cause as SqlFailure).dbCode).toBe(codes.readOnly);

      const writable = await startSource({ readonly: false });
      await expect(writable.query('update licences set status = status where id = $1', [1])).resolves.toEqual([]);
      const error = await writable.query(dialect.conflictInsert.text, [...dialect.conflictInsert.values]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as Error).message).not.toContain('JSZ-2019-000001');
      expect(((error as ConflictError).cause as SqlFailure).dbCode).toBe(codes.duplicateKey);
    });

    it('maps a missing table and a syntax error to UpstreamDataError without SQL text in the message', async () => {
      const source = await startSource();
      const user = new URL(baseUrl!).username;
      for (const [text, dbCode] of [
        ['select id from licences_archive where id = $1', codes.missingTable],
        ['selec id frm licences where id = $1', codes.syntaxError],
      ] as const) {
        const error = await source.query(text, [1]).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(UpstreamDataError);
        expect((error as Error).message).not.toMatch(new RegExp(`licences|selec|127\\.0\\.0\\.1|${user}`));
        expect(((error as UpstreamDataError).cause as SqlFailure).dbCode).toBe(dbCode);
        expect(((error as UpstreamDataError).cause as SqlFailure).statement).toBe(text);
      }
      expect(source.stats()).toEqual({ queries: 2, failures: 2, timeouts: 0 });
    });

    it(`${dialect.timeoutVerb} a statement at timeoutMs on the server and keeps the pool usable`, async () => {
      const source = await startSource({ timeoutMs: 200, maxConnections: 1 });
      const begun = Date.now();
      const error = await source.query(dialect.slowStatement.text, [...dialect.slowStatement.values]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamTimeoutError);
      // The server's own timeout, not the client's timer.
      expect(((error as UpstreamTimeoutError).cause as SqlFailure).dbCode).toBe(codes.statementTimeout);
      expect(Date.now() - begun).toBeLessThan(1500);
      expect(source.stats()).toEqual({ queries: 1, failures: 1, timeouts: 1 });
      await expect(source.query('select 1 as one')).resolves.toEqual([{ one: 1 }]);
    });

    describe('when the server stops answering', () => {
      let proxy: Server;
      let frozen = false;
      const sockets = new Set<Socket>();

      beforeAll(async () => {
        const target = new URL(baseUrl!);
        proxy = createServer((inbound) => {
          const outbound = connect(Number(target.port || dialect.defaultPort), target.hostname);
          sockets.add(inbound).add(outbound);
          inbound.on('data', (chunk) => frozen || outbound.write(chunk));
          outbound.on('data', (chunk) => frozen || inbound.write(chunk));
          const close = (): void => {
            inbound.destroy();
            outbound.destroy();
          };
          inbound.on('close', close).on('error', close);
          outbound.on('close', close).on('error', close);
        });
        await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      });

      afterAll(async () => {
        for (const socket of sockets) socket.destroy();
        await new Promise((resolve) => proxy.close(resolve));
      });

      it('gives up on the client side, destroys that connection and reports down health', async () => {
        const port = (proxy.address() as { port: number }).port;
        const connection = dialect.connection((u) => {
          u.host = `127.0.0.1:${port}`;
        });
        const source = await startSource({ ...connection, timeoutMs: 300, maxConnections: 1 });
        const [before] = await source.query<{ id: string }>(dialect.sessionIdStatement);
        frozen = true;
        try {
          const begun = Date.now();
          const error = await source.query('select 1').catch((e: unknown) => e);
          expect(error).toBeInstanceOf(UpstreamTimeoutError);
          expect(Date.now() - begun).toBeLessThan(2000);
          expect(source.stats().timeouts).toBe(1);
          await expect(source.checkHealth()).resolves.toMatchObject({ status: 'down' });
        } finally {
          frozen = false;
        }
        // The connection that timed out was destroyed: the next statement runs on a new session.
        const [after] = await source.query<{ id: string }>(dialect.sessionIdStatement);
        expect(after!.id).not.toEqual(before!.id);
      });
    });

    it('answers health with select 1', async () => {
      const source = await startSource();
      await expect(source.checkHealth()).resolves.toMatchObject({ status: 'up' });
      expect(source.stats().queries).toBe(0);
      await source.stop();
      await expect(source.checkHealth()).resolves.toEqual({ status: 'down', detail: 'stopped' });
    });

    it.each([
      [dialect.badCredentials.title, dialect.badCredentials.change],
      ['an unknown database', (u: URL) => void (u.pathname = '/govgraph_no_such_database')],
      ['a closed port', (u: URL) => void (u.host = '127.0.0.1:1')],
    ])('fails start with BadGatewayError for %s, without the URL in the message', async (_case, change) => {
      const source = sqlSource(parseSqlSourceConfig({ name: 'licence-library', url: urlWith(change) }));
      const error = await source.start({ logger: createSilentLogger() }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BadGatewayError);
      expect((error as Error).message).toBe('SQL source "licence-library" is unavailable');
      expect(((error as BadGatewayError).cause as SqlFailure).target).not.toContain(dialect.badCredentials.secret);
      await expect(source.checkHealth()).resolves.toMatchObject({ status: 'down' });
    });

    dialectOnly?.(startSource);
  });
}

/** Starts a source on the dialect's test database with `options` over the defaults; the suite stops it after the case. */
export type StartSource = (options?: Record<string, unknown>) => Promise<SqlSource>;
