import { ConfigError } from '@govgraph/sdk';
import { parseFileSourceConfig } from '../index';

function problemsOf(input: unknown): string {
  try {
    parseFileSourceConfig(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
}

describe('parseFileSourceConfig', () => {
  it('applies the defaults and freezes the result', () => {
    const config = parseFileSourceConfig({ name: 'service-catalog', directory: '/data/exports' });
    expect(config).toEqual({
      name: 'service-catalog',
      directory: '/data/exports',
      pattern: /\.csv$/,
      encoding: 'gbk',
      csv: { delimiter: ',', header: true, columns: undefined },
      format: { kind: 'csv', delimiter: ',', header: true, columns: undefined },
      pollIntervalMs: 2000,
      settleMs: 500,
      maxBadRowRatio: undefined,
      allowEmpty: false,
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.csv)).toBe(true);
    expect(config.pattern.test('catalog-20240301080000.csv')).toBe(true);
    expect(config.pattern.test('catalog.csv.tmp')).toBe(false);
  });

  it('accepts the string values an environment gives', () => {
    const config = parseFileSourceConfig({
      name: 'service-catalog',
      directory: '/data/exports',
      pollIntervalMs: '500',
      maxBadRowRatio: '0.05',
      allowEmpty: 'true',
      csv: { header: 'false', columns: ['code', 'name'] },
    });
    expect(config).toMatchObject({ pollIntervalMs: 500, maxBadRowRatio: 0.05, allowEmpty: true, csv: { header: false } });
  });

  it('reports every problem at once, naming the option and the value', () => {
    const message = problemsOf({
      name: 'service catalog',
      directory: 'exports',
      pattern: '(',
      encoding: 'big5',
      pollIntervalMs: 0,
      maxBadRowRatio: 2,
      csv: { delimiter: '"', quote: "'" },
    });
    expect(message).toContain('name: must be 1–64 letters');
    expect(message).toContain('directory: must be an absolute path (got "exports")');
    expect(message).toContain('pattern: must be a valid regular expression (got "(")');
    expect(message).toContain('encoding: must be one of "gbk", "gb18030", "utf-8" (got "big5")');
    expect(message).toContain('pollIntervalMs: must be at least 10 (got 0)');
    expect(message).toContain('maxBadRowRatio: must be at most 1 (got 2)');
    expect(message).toContain('csv.delimiter: must not contain a quote or a line break');
    expect(message).toContain('csv.quote: is not a known option');
  });

  it('accepts the CSV options as format, and fixed-width columns with their defaults', () => {
    expect(parseFileSourceConfig({ name: 'x', directory: '/d', format: { kind: 'csv', delimiter: '|', header: 'false', columns: ['a'] } })).toMatchObject({
      csv: { delimiter: '|', header: false, columns: ['a'] },
      format: { kind: 'csv', delimiter: '|', header: false, columns: ['a'] },
    });
    const config = parseFileSourceConfig({
      name: 'x',
      directory: '/d',
      format: { kind: 'fixed-width', columns: [{ name: '证件号码', start: '1', length: 18 }, { name: '姓名', start: 19, length: 10 }] },
    });
    expect(config.format).toEqual({
      kind: 'fixed-width',
      columns: [
        { name: '证件号码', start: 1, length: 18 },
        { name: '姓名', start: 19, length: 10 },
      ],
      trim: true,
      skipLines: 0,
    });
    expect(Object.isFrozen(config.format)).toBe(true);
  });

  it('reports every problem of a fixed-width format', () => {
    const message = problemsOf({
      name: 'x',
      directory: '/d',
      csv: { header: true },
      format: {
        kind: 'fixed-width',
        columns: [
          { name: 'a', start: 0, length: 2 },
          { name: 'b', start: 5, length: 4 },
          { name: 'b', start: 8, length: 1 },
        ],
        skipLines: -1,
      },
    });
    expect(message).toContain('format.columns.0.start: must be at least 1 (got 0)');
    expect(message).toContain('format.columns.2.name: must not repeat a name');
    expect(message).toContain('format.columns.2: overlaps column "b"');
    expect(message).toContain('format.skipLines: must be at least 0 (got -1)');
    expect(message).toContain('format: cannot be given together with csv');
    expect(problemsOf({ name: 'x', directory: '/d', format: { kind: 'fixed-width', columns: [] } })).toContain('format.columns');
    expect(problemsOf({ name: 'x', directory: '/d', format: { kind: 'xml' } })).toContain('format.kind');
  });

  it('requires columns for a file without a header, and refuses repeated names', () => {
    expect(problemsOf({ name: 'x', directory: '/d', csv: { header: false } })).toContain('csv.columns: is required when csv.header is false');
    expect(problemsOf({ name: 'x', directory: '/d', csv: { columns: ['a', 'a'] } })).toContain('csv.columns: must not repeat a name');
  });
});
