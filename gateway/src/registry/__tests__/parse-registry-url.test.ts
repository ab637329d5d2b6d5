import { resolve } from 'node:path';
import { parseRegistryUrl } from '../parse-registry-url';

describe('parseRegistryUrl', () => {
  it('reads file: and sqlite: URLs as SQLite files, relative to the working directory', () => {
    expect(parseRegistryUrl('file:./.data/registry.db')).toEqual({ provider: 'sqlite', file: resolve('.data/registry.db') });
    expect(parseRegistryUrl('sqlite:/var/lib/govgraph/registry.db')).toEqual({ provider: 'sqlite', file: '/var/lib/govgraph/registry.db' });
    expect(parseRegistryUrl('file:///var/lib/registry.db')).toEqual({ provider: 'sqlite', file: '/var/lib/registry.db' });
    expect(parseRegistryUrl('sqlite::memory:')).toEqual({ provider: 'sqlite', file: ':memory:' });
  });

  it('reads postgresql:// URLs, taking the schema from ?schema= or the option and removing it from the connection string', () => {
    expect(parseRegistryUrl('postgresql://gw:secret@db:5432/govgraph?schema=registry&sslmode=require')).toEqual({
      provider: 'postgresql',
      connectionString: 'postgresql://gw:secret@db:5432/govgraph?sslmode=require',
      schema: 'registry',
    });
    expect(parseRegistryUrl('postgres://db/govgraph', 'other')).toMatchObject({ schema: 'other' });
    expect(parseRegistryUrl('postgres://db/govgraph')).toMatchObject({ schema: 'public' });
  });

  it('refuses other schemes, empty paths and unsafe schema names without echoing passwords', () => {
    expect(() => parseRegistryUrl('mysql://root@db/x')).toThrow(expect.objectContaining({ code: 'GW_CONFIG_INVALID' }));
    expect(() => parseRegistryUrl('file:')).toThrow(/needs a file path/);
    let message = '';
    try {
      parseRegistryUrl('postgresql://gw:hunter2@db/govgraph?schema=a"b');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('invalid PostgreSQL schema name "a\\"b"');
    expect(message).not.toContain('hunter2');
  });
});
