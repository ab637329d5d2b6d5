import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import {
  BadGatewayError,
  NotSupportedError,
  UpstreamDataError,
  UpstreamTimeoutError,
  createSilentLogger,
  runInRequestScope,
} from '@govgraph/sdk';
import { parseSqlSourceConfig, sqlSource, type SqlSource } from '../index';
import type { SqlFailure } from '../mapping';
import { createRecordingLogger } from '@govgraph/sdk/testing';

interface LicenceRow {
  id: number;
  licence_no: string;
  holder_id: string;
  holder_name: string;
  status: string;
}

const seed = readFileSync(join(__dirname, 'fixtures', 'seed.sql'), 'utf8');
let dir: string;
let dbPath: string;
const started: SqlSource[] = [];

function fileUrl(path: string): string {
  return pathToFileURL(path).href;
}

async function startSource(options: Record<string, unknown> = {}, logger = createSilentLogger()): Promise<SqlSource> {
  const source = sqlSource(parseSqlSourceConfig({ name: 'licence-library', url: fileUrl(dbPath), ...options }));
  await source.start({ logger });
  started.push(source);
  return source;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'govgraph-sql-'));
  dbPath = join(dir, 'licences.db');
  const db = new Database(dbPath);
  db.exec(seed);
  db.close();
});

afterEach(async () => {
  await Promise.all(started.splice(0).map((source) => source.stop()));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('sqlSource (SQLite)', () => {
  it('returns exactly the rows a numbered-parameter statement selects', async () => {
    const source = await startSource();
    const rows = await source.query<LicenceRow>(
      'select id, licence_no, holder_name, status from licences where holder_id = $1 and status = $2 order by id',
      ['110101198001013326', 'valid'],
    );
    expect(rows).toEqual([
      { id: 1, licence_no: 'JSZ-2019-000001', holder_name: '张伟', status: 'valid' },
      { id: 2, licence_no: 'BDCQZ-2020-000002', holder_name: '张伟', status: 'valid' },
    ]);
    expect(source.kind).toBe('sql');
    expect(source.dialect).toBe('sqlite');
  });

  it('binds a placeholder used twice, and leaves $n inside literals and comments alone', async () => {
    const source = await startSource();
    const rows = await source.query<{ a: number; b: string; c: number }>(
      "select $1 + 0 as a, '$2 stays text' as b /* $3 */ , $1 * 2 as c -- $4",
      [21],
    );
    expect(rows).toEqual([{ a: 21, b: '$2 stays text', c: 42 }]);
  });

  it('binds booleans, dates and null the way SQLite stores them', async () => {
    const source = await startSource();
    const rows = await source.query('select $1 as yes, $2 as day, $3 as missing', [true, new Date('2024-01-02T03:04:05.000Z'), null]);
    expect(rows).toEqual([{ yes: 1, day: '2024-01-02T03:04:05.000Z', missing: null }]);
  });

  it('looks up unordered keys with duplicates in one statement', async () => {
    const source = await startSource();
    const before = source.stats().queries;
    const rows = await source.queryByKeys<LicenceRow>(
      'select id, holder_id from licences where holder_id in ($keys) order by id',
      ['440305200107201555', '110101198001013326', '440305200107201555', '999999999999999999'],
    );
    expect(rows).toEqual([
      { id: 1, holder_id: '110101198001013326' },
      { id: 2, holder_id: '110101198001013326' },
      { id: 4, holder_id: '440305200107201555' },
    ]);
    expect(source.stats().queries - before).toBe(1);
  });

  it('binds other parameters next to the key list', async () => {
    const source = await startSource();
    const rows = await source.queryByKeys<{ id: number }>(
      'select id from licences where status = $1 and holder_id in ($keys) order by id',
      ['310104199203159711', '110101198001013326'],
      { params: ['valid'] },
    );
    expect(rows).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('splits more keys than maxKeysPerStatement over several statements', async () => {
    const source = await startSource({ maxKeysPerStatement: 2 });
    const before = source.stats().queries;
    const rows = await source.queryByKeys<{ id: number }>('select id from licences where id in ($keys)', [6, 5, 4, 3, 2, 1, 6]);
    expect(rows.map((row) => row.id).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(source.stats().queries - before).toBe(3);
  });

  it('answers an empty key list without a statement', async () => {
    const source = await startSource();
    const before = source.stats();
    await expect(source.queryByKeys('select id from licences where id in ($keys)', [])).resolves.toEqual([]);
    expect(source.stats()).toEqual(before);
  });

  it('rejects misuse of the statement language before sending anything', async () => {
    const source = await startSource();
    const before = source.stats();
    await expect(source.query('select * from licences where id = $1', [])).rejects.toThrow(TypeError);
    await expect(source.query('select * from licences where id = $2', [1, 2])).rejects.toThrow(/\$1 is missing/);
    await expect(source.query('select * from licences where id = ?', [1])).rejects.toThrow(TypeError);
    await expect(source.query('select $1', [{ not: 'bindable' }])).rejects.toThrow(TypeError);
    await expect(source.query('select * from licences where id in ($keys)')).rejects.toThrow(/queryByKeys/);
    await expect(source.queryByKeys('select * from licences where id = $keys', [1])).rejects.toThrow(/in \(\$keys\)/);
    await expect(source.queryByKeys('select * from licences', [1])).rejects.toThrow(TypeError);
    await expect(source.queryByKeys('select * from licences where id in ($keys)', [Number.NaN])).rejects.toThrow(TypeError);
    expect(source.stats()).toEqual(before);
  });

  it('refuses writes when read-only (the default) and allows them when not', async () => {
    const readonly = await startSource();
    const error = await readonly.query("update licences set status = 'revoked' where id = $1", [1]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotSupportedError);
    expect(readonly.stats()).toEqual({ queries: 1, failures: 1, timeouts: 0 });

    const writable = await startSource({ readonly: false });
    await expect(writable.query('update licences set status = status where id = $1', [1])).resolves.toEqual([]);
    const [row] = await readonly.query<{ status: string }>('select status from licences where id = $1', [1]);
    expect(row).toEqual({ status: 'valid' });
  });

  it('maps a syntax error and a missing table to UpstreamDataError without SQL text in the message', async () => {
    const source = await startSource();
    for (const text of ['selec id frm licences where id = $1', 'select id from licences_archive where id = $1']) {
      const error = await source.query(text, [1]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamDataError);
      const { message, cause } = error as UpstreamDataError;
      expect(message).toContain('licence-library');
      expect(message).not.toMatch(/licences|selec|frm|archive|\.db/);
      expect((cause as SqlFailure).statement).toBe(text);
      expect((cause as SqlFailure).dbCode).toBe('SQLITE_ERROR');
      expect((cause as SqlFailure).message).toMatch(/syntax error|no such table/);
    }
    expect(source.stats()).toEqual({ queries: 2, failures: 2, timeouts: 0 });
  });

  it('fails start with BadGatewayError when the file is missing, without the path in the message', async () => {
    const missing = join(dir, 'no-such.db');
    const source = sqlSource(parseSqlSourceConfig({ name: 'licence-library', url: fileUrl(missing) }));
    const error = await source.start({ logger: createSilentLogger() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadGatewayError);
    expect((error as Error).message).not.toContain(dir);
    expect(((error as BadGatewayError).cause as SqlFailure).target).toBe(missing);
    await expect(source.query('select 1')).rejects.toBeInstanceOf(BadGatewayError);
    await expect(source.checkHealth()).resolves.toMatchObject({ status: 'down' });
  });

  it('fails start with BadGatewayError when the file is not a database', async () => {
    const notDb = join(dir, 'export.csv');
    writeFileSync(notDb, 'this,is,not\na,sqlite,database\n'.repeat(200));
    const source = sqlSource(parseSqlSourceConfig({ name: 'licence-library', url: fileUrl(notDb) }));
    await expect(source.start({ logger: createSilentLogger() })).rejects.toBeInstanceOf(BadGatewayError);
  });

  it('reports a lock held past timeoutMs as UpstreamTimeoutError', async () => {
    const source = await startSource({ timeoutMs: 50 });
    const writer = new Database(dbPath);
    writer.exec('begin exclusive');
    try {
      const error = await source.query('select count(*) as n from licences').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamTimeoutError);
      expect(source.stats()).toEqual({ queries: 1, failures: 1, timeouts: 1 });
    } finally {
      writer.exec('rollback');
      writer.close();
    }
    await expect(source.query('select count(*) as n from licences')).resolves.toEqual([{ n: 6 }]);
  });

  it('logs one debug line per statement with operation, rows, duration and request id', async () => {
    const logger = createRecordingLogger();
    const source = await startSource({}, logger);
    await runInRequestScope({ requestId: 'req-42', logger }, () =>
      source.queryByKeys('select id from licences where id in ($keys)', [1, 2], { operation: 'licencesById' }),
    );
    const lines = logger.lines.filter((line) => line.msg === 'sql statement');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.level).toBe('debug');
    expect(lines[0]!.fields).toMatchObject({ source: 'licence-library', operation: 'licencesById', rows: 2, requestId: 'req-42' });
    expect(lines[0]!.fields['durationMs']).toEqual(expect.any(Number));
    expect(JSON.stringify(logger.lines)).not.toContain('110101198001013326');
  });

  it('works with an in-memory database', async () => {
    const source = sqlSource(parseSqlSourceConfig({ name: 'scratch', url: 'sqlite::memory:' }));
    await source.start({ logger: createSilentLogger() });
    started.push(source);
    await source.query('create table t (id integer primary key, name text)');
    await source.query('insert into t (id, name) values ($1, $2), ($3, $4)', [1, '甲', 2, '乙']);
    await expect(source.queryByKeys('select name from t where id in ($keys) order by id', [2, 1])).resolves.toEqual([
      { name: '甲' },
      { name: '乙' },
    ]);
  });

  it('answers health, and stops idempotently', async () => {
    const source = await startSource();
    await expect(source.checkHealth()).resolves.toMatchObject({ status: 'up', latencyMs: expect.any(Number) });
    expect(source.stats().queries).toBe(0);
    await source.stop();
    await source.stop();
    await expect(source.checkHealth()).resolves.toEqual({ status: 'down', detail: 'stopped' });
    await expect(source.query('select 1')).rejects.toThrow(/stopped/);
  });
});
