import { ConfigError } from '@govgraph/sdk';
import { parseSqlSourceConfig } from '../index';

function problemsOf(input: unknown): string {
  try {
    parseSqlSourceConfig(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
}

describe('parseSqlSourceConfig', () => {
  it('applies the SQLite defaults and freezes the result', () => {
    const config = parseSqlSourceConfig({ name: 'licence-library', url: 'file:/var/lib/licences/licences.db' });
    expect(config).toEqual({
      name: 'licence-library',
      url: 'file:/var/lib/licences/licences.db',
      dialect: 'sqlite',
      filename: '/var/lib/licences/licences.db',
      readonly: true,
      timeoutMs: 5000,
      maxKeysPerStatement: 500,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('decodes percent-encoded file URLs', () => {
    const config = parseSqlSourceConfig({ name: 'licence-library', url: 'file:///data/%E8%AF%81%E7%85%A7/a%20b.db' });
    expect(config).toMatchObject({ dialect: 'sqlite', filename: '/data/证照/a b.db' });
  });

  it('makes an in-memory SQLite database writable by default', () => {
    expect(parseSqlSourceConfig({ name: 'scratch', url: 'sqlite::memory:' })).toMatchObject({ filename: ':memory:', readonly: false });
  });

  it('applies the PostgreSQL defaults', () => {
    const config = parseSqlSourceConfig({ name: 'licence-library', url: 'postgres://reader@db.internal:5432/licences' });
    expect(config).toEqual({
      name: 'licence-library',
      url: 'postgres://reader@db.internal:5432/licences',
      dialect: 'postgres',
      readonly: true,
      timeoutMs: 5000,
      maxKeysPerStatement: 500,
      maxConnections: 10,
      schema: undefined,
    });
  });

  it('accepts the string values an environment gives', () => {
    const config = parseSqlSourceConfig({
      name: 'licence-library',
      url: 'postgresql://reader@db.internal/licences',
      readonly: 'false',
      timeoutMs: '2500',
      maxConnections: ' 4 ',
      schema: 'licences,public',
    });
    expect(config).toMatchObject({ readonly: false, timeoutMs: 2500, maxConnections: 4, schema: 'licences,public' });
  });

  it('reports every problem at once, naming the option and the value', () => {
    const message = problemsOf({ name: '', url: 'mssql://sa@db/licences', timeoutMs: -1, maxKeysPerStatement: 1.5, timeout: 10 });
    expect(message).toMatch(/^Invalid SQL source config: /);
    expect(message).toContain('name: must be 1–64 letters');
    expect(message).toContain('url: must be file:/absolute/path.db, sqlite::memory:, postgresql://user@host:port/database or mysql://');
    expect(message).toContain('"mssql://sa@db/licences"');
    expect(message).toContain('timeoutMs: must be at least 1 (got -1)');
    expect(message).toContain('maxKeysPerStatement: must be an integer (got 1.5)');
    expect(message).toContain('timeout: is not a known option');
  });

  it('lists the problems as details', () => {
    try {
      parseSqlSourceConfig({ url: 'sqlite::memory:' });
    } catch (error) {
      expect((error as ConfigError).details).toEqual({ problems: [{ option: 'name', problem: 'is required' }] });
      return;
    }
    throw new Error('expected a ConfigError');
  });

  it('never shows a password from the URL', () => {
    const message = problemsOf({ name: 'x', url: 'postgresql://reader:s3cret@db.internal', timeoutMs: 0 });
    expect(message).toContain('postgresql://reader:***@db.internal');
    expect(message).not.toContain('s3cret');
  });

  it('refuses relative and remote file URLs', () => {
    expect(problemsOf({ name: 'x', url: 'file:licences.db' })).toContain('url:');
    expect(problemsOf({ name: 'x', url: 'file://fileserver/share/licences.db' })).toContain('url:');
    expect(problemsOf({ name: 'x', url: '/var/lib/licences.db' })).toContain('url:');
  });

  it('refuses PostgreSQL-only options for SQLite, and a read-only in-memory database', () => {
    const message = problemsOf({ name: 'x', url: 'sqlite::memory:', readonly: true, maxConnections: 5, schema: 'public' });
    expect(message).toContain('maxConnections: applies to PostgreSQL only (got 5)');
    expect(message).toContain('schema: applies to PostgreSQL only (got "public")');
    expect(message).toContain('readonly: an in-memory SQLite database cannot be read-only');
  });

  it('applies the MySQL/MariaDB defaults for mysql:// and mariadb:// URLs', () => {
    for (const url of ['mysql://reader@db.internal:3306/licences', 'mariadb://reader:pw@db.internal/licences']) {
      expect(parseSqlSourceConfig({ name: 'licence-library', url, maxConnections: '4' })).toEqual({
        name: 'licence-library',
        url,
        dialect: 'mysql',
        readonly: true,
        timeoutMs: 5000,
        maxKeysPerStatement: 500,
        maxConnections: 4,
      });
    }
  });

  it('refuses a MySQL URL without a database, and the PostgreSQL schema option for MySQL', () => {
    expect(problemsOf({ name: 'x', url: 'mysql://reader@db.internal' })).toContain('url:');
    expect(problemsOf({ name: 'x', url: 'mysql://reader@db.internal/a/b' })).toContain('url:');
    expect(problemsOf({ name: 'x', url: 'mysql://reader:s3cret@db/x', schema: 'public' })).toContain('schema: applies to PostgreSQL only');
    expect(problemsOf({ name: 'x', url: 'mysql://reader:s3cret@db/x', schema: 'public' })).not.toContain('s3cret');
  });

  it('refuses a schema that could inject session options', () => {
    expect(problemsOf({ name: 'x', url: 'postgresql://db/x', schema: 'a -c role=admin' })).toContain('schema: must be a comma-separated list');
  });

  it('refuses input that is not an object', () => {
    expect(problemsOf(undefined)).toContain('is required');
    expect(problemsOf('postgresql://db/x')).toContain('must be an object');
  });
});
