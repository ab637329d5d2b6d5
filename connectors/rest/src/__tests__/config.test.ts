import { ConfigError } from '@govgraph/sdk';
import { parseRestSourceConfig } from '../index';

describe('parseRestSourceConfig', () => {
  it('applies the defaults and normalises baseUrl and header names', () => {
    const config = parseRestSourceConfig({ name: 'case-handling', baseUrl: 'http://cases.internal:8080/api/v1/', headers: { 'X-Api-Key': 'k' } });
    expect(config).toEqual({
      name: 'case-handling',
      baseUrl: 'http://cases.internal:8080/api/v1',
      timeoutMs: 5000,
      healthTimeoutMs: 2000,
      headers: { 'x-api-key': 'k' },
      healthPath: '/healthz',
      maxConcurrency: 16,
      maxResponseBytes: 10 * 1024 * 1024,
    });
  });

  it('returns a frozen object', () => {
    const config = parseRestSourceConfig({ name: 'case-handling', baseUrl: 'http://127.0.0.1', headers: { a: 'b' } });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.headers)).toBe(true);
  });

  it('accepts integer options as digit strings (environment variables)', () => {
    const config = parseRestSourceConfig({ name: 'x', baseUrl: 'https://x.internal', timeoutMs: '1500', maxConcurrency: ' 4 ' });
    expect(config.timeoutMs).toBe(1500);
    expect(config.maxConcurrency).toBe(4);
  });

  it('reports every bad option at once, naming the option and the value', () => {
    let error: unknown;
    try {
      parseRestSourceConfig({
        name: 'Case Handling',
        baseUrl: 'ftp://cases.internal/?x=1',
        timeoutMs: 0,
        healthTimeoutMs: 'soon',
        headers: { 'x-api-key': 'secret-key\n', Host: 'evil' },
        healthPath: 'healthz',
        maxConcurrency: 2.5,
        maxResponseBytes: -1,
        retries: 3,
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/^invalid rest source configuration \(11 problems\):/);
    expect(message).toContain('name: must be kebab-case (a-z, 0-9, -), at most 63 characters, got "Case Handling"');
    expect(message).toContain('baseUrl: must use http or https, got "ftp://cases.internal/?x=1"');
    expect(message).toContain('baseUrl: must not have a query or fragment, got "ftp://cases.internal/?x=1"');
    expect(message).toContain('timeoutMs: must be an integer from 1 to 600000 (milliseconds), got 0');
    expect(message).toContain('healthTimeoutMs: must be an integer from 1 to 60000 (milliseconds), got "soon"');
    expect(message).toContain('headers.x-api-key: must not contain line breaks or control characters, got a value (not shown: secret option)');
    expect(message).toContain('headers.Host: name "Host" is set by the source itself');
    expect(message).toContain(`healthPath: must start with '/' and be already percent-encoded, got "healthz"`);
    expect(message).toContain('maxConcurrency: must be an integer from 1 to 1024, got 2.5');
    expect(message).toContain('maxResponseBytes: must be an integer from 1 to 1073741824 (bytes), got -1');
    expect(message).toContain('retries: is not an option');
    expect(message).not.toContain('secret-key');
    expect((error as ConfigError).details?.['problems']).toHaveLength(11);
  });

  it('requires name and baseUrl', () => {
    expect(() => parseRestSourceConfig({})).toThrow(/name: is required, got nothing[\s\S]*baseUrl: must be an http\(s\) URL, got nothing/);
  });

  it('refuses a baseUrl with credentials', () => {
    expect(() => parseRestSourceConfig({ name: 'x', baseUrl: 'http://user:pw@x.internal' })).toThrow('baseUrl: must not carry credentials (use headers)');
  });

  it('refuses something that is not an object', () => {
    expect(() => parseRestSourceConfig('http://x')).toThrow('(root): must be an object, got "http://x"');
  });
});
