import { ConfigError } from '../../errors';
import { parseCapabilityManifest, resolveCapabilities } from '../capability-manifest';

describe('parseCapabilityManifest', () => {
  it('applies the defaults to an empty manifest', () => {
    expect(parseCapabilityManifest({})).toEqual({
      maxRequestsPerSecond: undefined,
      maxConcurrency: 16,
      maxQueue: 100,
      batch: false,
      pagination: 'none',
      idempotentOperations: undefined,
      timeoutMs: 5000,
      retry: { maxAttempts: 3, initialDelayMs: 100, maxDelayMs: 2000, maxRetryAfterMs: 10_000 },
      circuitBreaker: { consecutiveFailures: 5, halfOpenAfterMs: 10_000 },
    });
  });

  it('keeps what is given, accepts digit strings and returns a deeply frozen manifest', () => {
    const manifest = parseCapabilityManifest({
      maxRequestsPerSecond: '2.5',
      maxConcurrency: '4',
      batch: { maxSize: 50 },
      pagination: 'keyset',
      idempotentOperations: ['GetPerson', 'GET'],
      retry: { maxAttempts: 5 },
      circuitBreaker: { halfOpenAfterMs: 500 },
    });
    expect(manifest).toMatchObject({
      maxRequestsPerSecond: 2.5,
      maxConcurrency: 4,
      batch: { maxSize: 50 },
      pagination: 'keyset',
      idempotentOperations: ['GetPerson', 'GET'],
      retry: { maxAttempts: 5, initialDelayMs: 100 },
      circuitBreaker: { consecutiveFailures: 5, halfOpenAfterMs: 500 },
    });
    expect(Object.isFrozen(manifest)).toBe(true);
    expect(Object.isFrozen(manifest.retry)).toBe(true);
    expect(Object.isFrozen(manifest.batch)).toBe(true);
    expect(Object.isFrozen(manifest.idempotentOperations)).toBe(true);
  });

  it('lists every problem at once, naming each field and its value', () => {
    let error: unknown;
    try {
      parseCapabilityManifest({
        maxRequestsPerSecond: 0,
        maxConcurrency: 0,
        maxQueue: -1,
        batch: { maxSize: 0 },
        pagination: 'pages',
        idempotentOperations: ['get case'],
        timeoutMs: 'soon',
        retry: { maxAttempts: 0, initialDelayMs: 5000, maxDelayMs: 100, jitter: true },
        circuitBreaker: { consecutiveFailures: 0 },
        retries: 3,
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toMatch(/^Invalid capability manifest config: /);
    for (const fragment of [
      'maxRequestsPerSecond: must be at least 0.001 (got 0)',
      'maxConcurrency: must be at least 1 (got 0)',
      'maxQueue: must be at least 0 (got -1)',
      'batch.maxSize: must be at least 1 (got 0)',
      'pagination: must be one of "page", "offset", "cursor", "keyset", "none" (got "pages")',
      'idempotentOperations.0: must be an operation name or an HTTP method (got "get case")',
      'timeoutMs: ',
      'retry.maxAttempts: must be at least 1 (got 0)',
      'retry.jitter: is not a known option',
      'circuitBreaker.consecutiveFailures: must be at least 1 (got 0)',
      'retries: is not a known option',
    ]) {
      expect(message).toContain(fragment);
    }
    expect((error as ConfigError).details?.['problems']).toHaveLength(11);
  });

  it('refuses a maxDelayMs below initialDelayMs once the fields are valid', () => {
    expect(() => parseCapabilityManifest({ retry: { initialDelayMs: 500, maxDelayMs: 100 } })).toThrow(
      'retry.maxDelayMs: must not be less than retry.initialDelayMs (500) (got 100)',
    );
  });

  it('refuses something that is not an object', () => {
    expect(() => parseCapabilityManifest('fast')).toThrow(ConfigError);
  });
});

describe('resolveCapabilities', () => {
  it('lets a manifest field win over a shortcut option, and a shortcut over the default', () => {
    expect(resolveCapabilities({ timeoutMs: 900 }, { timeoutMs: 900, maxConcurrency: 3 })).toMatchObject({ timeoutMs: 900, maxConcurrency: 3 });
    expect(resolveCapabilities(undefined, { timeoutMs: 250 })).toMatchObject({ timeoutMs: 250, maxConcurrency: 16 });
  });
});
