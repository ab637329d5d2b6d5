import { BadRequestError, UpstreamDataError, createSilentLogger } from '@govgraph/sdk';
import { parseSqlSourceConfig, sqlSource, type SqlSource } from '../index';
import { parseStatement } from '../statement';
import { planKeysetQuery } from '../keyset';
import { expectedIds, keysetRows, walkKeyset } from './keyset-walk';

let source: SqlSource;

beforeAll(async () => {
  source = sqlSource(parseSqlSourceConfig({ name: 'catalog', url: 'sqlite::memory:' }));
  await source.start({ logger: createSilentLogger() });
  await source.query('create table items (id integer primary key, grp integer not null, label text not null, note text)');
  for (const row of keysetRows()) {
    await source.query('insert into items (id, grp, label, note) values ($1, $2, $3, $4)', [row.id, row.grp, row.label, row.id === 7 ? null : 'x']);
  }
});

afterAll(async () => {
  await source.stop();
});

const page = (overrides: Record<string, unknown> = {}) =>
  source.queryKeyset({
    text: 'select id, grp from items',
    keys: [
      { column: 'grp', direction: 'asc' },
      { column: 'id', direction: 'asc' },
    ],
    limit: 10,
    ...overrides,
  });

describe('queryKeyset (SQLite)', () => {
  it.each(['asc', 'desc'] as const)('walks 53 rows in pages of 10 %s, none missing or repeated', async (direction) => {
    const { ids, pages } = await walkKeyset(source, 'items', direction);
    expect(ids).toEqual(expectedIds(direction));
    expect(pages).toEqual([10, 10, 10, 10, 10, 3]);
  });

  it('returns the first page exactly, and no cursor when the last page is full', async () => {
    const first = await page();
    expect(first.rows).toEqual(expectedIds('asc').slice(0, 10).map((id) => ({ id, grp: 6 - (id % 7) })));
    expect(first.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    const all = await page({ limit: 53 });
    expect(all.rows).toHaveLength(53);
    expect(all.nextCursor).toBeNull();
    const one = await page({ limit: 1, keys: [{ column: 'id', direction: 'desc' }] });
    expect(one.rows).toEqual([{ id: 53, grp: 6 - (53 % 7) }]);
  });

  it('refuses order by, limit and offset at the top level, but not inside parentheses or strings', async () => {
    const before = source.stats();
    for (const text of ['select id, grp from items order by id', 'select id, grp from items limit 5', 'select id, grp from items LIMIT 5 OFFSET 2', 'select id, grp from items; delete from items']) {
      await expect(page({ text })).rejects.toThrow(TypeError);
    }
    expect(source.stats()).toEqual(before);
    const windowed = await page({
      text: "select id, grp, row_number() over (order by id) as n, 'order by x limit 1' as s from items where id in (select id from items order by id limit 60) -- limit",
      limit: 2,
    });
    expect(windowed.rows).toEqual([
      { id: 6, grp: 0, n: 6, s: 'order by x limit 1' },
      { id: 13, grp: 0, n: 13, s: 'order by x limit 1' },
    ]);
  });

  it('refuses key columns that are not plain identifiers, mixed directions and no keys', async () => {
    await expect(page({ keys: [{ column: 'id) > 0 or (1', direction: 'asc' }] })).rejects.toThrow(/plain identifier/);
    await expect(page({ keys: [{ column: 'id"; drop table items; --', direction: 'asc' }] })).rejects.toThrow(TypeError);
    await expect(page({ keys: [{ column: 'id', direction: 'up' }] })).rejects.toThrow(TypeError);
    await expect(
      page({
        keys: [
          { column: 'grp', direction: 'asc' },
          { column: 'id', direction: 'desc' },
        ],
      }),
    ).rejects.toThrow(/same direction/);
    await expect(page({ keys: [] })).rejects.toThrow(TypeError);
    await expect(page({ text: 'select id from items where id in ($keys)' })).rejects.toThrow(TypeError);
  });

  it.each([0, 1001, 2.5, Number.NaN])('refuses limit %p with BadRequestError', async (limit) => {
    await expect(page({ limit })).rejects.toBeInstanceOf(BadRequestError);
  });

  it('refuses malformed, forged and foreign cursors with BadRequestError before sending anything', async () => {
    const { nextCursor } = await page();
    const decoded = JSON.parse(Buffer.from(nextCursor!, 'base64url').toString('utf8')) as { q: string; k: unknown[] };
    const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const before = source.stats();
    const bad = [
      'not a cursor!',
      '',
      encode('just a string'),
      Buffer.from('{"q":').toString('base64url'),
      encode({ ...decoded, k: [1] }),
      encode({ ...decoded, k: [1, { $gt: 1 }] }),
      encode({ ...decoded, k: [1, { date: 'yesterday' }] }),
      encode({ ...decoded, q: 'AAAAAAAAAAAAAAAA' }),
      encode({ ...decoded, extra: true }),
      'A'.repeat(5000),
    ];
    for (const after of bad) {
      const error = await page({ after }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BadRequestError);
      expect((error as Error).message).toBe('The pagination cursor is not valid for this query');
    }
    // A cursor of another listing (other keys) is foreign too.
    await expect(page({ after: nextCursor, keys: [{ column: 'id', direction: 'asc' }] })).rejects.toBeInstanceOf(BadRequestError);
    expect(source.stats()).toEqual(before);
  });

  it('reports a null key value in the last row of a page as UpstreamDataError', async () => {
    const text = 'select id, nullif(id, 7) as maybe from items where id between 6 and 8';
    // SQLite sorts null first: row 7 ends a page of one, and a null cannot be a cursor.
    const error = await page({ text, keys: [{ column: 'maybe', direction: 'asc' }], limit: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamDataError);
    expect((error as UpstreamDataError).details).toEqual({ source: 'catalog', column: 'maybe' });
  });
});

describe('planKeysetQuery', () => {
  it('wraps the statement, numbering the cursor values after the caller\'s parameters, quoted per dialect', () => {
    const query = {
      text: 'select id, grp from items where grp = $1 and id <> $1',
      params: [3],
      keys: [
        { column: 'grp', direction: 'desc' as const },
        { column: 'id', direction: 'desc' as const },
      ],
      limit: 10,
    };
    const first = planKeysetQuery(query, parseStatement(query.text), 'postgres');
    expect(first.text).toBe(`select * from (\n${query.text}\n) as govgraph_keyset order by "grp" desc, "id" desc limit 11`);
    const cursor = Buffer.from(JSON.stringify({ q: first.fingerprint, k: [3, 17] })).toString('base64url');
    const next = planKeysetQuery({ ...query, after: cursor }, parseStatement(query.text, 'mysql'), 'mysql');
    expect(next.text).toBe(
      `select * from (\n${query.text}\n) as govgraph_keyset where (\`grp\`, \`id\`) < ($2, $3) order by \`grp\` desc, \`id\` desc limit 11`,
    );
    expect(next.params).toEqual([3, 3, 17]);
  });
});
