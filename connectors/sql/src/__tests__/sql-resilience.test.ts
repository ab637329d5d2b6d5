/**
 * A SQL source's statements run through the resilience policy: a database
 * that keeps timing out opens the circuit, which then fails statements fast;
 * SELECTs count as idempotent; the manifest is validated with the config.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { BadGatewayError, ConfigError, createSilentLogger, parseCapabilityManifest, UpstreamTimeoutError } from '@govgraph/sdk';
import { Registry } from 'prom-client';
import { parseSqlSourceConfig, sqlSource, type SqlSource } from '../index';
import { isIdempotentStatement } from '../sql-idempotency';
import { parseStatement } from '../statement';

let dir: string;
let dbPath: string;
let source: SqlSource | undefined;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'govgraph-sql-resilience-'));
  dbPath = join(dir, 'licences.db');
  const db = new Database(dbPath);
  db.exec("create table licences (number text primary key); insert into licences values ('L-1'), ('L-2');");
  db.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(async () => {
  await source?.stop();
  source = undefined;
});

describe('sqlSource resilience', () => {
  it('opens the circuit after consecutive timeouts, fails fast while open, and shows it in health and metrics', async () => {
    const registry = new Registry();
    source = sqlSource(
      parseSqlSourceConfig({ name: 'licence-library', url: pathToFileURL(dbPath).href, timeoutMs: 40, capabilities: { circuitBreaker: { consecutiveFailures: 2, halfOpenAfterMs: 60_000 } } }),
    );
    await source.start({ logger: createSilentLogger(), metrics: registry });
    const writer = new Database(dbPath);
    writer.exec('begin exclusive');
    try {
      for (let i = 0; i < 2; i += 1) await expect(source.query('select count(*) as n from licences')).rejects.toBeInstanceOf(UpstreamTimeoutError);
      const started = performance.now();
      const error = await source.query('select count(*) as n from licences').catch((caught: unknown) => caught);
      expect(performance.now() - started).toBeLessThan(30);
      expect(error).toBeInstanceOf(BadGatewayError);
      expect((error as BadGatewayError).details).toEqual({ source: 'licence-library', circuit: 'open' });
      expect(source.stats()).toEqual({ queries: 3, failures: 3, timeouts: 2 });
      expect(source.circuit?.()).toBe('open');
    } finally {
      writer.exec('rollback');
      writer.close();
    }
    await expect(source.checkHealth()).resolves.toMatchObject({ status: 'down', circuit: 'open' });
    const text = await registry.metrics();
    expect(text).toContain('govgraph_source_calls_total{source="licence-library",operation="query",outcome="timeout"} 2');
    expect(text).toContain('govgraph_source_circuit_state{source="licence-library"} 2');
  });

  it('treats SELECTs, statements of a read-only source and listed operations as idempotent', () => {
    const capabilities = parseCapabilityManifest({ idempotentOperations: ['upsertLicence'] });
    const select = parseStatement('/* by number */ select * from licences where number = $1');
    const write = parseStatement("update licences set number = 'x' where number = $1");
    expect(isIdempotentStatement(select, 'query', { readonly: false, capabilities })).toBe(true);
    expect(isIdempotentStatement(write, 'query', { readonly: false, capabilities })).toBe(false);
    expect(isIdempotentStatement(write, 'upsertLicence', { readonly: false, capabilities })).toBe(true);
    expect(isIdempotentStatement(write, 'query', { readonly: true, capabilities })).toBe(true);
    expect(isIdempotentStatement(parseStatement('with gone as (delete from licences returning *) select * from gone'), 'query', { readonly: false, capabilities })).toBe(false);
  });

  it('takes timeoutMs as a shortcut of capabilities.timeoutMs and refuses a contradiction', () => {
    const url = pathToFileURL(dbPath).href;
    expect(sqlSource(parseSqlSourceConfig({ name: 'licence-library', url, timeoutMs: 700 })).capabilities.timeoutMs).toBe(700);
    const config = parseSqlSourceConfig({ name: 'licence-library', url, capabilities: { timeoutMs: 900, batch: { maxSize: 200 } } });
    expect(config.timeoutMs).toBe(900);
    expect(sqlSource(config).capabilities.batch).toEqual({ maxSize: 200 });
    expect(() => parseSqlSourceConfig({ name: 'licence-library', url, timeoutMs: 700, capabilities: { timeoutMs: 900 } })).toThrow(ConfigError);
    expect(() => parseSqlSourceConfig({ name: 'licence-library', url, timeoutMs: 700, capabilities: { timeoutMs: 900 } })).toThrow(
      'capabilities.timeoutMs: contradicts the timeoutMs option (700): give one of them, or the same value (got 900)',
    );
  });
});
