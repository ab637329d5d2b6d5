import { ConfigError } from '@govgraph/sdk';
import { parseLicencesSubgraphConfig } from '..';

describe('parseLicencesSubgraphConfig', () => {
  it('applies the defaults to a SQLite library', () => {
    expect(parseLicencesSubgraphConfig({ licenceDbUrl: 'file:/var/lib/govgraph/licences.db' })).toEqual({
      port: 4003,
      host: '127.0.0.1',
      logLevel: 'info',
      licenceDb: {
        name: 'licence-library',
        url: 'file:/var/lib/govgraph/licences.db',
        dialect: 'sqlite',
        filename: '/var/lib/govgraph/licences.db',
        readonly: true,
        timeoutMs: 5000,
        maxKeysPerStatement: 500,
      },
    });
  });

  it('uses the licence_library schema for PostgreSQL unless told otherwise, and accepts strings from the environment', () => {
    const config = parseLicencesSubgraphConfig({
      port: '4100',
      host: '0.0.0.0',
      logLevel: 'debug',
      licenceDbUrl: 'postgresql://reader:secret@db.internal:5432/licences',
      timeoutMs: '2500',
    });
    expect(config).toMatchObject({
      port: 4100,
      host: '0.0.0.0',
      logLevel: 'debug',
      licenceDb: { dialect: 'postgres', schema: 'licence_library', timeoutMs: 2500, readonly: true },
    });
    expect(parseLicencesSubgraphConfig({ licenceDbUrl: 'postgres://reader@db:5432/l', licenceDbSchema: 'licences_2026' }).licenceDb).toMatchObject({
      schema: 'licences_2026',
    });
  });

  it('returns a frozen config', () => {
    const config = parseLicencesSubgraphConfig({ licenceDbUrl: 'file:/tmp/l.db' });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.licenceDb)).toBe(true);
  });

  it('reports every problem at once, naming the option and its value, with the password hidden', () => {
    let error: unknown;
    try {
      parseLicencesSubgraphConfig({ port: '70000', logLevel: 'loud', licenceDbUrl: 'oracle://root:hunter2@db/licences', timeoutMs: 0, colour: 'blue' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe('SDK_CONFIG_INVALID');
    const message = (error as ConfigError).message;
    expect(message).toBe(
      [
        'Invalid licences subgraph config (5 problems):',
        '  - port: must be at most 65535 (got 70000)',
        '  - logLevel: must be one of "debug", "info", "warn", "error", "silent" (got "loud")',
        '  - timeoutMs: must be at least 1 (got 0)',
        '  - colour: is not a known option',
        '  - licenceDbUrl: must be file:/absolute/path.db, sqlite::memory:, postgresql://user@host:port/database or mysql://user@host:port/database (got "oracle://root:***@db/licences")',
      ].join('\n'),
    );
    expect(message).not.toContain('hunter2');
  });

  it('requires the licence library URL', () => {
    expect(() => parseLicencesSubgraphConfig({})).toThrow('Invalid licences subgraph config (1 problem):\n  - licenceDbUrl: is required');
  });

  it('refuses a schema for a SQLite library and a schema that is not an identifier', () => {
    expect(() => parseLicencesSubgraphConfig({ licenceDbUrl: 'file:/tmp/l.db', licenceDbSchema: 'licences' })).toThrow(
      '  - licenceDbSchema: applies to PostgreSQL only (got "licences")',
    );
    expect(() => parseLicencesSubgraphConfig({ licenceDbUrl: 'postgresql://u@h/d', licenceDbSchema: 'drop table;' })).toThrow(
      '  - licenceDbSchema: must be a lower-case PostgreSQL identifier (got "drop table;")',
    );
  });
});
