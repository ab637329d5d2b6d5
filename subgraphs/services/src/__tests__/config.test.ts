import { ConfigError } from '@govgraph/sdk';
import { parseServicesSubgraphConfig, servicesConfigFromEnv } from '../index';

function problemsOf(input: unknown): string[] {
  try {
    parseServicesSubgraphConfig(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe('SDK_CONFIG_INVALID');
    return ((error as ConfigError).details!['problems'] as { option: string; problem: string }[]).map((p) => `${p.option}: ${p.problem}`);
  }
  throw new Error('the config was accepted');
}

describe('parseServicesSubgraphConfig', () => {
  it('applies the defaults and returns a frozen config', () => {
    const config = parseServicesSubgraphConfig({ catalog: { directory: '/srv/exports/catalog' } });
    expect(config).toMatchObject({
      port: 4002,
      host: '127.0.0.1',
      logLevel: 'info',
      timeoutMs: 5000,
      catalog: {
        name: 'service-catalog',
        directory: '/srv/exports/catalog',
        encoding: 'gbk',
        pollIntervalMs: 2000,
        settleMs: 500,
        maxBadRowRatio: 0.5,
        allowEmpty: false,
        csv: { delimiter: ',', header: true, columns: ['事项编码', '事项名称', '实施部门', '事项类型', '网办深度', '承诺时限', '法定时限'] },
      },
    });
    expect(config.catalog.pattern.test('catalog-20260301080000.csv')).toBe(true);
    expect(config.catalog.pattern.test('.catalog-20260301080000.csv.123.tmp')).toBe(false);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reports every problem at once, naming the option and the value', () => {
    expect(
      problemsOf({ port: 70000, logLevel: 'loud', timeoutMs: 'soon', extra: 1, catalog: { directory: 'exports', encoding: 'big5', pollIntervalMs: 1, name: 'x' } }),
    ).toEqual([
      'port: must be an integer from 0 to 65535 (got 70000)',
      'logLevel: must be one of debug, info, warn, error, silent (got "loud")',
      'timeoutMs: must be an integer from 50 to 60000 (got "soon")',
      'extra: is not a known option',
      'catalog.name: is not a known option',
      'catalog.directory: must be an absolute path (got "exports")',
      'catalog.encoding: must be one of "gbk", "gb18030", "utf-8" (got "big5")',
      'catalog.pollIntervalMs: must be at least 10 (got 1)',
    ]);
  });

  it('requires the catalog directory', () => {
    expect(problemsOf({})).toEqual(['catalog.directory: is required (the directory the catalog exports appear in)']);
    expect(problemsOf({ catalog: {} })).toEqual(['catalog.directory: is required']);
    expect(problemsOf(null)).toEqual(['(config): must be an object (got null)']);
  });

  it('says how many problems there are in the message', () => {
    expect(() => parseServicesSubgraphConfig({ port: -1 })).toThrow(
      'Invalid services subgraph config (2 problems):\n  - port: must be an integer from 0 to 65535 (got -1)\n  - catalog.directory: is required',
    );
  });
});

describe('servicesConfigFromEnv', () => {
  it('maps the environment to a config, strings judged by the parser', () => {
    const config = parseServicesSubgraphConfig(
      servicesConfigFromEnv({
        PORT: '4102',
        HOST: '0.0.0.0',
        LOG_LEVEL: 'warn',
        TIMEOUT_MS: '800',
        CATALOG_DIR: '/srv/exports/catalog',
        CATALOG_ENCODING: 'GB18030',
        CATALOG_POLL_MS: '250',
        CATALOG_SETTLE_MS: '0',
        CATALOG_MAX_BAD_ROW_RATIO: '0.05',
        CATALOG_ALLOW_EMPTY: 'true',
        CATALOG_PATTERN: '^services-\\d+\\.csv$',
        UNRELATED: 'x',
      }),
    );
    expect(config).toMatchObject({
      port: 4102,
      host: '0.0.0.0',
      logLevel: 'warn',
      timeoutMs: 800,
      catalog: { directory: '/srv/exports/catalog', encoding: 'gb18030', pollIntervalMs: 250, settleMs: 0, maxBadRowRatio: 0.05, allowEmpty: true },
    });
    expect(config.catalog.pattern.source).toBe('^services-\\d+\\.csv$');
  });

  it('treats empty variables as unset and resolves a relative directory from the working directory', () => {
    const input = servicesConfigFromEnv({ PORT: '', CATALOG_DIR: 'exports/catalog', CATALOG_ENCODING: ' ' });
    expect(input).toEqual({ catalog: { directory: `${process.cwd()}/exports/catalog` } });
  });

  it('passes a bad value on, so the error shows what was set', () => {
    expect(problemsOf(servicesConfigFromEnv({ PORT: 'eighty', CATALOG_DIR: '/x', CATALOG_POLL_MS: 'often' }))).toEqual([
      'port: must be an integer from 0 to 65535 (got "eighty")',
      'catalog.pollIntervalMs: must be a number (got "often")',
    ]);
  });
});
