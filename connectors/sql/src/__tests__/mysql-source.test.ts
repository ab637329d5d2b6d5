/**
 * Runs against a real MySQL or MariaDB when GOVGRAPH_TEST_MYSQL_URL is set
 * (e.g. mysql://root@127.0.0.1:3306/test); each run works in its own
 * database, dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { describeServerDialect } from './helpers/describe-server-dialect';
import { keysetRows } from './keyset-walk';

const baseUrl = process.env['GOVGRAPH_TEST_MYSQL_URL'];
if (!baseUrl) console.warn('MySQL/MariaDB tests of @govgraph/connector-sql skipped: set GOVGRAPH_TEST_MYSQL_URL to run them');

const database = `govgraph_test_${randomBytes(6).toString('hex')}`;

async function admin<T>(work: (run: (sql: string, values?: unknown[]) => Promise<unknown>) => Promise<T>): Promise<T> {
  const connection = await createConnection({ uri: baseUrl!, charset: 'utf8mb4' });
  try {
    return await work((sql, values) => connection.query(sql, values));
  } finally {
    await connection.end();
  }
}

describeServerDialect(
  'sqlSource (MySQL/MariaDB)',
  {
    dialect: 'mysql',
    baseUrl,
    defaultPort: 3306,
    setup: () =>
      admin(async (run) => {
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
      }),
    teardown: () => admin((run) => run(`drop database if exists ${database}`)),
    connection: (change) => {
      const url = new URL(baseUrl!);
      change?.(url);
      url.pathname = `/${database}`;
      return { url: url.toString() };
    },
    holderRows: {
      title: 'returns exactly the rows a numbered-parameter statement selects, dates and big numbers as strings',
      columns: 'id, licence_no, holder_name, issued_on, fee, serial',
      rows: [
        { id: 1, licence_no: 'JSZ-2019-000001', holder_name: '张伟', issued_on: '2019-03-01', fee: '10.00', serial: '18446744073709551615' },
        { id: 2, licence_no: 'BDCQZ-2020-000002', holder_name: '张伟', issued_on: '2020-06-15', fee: '80.50', serial: '2' },
      ],
    },
    keysBinding: 'in one in (?, …) statement',
    splitKeys: [6, 5, 4, 3, 2, 1, 6],
    conflictInsert: {
      text: "insert into licences values ($1, $2, '110101198001013326', '张伟', '2025-01-01', 1, 1, 'valid')",
      values: [99, 'JSZ-2019-000001'],
    },
    slowStatement: { text: 'select sleep($1) as slept', values: [3] },
    timeoutVerb: 'interrupts',
    sessionIdStatement: 'select connection_id() as id',
    badCredentials: {
      title: 'bad credentials',
      change: (u) => void ((u.username = 'govgraph_no_such_user'), (u.password = 'secret-pw')),
      secret: 'secret-pw',
    },
    codes: {
      readOnly: 'ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION',
      duplicateKey: 'ER_DUP_ENTRY',
      missingTable: 'ER_NO_SUCH_TABLE',
      syntaxError: 'ER_PARSE_ERROR',
      statementTimeout: '1969', // MariaDB's max_statement_time, not the client's timer
    },
  },
  (startSource) => {
    it('binds a placeholder used twice and out of order, and leaves $n in literals, names and comments alone', async () => {
      const source = await startSource();
      const rows = await source.query(
        "select $2 as b, $1 + 0 as a, 'it\\'s $3' as s, `id` as `$4`, $1 * 2 as c /* $5 */ # $6\n from licences where id = $1 -- $7",
        [1, 'two'],
      );
      expect(rows).toEqual([{ b: 'two', a: 1, s: "it's $3", $4: 1, c: 2 }]);
      await expect(source.query('select id from licences where id = ?', [1])).rejects.toThrow(TypeError);
    });
  },
);
