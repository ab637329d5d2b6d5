import { ConfigError } from '@govgraph/sdk';
import { parseCasesSubgraphConfig } from '..';

describe('parseCasesSubgraphConfig', () => {
  it('applies the defaults and freezes the result', () => {
    const config = parseCasesSubgraphConfig({ casesUrl: 'http://cases.internal:8080' });
    expect(config).toEqual({ casesUrl: 'http://cases.internal:8080', timeoutMs: 5000, port: 4004, host: '127.0.0.1', logLevel: 'info' });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('accepts numbers as digit strings, as the environment gives them', () => {
    expect(parseCasesSubgraphConfig({ casesUrl: 'https://cases.internal/base', timeoutMs: '2500', port: '0', host: '0.0.0.0', logLevel: 'debug' })).toEqual({
      casesUrl: 'https://cases.internal/base',
      timeoutMs: 2500,
      port: 0,
      host: '0.0.0.0',
      logLevel: 'debug',
    });
  });

  it('reports every problem at once, naming the option and the value', () => {
    let error: unknown;
    try {
      parseCasesSubgraphConfig({ casesUrl: 'ftp://cases.internal?x=1', timeoutMs: 0, port: 70000, logLevel: 'loud', extra: true });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe('SDK_CONFIG_INVALID');
    expect((error as ConfigError).message).toBe(
      [
        'invalid cases subgraph configuration (6 problems):',
        '  - casesUrl: must use http or https, got "ftp://cases.internal?x=1"',
        '  - casesUrl: must not have a query or fragment, got "ftp://cases.internal?x=1"',
        '  - timeoutMs: must be an integer from 1 to 600000, got 0',
        '  - port: must be an integer from 0 to 65535, got 70000',
        '  - logLevel: must be one of debug, info, warn, error, silent, got "loud"',
        '  - extra: is not an option',
      ].join('\n'),
    );
  });

  it('requires the case-handling URL and never echoes credentials', () => {
    expect(() => parseCasesSubgraphConfig({})).toThrow('casesUrl: must be an http(s) URL, got nothing');
    expect(() => parseCasesSubgraphConfig({ casesUrl: 'http://user:s3cret@cases.internal/' })).toThrow(
      'casesUrl: must not carry credentials, got "http://***@cases.internal/"',
    );
    expect(() => parseCasesSubgraphConfig({ casesUrl: 'http://user:s3cret@cases.internal/' })).not.toThrow(/s3cret/);
    expect(() => parseCasesSubgraphConfig('http://cases.internal')).toThrow('(config): must be an object, got "http://cases.internal"');
  });
});
