/**
 * The file source's metrics (bad rows, reloads by outcome) in the registry
 * the subgraph gives it, and its capability manifest.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, createSilentLogger } from '@govgraph/sdk';
import { Registry } from 'prom-client';
import { fileSource, parseFileSourceConfig, type FileSnapshot, type FileSource } from '../index';

const HEADER = 'code,name,days';
let dir: string;
let source: FileSource<{ code: string }> | undefined;

function mapRow(row: Record<string, string>): { code: string } {
  if (!/^\d+$/.test(row['days'] ?? '')) throw new Error('days is not a number');
  return { code: row['code']! };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'govgraph-file-metrics-'));
});
afterEach(async () => {
  await source?.stop();
  source = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('file source metrics', () => {
  it('counts bad rows and reloads (loaded, refused) in the given registry', async () => {
    writeFileSync(join(dir, 'catalog-1.csv'), [HEADER, 'A,x,1', 'B,y,soon', 'C,z,3'].join('\n'));
    const registry = new Registry();
    source = fileSource(parseFileSourceConfig({ name: 'service-catalog', directory: dir, encoding: 'utf-8', pollIntervalMs: 20, settleMs: 0, maxBadRowRatio: 0.5 }), mapRow);
    await source.start({ logger: createSilentLogger(), metrics: registry });
    expect(await registry.metrics()).toContain('govgraph_file_bad_rows_total{source="service-catalog"} 1');

    const refused = new Promise<void>((resolve) => source!.onRefuse(() => resolve()));
    writeFileSync(join(dir, 'catalog-2.csv'), [HEADER, 'A,x,no', 'B,y,no'].join('\n'));
    await refused;
    const reloaded = new Promise<FileSnapshot>((resolve) => source!.onReload(resolve));
    writeFileSync(join(dir, 'catalog-3.csv'), [HEADER, 'A,x,1', 'B,y,2', 'C,z,?'].join('\n'));
    await reloaded;

    const text = await registry.metrics();
    expect(text).toContain('govgraph_file_reloads_total{source="service-catalog",outcome="loaded"} 2');
    expect(text).toContain('govgraph_file_reloads_total{source="service-catalog",outcome="refused"} 1');
    expect(text).toContain('govgraph_file_bad_rows_total{source="service-catalog"} 2');
    await expect(source.checkHealth()).resolves.toMatchObject({ status: 'up', detail: 'catalog-3.csv: 2 rows, 1 bad rows' });
  });

  it('accepts a capability manifest and exposes it, with defaults', () => {
    const config = parseFileSourceConfig({ name: 'service-catalog', directory: dir, capabilities: { batch: { maxSize: 500 }, pagination: 'page' } });
    expect(fileSource(config, mapRow).capabilities).toMatchObject({ batch: { maxSize: 500 }, pagination: 'page', maxConcurrency: 16 });
    expect(fileSource(parseFileSourceConfig({ name: 'service-catalog', directory: dir }), mapRow).capabilities.batch).toBe(false);
    expect(() => parseFileSourceConfig({ name: 'service-catalog', directory: dir, capabilities: { batch: { maxSize: 0 } } })).toThrow(ConfigError);
  });
});
