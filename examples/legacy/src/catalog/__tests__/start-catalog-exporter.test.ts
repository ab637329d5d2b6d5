import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { startCatalogExporter } from '..';
import { services } from '../../__tests__/fixtures/small-dataset';

describe('startCatalogExporter', () => {
  let directory: string;
  beforeEach(async () => {
    directory = join(await mkdtemp(join(tmpdir(), 'catalog-')), 'exports');
  });
  afterEach(async () => {
    await rm(join(directory, '..'), { recursive: true, force: true });
  });

  const fixedClock = (): Date => new Date('2025-03-04T01:00:00Z');

  it('creates the directory and writes the initial export', async () => {
    const exporter = await startCatalogExporter({ directory, dataset: { services }, now: fixedClock });
    expect(exporter.directory).toBe(directory);
    expect(exporter.current()).toMatchObject({ fileName: 'catalog-20250304090000.csv', rowCount: 3 });
    expect(await readdir(directory)).toEqual(['catalog-20250304090000.csv']);
    await exporter.close();
  });

  it('publishes a new export with a strictly later name, even within the same second', async () => {
    const exporter = await startCatalogExporter({ directory, dataset: { services }, now: fixedClock });
    const [second, third] = await Promise.all([exporter.publish(services.slice(0, 1)), exporter.publish(services.slice(1))]);
    expect(second?.fileName).toBe('catalog-20250304090001.csv');
    expect(third?.fileName).toBe('catalog-20250304090002.csv');
    expect(exporter.current()).toBe(third);
    const names = (await readdir(directory)).sort();
    expect(names).toEqual(['catalog-20250304090000.csv', 'catalog-20250304090001.csv', 'catalog-20250304090002.csv']);
    const newest = iconv.decode(await readFile(join(directory, names.at(-1)!)), 'gbk');
    expect(newest.split('\r\n').filter(Boolean).map((line) => line.split(',')[0])).toEqual(['事项编码', '320100-GG-0002', '320500-QR-0003']);
    await exporter.close();
  });

  it('starts after any newer export already in the directory', async () => {
    await rm(directory, { recursive: true, force: true });
    const first = await startCatalogExporter({ directory, dataset: { services }, now: () => new Date('2030-01-01T00:00:00Z') });
    await first.close();
    const second = await startCatalogExporter({ directory, dataset: { services }, now: fixedClock });
    expect(second.current().fileName).toBe('catalog-20300101080001.csv');
    await second.close();
  });

  it('keeps only the newest exports when retain is set, and ignores unrelated files', async () => {
    await writeFile(join(directory, '..', 'keep.txt'), 'x');
    const exporter = await startCatalogExporter({ directory, dataset: { services }, now: fixedClock, retain: 2 });
    await writeFile(join(directory, 'readme.txt'), 'not an export');
    await exporter.publish(services);
    await exporter.publish(services, { badRows: [{ kind: 'bad-depth' }] });
    expect((await readdir(directory)).sort()).toEqual(['catalog-20250304090001.csv', 'catalog-20250304090002.csv', 'readme.txt']);
    expect(exporter.current().rowCount).toBe(4);
    await exporter.close();
  });

  it('refuses to publish after close', async () => {
    const exporter = await startCatalogExporter({ directory, dataset: { services }, now: fixedClock });
    await exporter.close();
    await exporter.close();
    await expect(exporter.publish(services)).rejects.toThrow('the catalog exporter is closed');
  });
});
