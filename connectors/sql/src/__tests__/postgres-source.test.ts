/**
 * Runs against a real PostgreSQL when GOVGRAPH_TEST_POSTGRES_URL is set
 * (e.g. postgresql://postgres@127.0.0.1:5432/test); each run works in its own
 * schema, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { describeServerDialect } from './helpers/describe-server-dialect';
import { keysetRows } from './keyset-walk';

const baseUrl = process.env['GOVGRAPH_TEST_POSTGRES_URL'];
if (!baseUrl) console.warn('PostgreSQL tests of @govgraph/connector-sql skipped: set GOVGRAPH_TEST_POSTGRES_URL to run them');

const schema = `govgraph_test_${randomBytes(6).toString('hex')}`;

async function admin(work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

describeServerDialect(
  'sqlSource (PostgreSQL)',
  {
    dialect: 'postgres',
    baseUrl,
    defaultPort: 5432,
    setup: () =>
      admin(async (client) => {
        await client.query(`create schema ${schema}`);
        await client.query(`set search_path = ${schema}`);
        await client.query(readFileSync(join(__dirname, 'fixtures', 'seed.sql'), 'utf8'));
        await client.query('create table items (id integer primary key, grp integer not null, label text not null)');
        await client.query('insert into items (id, grp, label) select * from unnest($1::int[], $2::int[], $3::text[])', [
          keysetRows().map((row) => row.id),
          keysetRows().map((row) => row.grp),
          keysetRows().map((row) => row.label),
        ]);
      }),
    teardown: () => admin((client) => client.query(`drop schema if exists ${schema} cascade`)),
    connection: (change) => {
      const url = new URL(baseUrl!);
      change?.(url);
      return { url: url.toString(), schema };
    },
    holderRows: {
      title: 'returns exactly the rows a numbered-parameter statement selects',
      columns: 'id, licence_no, holder_name',
      rows: [
        { id: 1, licence_no: 'JSZ-2019-000001', holder_name: '张伟' },
        { id: 2, licence_no: 'BDCQZ-2020-000002', holder_name: '张伟' },
      ],
    },
    keysBinding: 'in one = any($1) statement',
    splitKeys: [1, 2, 3, 4, 5, 6],
    conflictInsert: {
      text: 'insert into licences (id, licence_no, type_code, holder_id, holder_name, issued_on, status) values ($1, $2, $3, $4, $5, $6, $7)',
      values: [99, 'JSZ-2019-000001', 'JSZ', '110101198001013326', '张伟', '2025-01-01', 'valid'],
    },
    slowStatement: { text: 'select pg_sleep(3)', values: [] },
    timeoutVerb: 'cancels',
    sessionIdStatement: 'select pg_backend_pid() as id',
    badCredentials: {
      title: 'an unknown role',
      change: (u) => void (u.username = 'govgraph_no_such_role'),
      secret: 'password',
    },
    codes: {
      readOnly: '25006',
      duplicateKey: '23505',
      missingTable: '42P01',
      syntaxError: '42601',
      statementTimeout: '57014',
    },
  },
  (startSource) => {
    it('keeps jsonb ? operators and dollar-quoted text as SQL', async () => {
      const source = await startSource();
      const rows = await source.query(`select ('{"a":1}'::jsonb ? $1) as has, $tag$ $2 $tag$ as text`, ['a']);
      expect(rows).toEqual([{ has: true, text: ' $2 ' }]);
    });
  },
);
