import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { BadGatewayError, UpstreamDataError, createSilentLogger, type Logger } from '@govgraph/sdk';
import { fileSource, parseFileSourceConfig, type FileEncoding, type FileRefusal, type FileSnapshot, type FileSource } from '../index';
import { createRecordingLogger } from '@govgraph/sdk/testing';

/** A service item (事项) of the provincial catalog, as the services subgraph would map it. */
interface ServiceItem {
  readonly code: string;
  readonly name: string;
  readonly agency: string;
  readonly days: number;
}

const HEADER = '事项编码,事项名称,实施机构,承诺时限';

function mapServiceItem(row: Record<string, string>): ServiceItem {
  const days = Number(row['承诺时限']);
  if (!Number.isInteger(days) || days < 0) throw new Error('承诺时限 is not a whole number of days');
  return { code: row['事项编码']!, name: row['事项名称']!, agency: row['实施机构']!, days };
}

function csv(...rows: string[]): string {
  return [HEADER, ...rows].join('\r\n') + '\r\n';
}

let dir: string;
const sources: FileSource<unknown>[] = [];

function writeExport(name: string, text: string, encoding: FileEncoding | 'utf-8-bom' = 'gbk'): void {
  const bytes = encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]) : iconv.encode(text, encoding);
  writeFileSync(join(dir, name), bytes);
}

async function startSource<T = ServiceItem>(
  options: Record<string, unknown> = {},
  mapRow: (row: Record<string, string>, ctx: { line: number; file: string }) => T = mapServiceItem as never,
  logger: Logger = createSilentLogger(),
): Promise<FileSource<T>> {
  const source = fileSource(parseFileSourceConfig({ name: 'service-catalog', directory: dir, pollIntervalMs: 20, settleMs: 0, ...options }), mapRow);
  sources.push(source as FileSource<unknown>);
  await source.start({ logger });
  return source;
}

function nextReload(source: FileSource<unknown>): Promise<FileSnapshot> {
  return new Promise((resolve) => {
    const off = source.onReload((snapshot) => {
      off();
      resolve(snapshot);
    });
  });
}

function nextRefusal(source: FileSource<unknown>): Promise<FileRefusal> {
  return new Promise((resolve) => {
    const off = source.onRefuse((refusal) => {
      off();
      resolve(refusal);
    });
  });
}

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'govgraph-file-'));
});

afterEach(async () => {
  await Promise.all(sources.splice(0).map((source) => source.stop()));
  rmSync(dir, { recursive: true, force: true });
});

describe('fileSource', () => {
  it('loads the newest GBK export at start, Chinese header and values exactly', async () => {
    writeExport('catalog-20240101080000.csv', csv('330000-XK-0001,旧名称,浙江省市场监督管理局,20'));
    writeExport('catalog-20240301080000.csv', csv('330000-XK-0001,食品经营许可证核发,浙江省市场监督管理局,20', '330000-QT-0002,个体工商户登记,杭州市西湖区市场监督管理局,3'));
    writeExport('catalog-20240201080000.csv', csv('330000-XK-0001,中间名称,浙江省市场监督管理局,20'));
    writeExport('readme.txt', 'not an export');

    const source = await startSource();
    expect(source.records()).toEqual([
      { code: '330000-XK-0001', name: '食品经营许可证核发', agency: '浙江省市场监督管理局', days: 20 },
      { code: '330000-QT-0002', name: '个体工商户登记', agency: '杭州市西湖区市场监督管理局', days: 3 },
    ]);
    expect(source.snapshot()).toEqual({
      file: 'catalog-20240301080000.csv',
      loadedAt: expect.any(Date),
      rows: 2,
      badRows: [],
      badRowCount: 0,
      generation: 1,
    });
    expect(Object.isFrozen(source.records())).toBe(true);
    expect(Object.isFrozen(source.records()[0])).toBe(true);
    await expect(source.checkHealth()).resolves.toMatchObject({
      status: 'up',
      detail: 'catalog-20240301080000.csv: 2 rows, 0 bad rows',
    });
  });

  it('keeps commas, quotes and line breaks inside quoted fields', async () => {
    writeExport(
      'catalog-20240301080000.csv',
      csv('330000-XK-0001,"食品经营许可证核发（含""小作坊""）","浙江省,杭州市\r\n市场监督管理局",20', '330000-QT-0002,个体工商户登记,西湖区,3'),
    );
    const source = await startSource();
    expect(source.records().map((item) => [item.name, item.agency])).toEqual([
      ['食品经营许可证核发（含"小作坊"）', '浙江省,杭州市\r\n市场监督管理局'],
      ['个体工商户登记', '西湖区'],
    ]);
  });

  it('skips a row with the wrong column count and reports its line, without its values in the log', async () => {
    const logger = createRecordingLogger();
    writeExport(
      'catalog-20240301080000.csv',
      csv(
        '330000-XK-0001,"多行\r\n名称",浙江省市场监督管理局,20', // lines 2–3
        '330000-XK-0002,张三的个人事项,20', // line 4: a field short
        '', // line 5: empty, skipped silently
        '330000-XK-0003,户籍迁移,公安厅,10,多余', // line 6: a field too many
        '330000-XK-0004,出生登记,公安厅,5', // line 7
      ),
    );
    const source = await startSource({}, undefined, logger);
    expect(source.records().map((item) => item.code)).toEqual(['330000-XK-0001', '330000-XK-0004']);
    expect(source.snapshot()).toMatchObject({
      rows: 2,
      badRowCount: 2,
      badRows: [
        { line: 4, reason: 'wrong number of fields: expected 4, got 3' },
        { line: 6, reason: 'wrong number of fields: expected 4, got 5' },
      ],
    });
    const warned = logger.lines.filter((line) => line.level === 'warn' && line.msg === 'bad row skipped');
    expect(warned.map((line) => line.fields)).toEqual([
      expect.objectContaining({ source: 'service-catalog', file: 'catalog-20240301080000.csv', line: 4 }),
      expect.objectContaining({ line: 6 }),
    ]);
    expect(JSON.stringify(logger.lines)).not.toMatch(/张三|户籍迁移/);
  });

  it('skips a row that mapRow rejects, with its reason and line, and gives mapRow the line and file', async () => {
    writeExport('catalog-20240301080000.csv', csv('330000-XK-0001,食品经营许可证核发,市场监管局,20', '330000-XK-0002,出生登记,公安厅,五天', '330000-XK-0003,户籍迁移,公安厅,10'));
    const seen: Array<{ line: number; file: string }> = [];
    const source = await startSource({}, (row, ctx) => {
      seen.push(ctx);
      return mapServiceItem(row);
    });
    expect(source.records().map((item) => item.code)).toEqual(['330000-XK-0001', '330000-XK-0003']);
    expect(source.snapshot()?.badRows).toEqual([{ line: 3, reason: '承诺时限 is not a whole number of days' }]);
    expect(seen).toEqual([2, 3, 4].map((line) => ({ line, file: 'catalog-20240301080000.csv' })));
  });

  it('swaps in a newer file without a restart; a reader holding the old snapshot keeps it whole', async () => {
    writeExport('catalog-20240301080000.csv', csv('330000-XK-0001,食品经营许可证核发,市场监管局,20'));
    const source = await startSource();
    const before = source.records();
    const reloaded = nextReload(source);

    writeExport('catalog-20240302080000.csv', csv('330000-XK-0001,食品经营许可证核发,市场监管局,15', '330000-XK-0009,新增事项,市场监管局,1'));
    const snapshot = await reloaded;

    expect(snapshot).toMatchObject({ file: 'catalog-20240302080000.csv', rows: 2, generation: 2 });
    expect(source.snapshot()).toBe(snapshot);
    expect(source.records().map((item) => item.days)).toEqual([15, 1]);
    expect(before.map((item) => item.days)).toEqual([20]);
  });

  it('reloads the newest file when it is rewritten in place', async () => {
    writeExport('catalog.csv', csv('330000-XK-0001,食品经营许可证核发,市场监管局,20'));
    const source = await startSource();
    const reloaded = nextReload(source);
    writeExport('catalog.csv', csv('330000-XK-0001,食品经营许可证核发,市场监管局,20', '330000-XK-0002,出生登记,公安厅,5'));
    await expect(reloaded).resolves.toMatchObject({ file: 'catalog.csv', rows: 2, generation: 2 });
  });

  it('ignores a file older than the snapshot', async () => {
    const logger = createRecordingLogger();
    writeExport('catalog-20240301080000.csv', csv('330000-XK-0001,食品经营许可证核发,市场监管局,20'));
    const source = await startSource({}, undefined, logger);
    const reloads: FileSnapshot[] = [];
    source.onReload((snapshot) => reloads.push(snapshot));

    writeExport('catalog-20240201080000.csv', csv('330000-XK-0001,旧名称,市场监管局,20'));
    // Make the older file the newest on disk: the current one is deleted by housekeeping.
    rmSync(join(dir, 'catalog-20240301080000.csv'));
    await waitFor(() => logger.lines.some((line) => line.fields['file'] === 'catalog-20240201080000.csv' && /ignored/.test(line.msg ?? '')));

    expect(reloads).toEqual([]);
    expect(source.snapshot()).toMatchObject({ file: 'catalog-20240301080000.csv', generation: 1 });
    expect(source.records()[0]?.name).toBe('食品经营许可证核发');
  });

  it('keeps the old snapshot when a newer file is broken as a whole, and reports it', async () => {
    writeExport('catalog-20240301080000.csv', csv('330000-XK-0001,食品经营许可证核发,市场监管局,20'));
    const source = await startSource();
    const reloads: FileSnapshot[] = [];
    source.onReload((snapshot) => reloads.push(snapshot));

    let refusal = nextRefusal(source);
    writeExport('catalog-20240302080000.csv', '事项编码,事项名称,事项名称\r\n1,2,3\r\n');
    await expect(refusal).resolves.toMatchObject({
      file: 'catalog-20240302080000.csv',
      reason: 'header column "事项名称" appears twice',
    });

    refusal = nextRefusal(source);
    writeExport('catalog-20240303080000.csv', '');
    await expect(refusal).resolves.toMatchObject({ file: 'catalog-20240303080000.csv', reason: 'the file is empty: it has no header row' });

    expect(reloads).toEqual([]);
    expect(source.snapshot()).toMatchObject({ file: 'catalog-20240301080000.csv', generation: 1 });
    expect(source.records()).toHaveLength(1);
    await expect(source.checkHealth()).resolves.toEqual({
      status: 'up',
      detail:
        'catalog-20240301080000.csv: 1 rows, 0 bad rows; refused catalog-20240303080000.csv: the file is empty: it has no header row',
      latencyMs: 0,
    });
  });

  it('refuses a file with more bad rows than maxBadRowRatio', async () => {
    writeExport('catalog-20240301080000.csv', csv('330000-XK-0001,食品经营许可证核发,市场监管局,20'));
    const source = await startSource({ maxBadRowRatio: 0.25 });
    const refusal = nextRefusal(source);
    writeExport('catalog-20240302080000.csv', csv('330000-XK-0001,甲,市场监管局,1', '330000-XK-0002,乙,市场监管局', '330000-XK-0003,丙,市场监管局,x'));
    await expect(refusal).resolves.toMatchObject({ reason: '2 of 3 rows are bad, more than maxBadRowRatio 0.25' });
    expect(source.snapshot()?.file).toBe('catalog-20240301080000.csv');
  });

  it('refuses a file whose header lacks a required column', async () => {
    writeExport('catalog-20240301080000.csv', '事项编码,名称\r\n330000-XK-0001,食品经营许可证核发\r\n');
    const source = fileSource(
      parseFileSourceConfig({ name: 'service-catalog', directory: dir, csv: { columns: ['事项编码', '事项名称'] } }),
      (row) => row,
    );
    const error = await source.start({ logger: createSilentLogger() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamDataError);
    expect((error as Error).message).toContain('the header lacks column "事项名称"');
  });

  it('lists only the first 100 bad rows and counts them all', async () => {
    const bad = Array.from({ length: 150 }, (_, i) => `330000-XK-${i},坏行,市场监管局`);
    writeExport('catalog-20240301080000.csv', csv('330000-XK-0001,食品经营许可证核发,市场监管局,20', ...bad));
    const source = await startSource();
    const snapshot = source.snapshot()!;
    expect(snapshot.badRowCount).toBe(150);
    expect(snapshot.badRows).toHaveLength(100);
    expect(snapshot.badRows[99]).toMatchObject({ line: 102 });
  });

  it.each([
    ['gb18030', 'gb18030' as const, false],
    ['gb18030 with a BOM', 'gb18030' as const, true],
    ['utf-8', 'utf-8' as const, false],
  ])('reads %s, including characters outside GBK', async (_case, encoding, bom) => {
    writeExport('catalog-20240301080000.csv', `${bom ? '\uFEFF' : ''}${csv('330000-XK-0001,𠀀䶮姓名变更登记,㐀部门,7')}`, encoding);
    const source = await startSource({ encoding });
    expect(source.records()).toEqual([{ code: '330000-XK-0001', name: '𠀀䶮姓名变更登记', agency: '㐀部门', days: 7 }]);
  });

  it('reads utf-8 with a BOM without the BOM in the first column name', async () => {
    writeExport('catalog-20240301080000.csv', csv('330000-XK-0001,食品经营许可证核发,市场监管局,20'), 'utf-8-bom');
    const source = await startSource({ encoding: 'utf-8' });
    expect(source.records()[0]?.code).toBe('330000-XK-0001');
  });

  it('reads a headerless file with its own delimiter and configured columns', async () => {
    writeExport('catalog-20240301080000.txt', '330000-XK-0001|食品经营许可证核发|市场监管局|20\n330000-XK-0002|出生登记|公安厅|5\n');
    const source = await startSource({
      pattern: '^catalog-\\d{14}\\.txt$',
      csv: { delimiter: '|', header: false, columns: ['事项编码', '事项名称', '实施机构', '承诺时限'] },
    });
    expect(source.records().map((item) => [item.code, item.days])).toEqual([
      ['330000-XK-0001', 20],
      ['330000-XK-0002', 5],
    ]);
    expect(source.snapshot()?.file).toBe('catalog-20240301080000.txt');
  });

  it('fails start when there is no file, naming the pattern', async () => {
    const error = await startSource().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadGatewayError);
    expect((error as Error).message).toContain('no file matching /\\.csv$/');
  });

  it('fails start when the directory does not exist', async () => {
    const source = fileSource(parseFileSourceConfig({ name: 'service-catalog', directory: join(dir, 'missing') }), mapServiceItem);
    await expect(source.start({ logger: createSilentLogger() })).rejects.toBeInstanceOf(BadGatewayError);
  });

  it('starts empty with allowEmpty, reports down, and loads the first file that appears', async () => {
    const source = await startSource({ allowEmpty: true });
    expect(source.records()).toEqual([]);
    expect(source.snapshot()).toBeUndefined();
    await expect(source.checkHealth()).resolves.toMatchObject({ status: 'down', detail: 'no file loaded yet' });

    const reloaded = nextReload(source);
    writeExport('catalog-20240301080000.csv', csv('330000-XK-0001,食品经营许可证核发,市场监管局,20'));
    await expect(reloaded).resolves.toMatchObject({ generation: 1, rows: 1 });
    await expect(source.checkHealth()).resolves.toMatchObject({ status: 'up' });
  });

  it('falls back to an older file at start when the newest is broken', async () => {
    writeExport('catalog-20240301080000.csv', csv('330000-XK-0001,食品经营许可证核发,市场监管局,20'));
    writeExport('catalog-20240302080000.csv', '');
    const source = await startSource();
    expect(source.snapshot()?.file).toBe('catalog-20240301080000.csv');
    await expect(source.checkHealth()).resolves.toMatchObject({ status: 'up', detail: expect.stringContaining('refused catalog-20240302080000.csv') });
  });

  it('waits until a new file has settled before loading it', async () => {
    writeExport('catalog-20240301080000.csv', csv('330000-XK-0001,食品经营许可证核发,市场监管局,20'));
    const source = await startSource({ settleMs: 300 });
    const reloaded = nextReload(source);
    const written = Date.now();
    writeExport('catalog-20240302080000.csv', csv('330000-XK-0001,食品经营许可证核发,市场监管局,15'));
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(source.snapshot()?.generation).toBe(1);
    await expect(reloaded).resolves.toMatchObject({ generation: 2 });
    expect(Date.now() - written).toBeGreaterThanOrEqual(300);
  });

  it('stops idempotently and stops watching', async () => {
    writeExport('catalog-20240301080000.csv', csv('330000-XK-0001,食品经营许可证核发,市场监管局,20'));
    const source = await startSource();
    const reloads: FileSnapshot[] = [];
    source.onReload((snapshot) => reloads.push(snapshot));
    await source.stop();
    await source.stop();
    writeExport('catalog-20240302080000.csv', csv('330000-XK-0001,食品经营许可证核发,市场监管局,15'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reloads).toEqual([]);
    await expect(source.checkHealth()).resolves.toEqual({ status: 'down', detail: 'stopped' });
  });
});
