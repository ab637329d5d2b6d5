import { ConfigError } from '@govgraph/sdk';
import { parseSoapSourceConfig } from '../index';

describe('parseSoapSourceConfig', () => {
  it('applies the defaults and derives the WSDL URL from the endpoint', () => {
    expect(parseSoapSourceConfig({ name: 'population-registry', endpoint: 'http://registry.internal:8080/services/PersonService' })).toEqual({
      name: 'population-registry',
      endpoint: 'http://registry.internal:8080/services/PersonService',
      wsdlUrl: 'http://registry.internal:8080/services/PersonService?wsdl',
      timeoutMs: 5000,
      healthTimeoutMs: 2000,
      soapVersion: '1.1',
      headers: {},
      maxConcurrency: 16,
      maxResponseBytes: 10 * 1024 * 1024,
    });
  });

  it('appends wsdl to an endpoint that already has a query, and keeps an explicit wsdlUrl', () => {
    expect(parseSoapSourceConfig({ name: 'x', endpoint: 'http://h/svc?v=2' }).wsdlUrl).toBe('http://h/svc?v=2&wsdl');
    expect(parseSoapSourceConfig({ name: 'x', endpoint: 'http://h/svc', wsdlUrl: 'http://static.h/svc.wsdl' }).wsdlUrl).toBe('http://static.h/svc.wsdl');
  });

  it('returns a frozen object with lower-cased header names', () => {
    const config = parseSoapSourceConfig({ name: 'x', endpoint: 'http://h/svc', headers: { Authorization: 'Basic abc' } });
    expect(config.headers).toEqual({ authorization: 'Basic abc' });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.headers)).toBe(true);
  });

  it('reports every bad option at once, naming the option and the value', () => {
    let error: unknown;
    try {
      parseSoapSourceConfig({
        name: '',
        endpoint: 'registry.internal/PersonService',
        wsdlUrl: 'http://h/x.wsdl#frag',
        timeoutMs: 'fast',
        soapVersion: '2.0',
        headers: { SOAPAction: 'x', authorization: 'Basic\r\nInjected: 1' },
        maxConcurrency: 0,
        endpiont: 'typo',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/^invalid soap source configuration \(9 problems\):/);
    expect(message).toContain('name: must be kebab-case (a-z, 0-9, -), at most 63 characters, got ""');
    expect(message).toContain('endpoint: must be an http(s) URL, got "registry.internal/PersonService"');
    expect(message).toContain('wsdlUrl: must not have a fragment, got "http://h/x.wsdl#frag"');
    expect(message).toContain('timeoutMs: must be an integer from 1 to 600000 (milliseconds), got "fast"');
    expect(message).toContain(`soapVersion: must be one of '1.1', '1.2', 'auto', got "2.0"`);
    expect(message).toContain('headers.SOAPAction: name "SOAPAction" is set by the source itself');
    expect(message).toContain('headers.authorization: must not contain line breaks or control characters, got a value (not shown: secret option)');
    expect(message).toContain('maxConcurrency: must be an integer from 1 to 1024, got 0');
    expect(message).toContain('endpiont: is not an option');
    expect(message).not.toContain('Injected');
  });

  it('accepts SOAP 1.2 and auto', () => {
    expect(parseSoapSourceConfig({ name: 'x', endpoint: 'http://h/svc', soapVersion: '1.2' }).soapVersion).toBe('1.2');
    expect(parseSoapSourceConfig({ name: 'x', endpoint: 'http://h/svc', soapVersion: 'auto' }).soapVersion).toBe('auto');
  });

  it('applies the WS-Security defaults: PasswordDigest and a 300 s timestamp', () => {
    const config = parseSoapSourceConfig({ name: 'x', endpoint: 'http://h/svc', security: { kind: 'username-token', username: 'gw', password: 's3cret' } });
    expect(config.security).toEqual({ kind: 'username-token', username: 'gw', password: 's3cret', passwordType: 'PasswordDigest', timestampTtlSeconds: 300 });
    expect(Object.isFrozen(config.security)).toBe(true);
    const text = parseSoapSourceConfig({
      name: 'x',
      endpoint: 'http://h/svc',
      security: { kind: 'username-token', username: 'gw', password: 's3cret', passwordType: 'PasswordText', timestampTtlSeconds: '0' },
    });
    expect(text.security).toMatchObject({ passwordType: 'PasswordText', timestampTtlSeconds: 0 });
  });

  it('reports bad security options without ever showing the password', () => {
    const messageOf = (security: unknown): string => {
      try {
        parseSoapSourceConfig({ name: 'x', endpoint: 'http://h/svc', security });
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).message + JSON.stringify((error as ConfigError).details);
      }
      throw new Error('expected a ConfigError');
    };
    const message = messageOf({ kind: 'basic', username: '', password: 'Pa55\u0001word', passwordType: 'Digest', timestampTtlSeconds: -1, extra: 1 });
    expect(message).toMatch(/\(6 problems\)/);
    expect(message).toContain("security.kind: must be 'username-token'");
    expect(message).toContain('security.username: must not be empty');
    expect(message).toContain('security.password: must not contain control characters, got a value (not shown: secret option)');
    expect(message).toContain("security.passwordType: must be one of 'PasswordDigest', 'PasswordText'");
    expect(message).toContain('security.timestampTtlSeconds: must be an integer from 0 to 86400 (seconds)');
    expect(message).toContain('security.extra: is not an option');
    expect(message).not.toContain('Pa55');
    const whole = messageOf('gw:Pa55word');
    expect(whole).toContain('security: must be an object');
    expect(whole).not.toContain('Pa55');
  });
});
