import { watch } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { CATALOG_FILE_PATTERN, formatCsvField, writeCatalogExport } from '..';
import type { ServiceRecord } from '../../data/types';
import { services } from '../../__tests__/fixtures/small-dataset';

const EXPECTED =
  '事项编码,事项名称,实施部门,事项类型,网办深度,承诺时限,法定时限\r\n' +
  '320100-XK-0001,食品经营许可证核发,南京市市场监督管理局,行政许可,4,10,20\r\n' +
  '320100-GG-0002,"设立""特殊""许可, 含分支机构",南京市行政审批局,公共服务,2,5,15\r\n' +
  '320500-QR-0003,"居民户口迁移登记\n（跨省）",苏州市公安局,行政确认,3,1,1\r\n';

describe('writeCatalogExport', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'catalog-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('quotes fields as RFC 4180 requires', () => {
    expect(formatCsvField('plain 文本')).toBe('plain 文本');
    expect(formatCsvField('a,b')).toBe('"a,b"');
    expect(formatCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(formatCsvField('line\r\nbreak')).toBe('"line\r\nbreak"');
  });

  it('writes catalog-<YYYYMMDDHHmmss>.csv (UTC+08:00) in GBK with the Chinese header, and it decodes back exactly', async () => {
    const file = await writeCatalogExport(directory, services, { exportedAt: new Date('2025-03-04T16:05:09Z') });
    expect(file).toMatchObject({ fileName: 'catalog-20250305000509.csv', path: join(directory, 'catalog-20250305000509.csv'), rowCount: 3 });
    const bytes = await readFile(file.path);
    expect(file.byteLength).toBe(bytes.length);
    expect(iconv.decode(bytes, 'gbk')).toBe(EXPECTED);
    // GBK, not UTF-8: 事 is 0xCA 0xC2 in GBK (E4 BA 8B in UTF-8), and there is no BOM.
    expect([...bytes.subarray(0, 2)]).toEqual([0xca, 0xc2]);
    expect(bytes.toString('utf8')).not.toBe(EXPECTED);
    expect(await readdir(directory)).toEqual(['catalog-20250305000509.csv']);
  });

  it('inserts corrupt rows where asked', async () => {
    const file = await writeCatalogExport(directory, services, {
      exportedAt: new Date('2025-03-04T00:00:00Z'),
      badRows: [{ kind: 'wrong-column-count', at: 0 }, { kind: 'non-numeric-days', at: 1, code: 'BROKEN-DAYS' }, { kind: 'bad-depth' }],
    });
    const lines = iconv.decode(await readFile(file.path), 'gbk').split('\r\n');
    expect(file.rowCount).toBe(6);
    expect(lines[1]).toBe('BAD-1,损坏的事项（测试）,测试部门');
    expect(lines[2]).toBe('320100-XK-0001,食品经营许可证核发,南京市市场监督管理局,行政许可,4,10,20');
    expect(lines[3]).toBe('BROKEN-DAYS,损坏的事项（测试）,测试部门,公共服务,2,十五,20');
    expect(lines[6]).toBe('BAD-3,损坏的事项（测试）,测试部门,公共服务,5,5,10');
    expect(lines[7]).toBe('');
  });

  it('writes atomically: a reader only ever sees a complete *.csv, the temporary name never matches *.csv', async () => {
    const many: ServiceRecord[] = Array.from({ length: 40_000 }, (_, i) => ({ ...services[0]!, code: `320100-XK-${String(i).padStart(5, '0')}` }));
    const seenNames = new Set<string>();
    const watcher = watch(directory, (_event, name) => {
      if (name) seenNames.add(name);
    });
    const observedSizes: number[] = [];
    let writing = true;
    const observer = (async () => {
      while (writing) {
        for (const name of await readdir(directory)) {
          if (CATALOG_FILE_PATTERN.test(name)) observedSizes.push((await stat(join(directory, name))).size);
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const file = await writeCatalogExport(directory, many, { exportedAt: new Date('2025-01-01T00:00:00Z') });
    writing = false;
    await observer;
    await new Promise((resolve) => setTimeout(resolve, 50));
    watcher.close();
    expect(file.byteLength).toBeGreaterThan(1_000_000);
    expect(observedSizes.every((size) => size === file.byteLength)).toBe(true);
    const temporary = [...seenNames].filter((name) => name !== file.fileName);
    expect(temporary.length).toBeGreaterThan(0);
    expect(temporary.every((name) => /^\.catalog-\d{14}\.csv\.\d+\.[0-9a-f]{8}\.tmp$/.test(name) && !/\.csv$/.test(name))).toBe(true);
    expect(await readdir(directory)).toEqual([file.fileName]);
  });
});
