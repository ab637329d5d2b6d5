/**
 * Runs against a real MySQL or MariaDB when GOVGRAPH_TEST_MYSQL_URL is set
 * (e.g. mysql://root@127.0.0.1:3306/test); each run works in its own
 * database, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { createConnection } from 'mysql2/promise';
import {
  BadGatewayError,
  ConflictError,
  NotSupportedError,
  UpstreamDataError,
  UpstreamTimeoutError,
  createSilentLogger,
} from '@govgraph/sdk';
import { parseSqlSourceConfig, sqlSource, type SqlSource } from '../index';
import type { SqlFailure } from '../mapping';
import { expectedIds, keysetRows, walkKeyset } from './keyset-walk';

const baseUrl = process.env['GOVGRAPH_TEST_MYSQL_URL'];
const describeMysql = baseUrl ? describe : describe.skip;
if (!baseUrl) console.warn('MySQL/MariaDB tests of @govgraph/connector-sql skipped: set GOVGRAPH_TEST_MYSQL_URL to run them');

const database = `govgraph_test_${randomBytes(6).toString('hex')}`;
const started: SqlSource[] = [];

function urlWith(change: (url: URL) => void): string {
  const url = new URL(baseUrl!);
  change(url);
  return url.toString();
}

const testUrl = (): string =>
  urlWith((u) => {
    u.pathname = `/${database}`;
  });

async function startSource(options: Record<string, unknown> = {}): Promise<SqlSource> {
  const source = sqlSource(parseSqlSourceConfig({ name: 'licence-library', url: testUrl(), ...options }));
  await source.start({ logger: createSilentLogger() });
  started.push(source);
  return source;
}

async function admin<T>(work: (run: (sql: string, values?: unknown[]) => Promise<unknown>) => Promise<T>): Promise<T> {
  const connection = await createConnection({ uri: baseUrl!, charset: 'utf8mb4' });
  try {
    return await work((sql, values) => connection.query(sql, values));
  } finally {
    await connection.end();
  }
}

describeMysql('sqlSource (MySQL/MariaDB)', () => {
  beforeAll(async () => {
    await admin(async (run) => {
      await run(`create database ${database} character set utf8mb4`);
      await run(`use ${database}`);
      await run(`create table licences (
        id integer primary key,
        licence_no varchar(40) not null unique,
        holder_id varchar(18) not null,
        holder_name varchar(40) not null,
        issued_on date not null,
        fee decimal(10, 2) not null,
        serial bigint unsigned not null,
        status varchar(16) not null
      )`);
      await run(`insert into licences values
        (1, 'JSZ-2019-000001', '110101198001013326', '张伟', '2019-03-01', 10.00, 18446744073709551615, 'valid'),
        (2, 'BDCQZ-2020-000002', '110101198001013326', '张伟', '2020-06-15', 80.50, 2, 'valid'),
        (3, 'JSZ-2021-000003', '310104199203159711', '李娜', '2021-01-20', 10.00, 3, 'revoked'),
        (4, 'JSZ-2022-000004', '440305200107201555', '王芳', '2022-09-09', 10.00, 4, 'valid'),
        (5, 'BDCQZ-2023-000005', '330106197511114053', '刘洋', '2023-12-31', 80.50, 5, 'valid'),
        (6, 'JSZ-2024-000006', '510107198808086676', '陈静', '2024-05-05', 10.00, 6, 'expired')`);
      await run('create table items (id integer primary key, grp integer not null, label varchar(20) not null)');
      await run('insert into items (id, grp, label) values ?', [keysetRows().map((row) => [row.id, row.grp, row.label])]);
    });
  });

  afterEach(async () => {
    await Promise.all(started.splice(0).map((source) => source.stop()));
  });

  afterAll(async () => {
    await admin((run) => run(`drop database if exists ${database}`));
  });

  it('returns exactly the rows a numbered-parameter statement selects, dates and big numbers as strings', async () => {
    const source = await startSource();
    const rows = await source.query(
      'select id, licence_no, holder_name, issued_on, fee, serial from licences where holder_id = $1 and status = $2 order by id',
      ['110101198001013326', 'valid'],
    );
    expect(rows).toEqual([
      { id: 1, licence_no: 'JSZ-2019-000001', holder_name: '张伟', issued_on: '2019-03-01', fee: '10.00', serial: '18446744073709551615' },
      { id: 2, licence_no: 'BDCQZ-2020-000002', holder_name: '张伟', issued_on: '2020-06-15', fee: '80.50', serial: '2' },
    ]);
    expect(source.dialect).toBe('mysql');
  });

  it('binds a placeholder used twice and out of order, and leaves $n in literals, names and comments alone', async () => {
    const source = await startSource();
    const rows = await source.query(
      "select $2 as b, $1 + 0 as a, 'it\\'s $3' as s, `id` as `$4`, $1 * 2 as c /* $5 */ # $6\n from licences where id = $1 -- $7",
      [1, 'two'],
    );
    expect(rows).toEqual([{ b: 'two', a: 1, s: "it's $3", $4: 1, c: 2 }]);
    await expect(source.query('select id from licences where id = ?', [1])).rejects.toThrow(TypeError);
  });

  it('looks up keys with duplicates in one in (?, …) statement, and splits over maxKeysPerStatement', async () => {
    const source = await startSource();
    const rows = await source.queryByKeys(
      'select id from licences where status = $1 and holder_id in ($keys) order by id',
      ['440305200107201555', '110101198001013326', '440305200107201555', '999999999999999999'],
      { params: ['valid'] },
    );
    expect(rows).toEqual([{ id: 1 }, { id: 2 }, { id: 4 }]);
    expect(source.stats().queries).toBe(1);

    const split = await startSource({ maxKeysPerStatement: 4 });
    const ids = await split.queryByKeys<{ id: number }>('select id from licences where id in ($keys)', [6, 5, 4, 3, 2, 1, 6]);
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
    expect(((refused as NotSupportedError).cause as SqlFailure).dbCode).toBe('ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION');

    const writable = await startSource({ readonly: false });
    await expect(writable.query('update licences set status = status where id = $1', [1])).resolves.toEqual([]);
    const error = await writable
      .query("insert into licences values ($1, $2, '110101198001013326', '张伟', '2025-01-01', 1, 1, 'valid')", [99, 'JSZ-2019-000001'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).not.toContain('JSZ-2019-000001');
    expect(((error as ConflictError).cause as SqlFailure).dbCode).toBe('ER_DUP_ENTRY');
  });

  it('maps a missing table and a syntax error to UpstreamDataError without SQL text in the message', async () => {
    const source = await startSource();
    for (const [text, dbCode] of [
      ['select id from licences_archive where id = $1', 'ER_NO_SUCH_TABLE'],
      ['selec id frm licences where id = $1', 'ER_PARSE_ERROR'],
    ] as const) {
      const error = await source.query(text, [1]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamDataError);
      expect((error as Error).message).not.toMatch(/licences|selec|127\.0\.0\.1|root/);
      expect(((error as UpstreamDataError).cause as SqlFailure).dbCode).toBe(dbCode);
      expect(((error as UpstreamDataError).cause as SqlFailure).statement).toBe(text);
    }
    expect(source.stats()).toEqual({ queries: 2, failures: 2, timeouts: 0 });
  });

  it('interrupts a statement at timeoutMs on the server and keeps the pool usable', async () => {
    const source = await startSource({ timeoutMs: 200, maxConnections: 1 });
    const begun = Date.now();
    const error = await source.query('select sleep($1) as slept', [3]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamTimeoutError);
    expect(((error as UpstreamTimeoutError).cause as SqlFailure).dbCode).toBe('1969'); // MariaDB's max_statement_time, not the client's timer
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
        const outbound = connect(Number(target.port || 3306), target.hostname);
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
      const url = urlWith((u) => {
        u.host = `127.0.0.1:${port}`;
        u.pathname = `/${database}`;
      });
      const source = await startSource({ url, timeoutMs: 300, maxConnections: 1 });
      const [before] = await source.query<{ id: string }>('select connection_id() as id');
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
      const [after] = await source.query<{ id: string }>('select connection_id() as id');
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
    ['bad credentials', (u: URL) => void ((u.username = 'govgraph_no_such_user'), (u.password = 'secret-pw'))],
    ['an unknown database', (u: URL) => void (u.pathname = '/govgraph_no_such_database')],
    ['a closed port', (u: URL) => void (u.host = '127.0.0.1:1')],
  ])('fails start with BadGatewayError for %s, without the URL in the message', async (_case, change) => {
    const source = sqlSource(parseSqlSourceConfig({ name: 'licence-library', url: urlWith(change) }));
    const error = await source.start({ logger: createSilentLogger() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadGatewayError);
    expect((error as Error).message).toBe('SQL source "licence-library" is unavailable');
    expect(((error as BadGatewayError).cause as SqlFailure).target).not.toContain('secret-pw');
    await expect(source.checkHealth()).resolves.toMatchObject({ status: 'down' });
  });
});
