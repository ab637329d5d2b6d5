/**
 * Runs against a real PostgreSQL when GOVGRAPH_TEST_POSTGRES_URL is set
 * (e.g. postgresql://postgres@127.0.0.1:5432/test); each run works in its own
 * schema, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
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

const baseUrl = process.env['GOVGRAPH_TEST_POSTGRES_URL'];
const describePostgres = baseUrl ? describe : describe.skip;
if (!baseUrl) console.warn('PostgreSQL tests of @govgraph/connector-sql skipped: set GOVGRAPH_TEST_POSTGRES_URL to run them');

const schema = `govgraph_test_${randomBytes(6).toString('hex')}`;
const started: SqlSource[] = [];

async function startSource(options: Record<string, unknown> = {}): Promise<SqlSource> {
  const source = sqlSource(parseSqlSourceConfig({ name: 'licence-library', url: baseUrl, schema, ...options }));
  await source.start({ logger: createSilentLogger() });
  started.push(source);
  return source;
}

function urlWith(change: (url: URL) => void): string {
  const url = new URL(baseUrl!);
  change(url);
  return url.toString();
}

describePostgres('sqlSource (PostgreSQL)', () => {
  beforeAll(async () => {
    const admin = new Client({ connectionString: baseUrl });
    await admin.connect();
    try {
      await admin.query(`create schema ${schema}`);
      await admin.query(`set search_path = ${schema}`);
      await admin.query(readFileSync(join(__dirname, 'fixtures', 'seed.sql'), 'utf8'));
    } finally {
      await admin.end();
    }
  });

  afterEach(async () => {
    await Promise.all(started.splice(0).map((source) => source.stop()));
  });

  afterAll(async () => {
    const admin = new Client({ connectionString: baseUrl });
    await admin.connect();
    try {
      await admin.query(`drop schema if exists ${schema} cascade`);
    } finally {
      await admin.end();
    }
  });

  it('returns exactly the rows a numbered-parameter statement selects', async () => {
    const source = await startSource();
    const rows = await source.query(
      'select id, licence_no, holder_name from licences where holder_id = $1 and status = $2 order by id',
      ['110101198001013326', 'valid'],
    );
    expect(rows).toEqual([
      { id: 1, licence_no: 'JSZ-2019-000001', holder_name: '张伟' },
      { id: 2, licence_no: 'BDCQZ-2020-000002', holder_name: '张伟' },
    ]);
    expect(source.dialect).toBe('postgres');
  });

  it('looks up keys with = any($1) in one statement, and splits over maxKeysPerStatement', async () => {
    const source = await startSource();
    const rows = await source.queryByKeys(
      'select id from licences where status = $1 and holder_id in ($keys) order by id',
      ['440305200107201555', '110101198001013326', '440305200107201555', '999999999999999999'],
      { params: ['valid'] },
    );
    expect(rows).toEqual([{ id: 1 }, { id: 2 }, { id: 4 }]);
    expect(source.stats().queries).toBe(1);

    const split = await startSource({ maxKeysPerStatement: 4 });
    const ids = await split.queryByKeys<{ id: number }>('select id from licences where id in ($keys)', [1, 2, 3, 4, 5, 6]);
    expect(ids.map((row) => row.id).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(split.stats().queries).toBe(2);
  });

  it('keeps jsonb ? operators and dollar-quoted text as SQL', async () => {
    const source = await startSource();
    const rows = await source.query(`select ('{"a":1}'::jsonb ? $1) as has, $tag$ $2 $tag$ as text`, ['a']);
    expect(rows).toEqual([{ has: true, text: ' $2 ' }]);
  });

  it('opens read-only sessions by default, and maps a unique violation to ConflictError when writable', async () => {
    const readonly = await startSource();
    await expect(readonly.query("update licences set status = 'x' where id = $1", [1])).rejects.toBeInstanceOf(NotSupportedError);

    const writable = await startSource({ readonly: false });
    const error = await writable
      .query('insert into licences (id, licence_no, type_code, holder_id, holder_name, issued_on, status) values ($1, $2, $3, $4, $5, $6, $7)', [
        99,
        'JSZ-2019-000001',
        'JSZ',
        '110101198001013326',
        '张伟',
        '2025-01-01',
        'valid',
      ])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).not.toContain('JSZ-2019-000001');
  });

  it('maps a missing table and a syntax error to UpstreamDataError without SQL text in the message', async () => {
    const source = await startSource();
    for (const [text, dbCode] of [
      ['select id from licences_archive where id = $1', '42P01'],
      ['selec id frm licences where id = $1', '42601'],
    ] as const) {
      const error = await source.query(text, [1]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamDataError);
      expect((error as Error).message).not.toMatch(/licences|selec|127\.0\.0\.1|postgres/);
      expect(((error as UpstreamDataError).cause as SqlFailure).dbCode).toBe(dbCode);
      expect(((error as UpstreamDataError).cause as SqlFailure).statement).toBe(text);
    }
  });

  it('cancels a statement at timeoutMs on the server and keeps the pool usable', async () => {
    const source = await startSource({ timeoutMs: 200, maxConnections: 1 });
    const begun = Date.now();
    const error = await source.query('select pg_sleep(3)').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamTimeoutError);
    expect(((error as UpstreamTimeoutError).cause as SqlFailure).dbCode).toBe('57014');
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
        const outbound = connect(Number(target.port || 5432), target.hostname);
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

    it('gives up on the client side and reports down health', async () => {
      const port = (proxy.address() as { port: number }).port;
      const url = urlWith((u) => {
        u.host = `127.0.0.1:${port}`;
      });
      const source = await startSource({ url, timeoutMs: 300 });
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
    });
  });

  it.each(['asc', 'desc'] as const)('walks 53 rows in keyset pages of 10 %s', async (direction) => {
    const admin = new Client({ connectionString: baseUrl });
    await admin.connect();
    try {
      await admin.query(`create table if not exists ${schema}.items (id integer primary key, grp integer not null, label text not null)`);
      await admin.query(`insert into ${schema}.items (id, grp, label) select * from unnest($1::int[], $2::int[], $3::text[]) on conflict do nothing`, [
        keysetRows().map((row) => row.id),
        keysetRows().map((row) => row.grp),
        keysetRows().map((row) => row.label),
      ]);
    } finally {
      await admin.end();
    }
    const source = await startSource();
    const { ids, pages } = await walkKeyset(source, 'items', direction);
    expect(ids).toEqual(expectedIds(direction));
    expect(pages).toEqual([10, 10, 10, 10, 10, 3]);
  });

  it('answers health with select 1', async () => {
    const source = await startSource();
    await expect(source.checkHealth()).resolves.toMatchObject({ status: 'up' });
    expect(source.stats().queries).toBe(0);
  });

  it.each([
    ['an unknown role', (u: URL) => void (u.username = 'govgraph_no_such_role')],
    ['an unknown database', (u: URL) => void (u.pathname = '/govgraph_no_such_database')],
    ['a closed port', (u: URL) => void (u.host = '127.0.0.1:1')],
  ])('fails start with BadGatewayError for %s, without the URL in the message', async (_case, change) => {
    const source = sqlSource(parseSqlSourceConfig({ name: 'licence-library', url: urlWith(change) }));
    const error = await source.start({ logger: createSilentLogger() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadGatewayError);
    expect((error as Error).message).toBe('SQL source "licence-library" is unavailable');
    expect(((error as BadGatewayError).cause as SqlFailure).target).not.toContain('password');
    await expect(source.checkHealth()).resolves.toMatchObject({ status: 'down' });
  });
});
