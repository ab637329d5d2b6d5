import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { createSilentLogger } from '@govgraph/sdk';
import { fileSource, parseFileSourceConfig, type FileSnapshot, type FileSource } from '../index';

/** A marriage registration export (婚姻登记): 证件号码 1–18, 姓名 19–28, 登记日期 29–36. */
interface Registration {
  readonly id: string;
  readonly name: string;
  readonly date: string;
}

const FORMAT = {
  kind: 'fixed-width',
  columns: [
    { name: '证件号码', start: 1, length: 18 },
    { name: '姓名', start: 19, length: 10 },
    { name: '登记日期', start: 29, length: 8 },
  ],
  skipLines: 1,
};

let dir: string;
const sources: FileSource<Registration>[] = [];

function line(id: string, name: string, date: string): Buffer {
  const nameBytes = iconv.encode(name, 'gbk');
  return Buffer.concat([Buffer.from(id), nameBytes, Buffer.alloc(10 - nameBytes.length, 0x20), Buffer.from(date)]);
}

function writeExport(name: string, lines: Buffer[]): void {
  const header = iconv.encode('证件号码          姓名      登记日期', 'gbk');
  writeFileSync(join(dir, name), Buffer.concat([header, ...lines].flatMap((l) => [l, Buffer.from('\r\n')])));
}

async function startSource(): Promise<FileSource<Registration>> {
  const source = fileSource<Registration>(
    parseFileSourceConfig({ name: 'marriage-registry', directory: dir, pattern: '\\.dat$', format: FORMAT, pollIntervalMs: 20, settleMs: 0 }),
    (row) => {
      if (!/^\d{8}$/.test(row['登记日期']!)) throw new Error('登记日期 is not YYYYMMDD');
      return { id: row['证件号码']!, name: row['姓名']!, date: row['登记日期']! };
    },
  );
  sources.push(source);
  await source.start({ logger: createSilentLogger() });
  return source;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'govgraph-fixed-'));
});

afterEach(async () => {
  await Promise.all(sources.splice(0).map((source) => source.stop()));
  rmSync(dir, { recursive: true, force: true });
});

describe('fileSource with fixed-width GBK records', () => {
  it('loads exact records, reports bad rows by line, and swaps in a new file', async () => {
    writeExport('registry-20240101.dat', [
      line('110101198001013326', '张伟', '20240101'),
      line('310104199203159711', '欧阳娜娜', '20240102'),
      Buffer.concat([Buffer.from('440305200107201555'), iconv.encode('王芳', 'gbk')]), // short
      line('330106197511114053', '刘洋', '2024-1-3'), // mapRow rejects
    ]);
    const source = await startSource();
    expect(source.records()).toEqual([
      { id: '110101198001013326', name: '张伟', date: '20240101' },
      { id: '310104199203159711', name: '欧阳娜娜', date: '20240102' },
    ]);
    expect(source.snapshot()).toMatchObject({
      file: 'registry-20240101.dat',
      rows: 2,
      badRowCount: 2,
      badRows: [
        { line: 4, reason: 'the line has 22 bytes, fewer than the 36 the columns need' },
        { line: 5, reason: '登记日期 is not YYYYMMDD' },
      ],
    });

    const reloaded = new Promise<FileSnapshot>((resolve) => {
      const off = source.onReload((snapshot) => {
        off();
        resolve(snapshot);
      });
    });
    writeExport('registry-20240201.dat', [line('510107198808086676', '陈静', '20240201')]);
    await expect(reloaded).resolves.toMatchObject({ file: 'registry-20240201.dat', rows: 1, badRowCount: 0, generation: 2 });
    expect(source.records()).toEqual([{ id: '510107198808086676', name: '陈静', date: '20240201' }]);
  });

  it('reports bytes that are not GBK as a bad row', async () => {
    writeExport('registry-20240101.dat', [
      line('110101198001013326', '张伟', '20240101'),
      Buffer.concat([Buffer.from('110101198001013327'), Buffer.from([0xff, 0xff]), Buffer.alloc(8, 0x20), Buffer.from('20240101')]),
    ]);
    const source = await startSource();
    expect(source.records()).toHaveLength(1);
    expect(source.snapshot()!.badRows).toEqual([{ line: 3, reason: 'the row has bytes that are not valid gbk' }]);
  });
});
