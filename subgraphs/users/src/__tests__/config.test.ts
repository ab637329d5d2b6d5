import { ConfigError } from '@govgraph/sdk';
import { parseUsersSubgraphConfig } from '..';

const urls = { populationUrl: 'http://127.0.0.1:4101/population', legalPersonUrl: 'http://127.0.0.1:4102' };

describe('parseUsersSubgraphConfig', () => {
  it('applies the defaults and freezes the result', () => {
    const config = parseUsersSubgraphConfig(urls);
    expect(config).toEqual({ ...urls, timeoutMs: 5000, port: 4001, host: '127.0.0.1', logLevel: 'info' });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('accepts digit strings for numbers, as the environment gives them', () => {
    expect(parseUsersSubgraphConfig({ ...urls, port: '0', timeoutMs: ' 250 ', host: '0.0.0.0', logLevel: 'debug' })).toMatchObject({
      port: 0,
      timeoutMs: 250,
      host: '0.0.0.0',
      logLevel: 'debug',
    });
  });

  it('reports every problem at once, naming the option and the value', () => {
    let error: unknown;
    try {
      parseUsersSubgraphConfig({ legalPersonUrl: 'ftp://registry', timeoutMs: 0, port: '70000', logLevel: 'loud', colour: 'blue' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe('SDK_CONFIG_INVALID');
    expect((error as ConfigError).message).toBe(
      [
        'Invalid users subgraph configuration (6 problems):',
        '  - populationUrl: is required',
        '  - legalPersonUrl: must be an absolute http(s) URL without credentials, query or fragment (got "ftp://registry")',
        '  - timeoutMs: must be an integer from 1 to 600000 (got 0)',
        '  - port: must be an integer from 0 to 65535 (got "70000")',
        '  - logLevel: must be one of debug, info, warn, error, silent (got "loud")',
        '  - colour: is not an option (typo?)',
      ].join('\n'),
    );
  });

  it('refuses URLs carrying credentials or a query, and a non-object', () => {
    expect(() => parseUsersSubgraphConfig({ ...urls, legalPersonUrl: 'http://user:secret@registry' })).toThrow(/legalPersonUrl: must be an absolute http\(s\) URL/);
    expect(() => parseUsersSubgraphConfig({ ...urls, populationUrl: 'http://registry/population?wsdl' })).toThrow(/populationUrl: must be an absolute/);
    expect(() => parseUsersSubgraphConfig('http://registry')).toThrow(/\(config\): must be an object/);
  });
});
