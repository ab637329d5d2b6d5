import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDataset, writeCatalogExport, type ServiceRecord } from '@govgraph/legacy';
import { BadGatewayError, UpstreamDataError } from '@govgraph/sdk';
import {
  SERVICE_FIELDS,
  SERVICES,
  buildSubgraph,
  expected,
  makeExportDirectory,
  post,
  startTestbed,
  waitFor,
  type ServicesTestbed,
} from './services-testkit';

const opened: ServicesTestbed[] = [];
const directories: string[] = [];

async function open(options: Parameters<typeof startTestbed>[0] = {}): Promise<ServicesTestbed> {
  const bed = await startTestbed(options);
  opened.push(bed);
  return bed;
}

function emptyDirectory(): string {
  const directory = makeExportDirectory();
  directories.push(directory);
  return directory;
}

afterEach(async () => {
  await Promise.all(opened.splice(0).map((bed) => bed.close()));
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe('a new export', () => {
  it('is served without a restart, replacing the old one entirely', async () => {
    const bed = await open();
    const renamed: ServiceRecord = { ...SERVICES[1]!, name: '食品经营许可（新办，告知承诺制）', promisedDays: 1 };
    const added: ServiceRecord = { code: '320100-JF-0001', name: '最低生活保障金给付', department: '南京市民政局', kind: '行政给付', onlineDepth: 3, promisedDays: 15, legalDays: 30 };
    const next = [renamed, SERVICES[2]!, added];

    const published = await bed.exporter.publish(next);
    await bed.waitForFile(published.fileName);

    expect(
      await bed.query(`{
        renamed: service(code: "320100-XK-0001") { ${SERVICE_FIELDS} }
        added: service(code: "320100-JF-0001") { ${SERVICE_FIELDS} }
        removed: service(code: "320100-XK-0002") { code }
        departments
        byDepartment: servicesByDepartment(department: "南京市民政局") { items { code } total }
        search: searchServices(text: "新办") { items { name } total }
      }`),
    ).toEqual({
      data: {
        renamed: expected('320100-XK-0001', next),
        added: expected('320100-JF-0001', next),
        removed: null,
        departments: ['南京市市场监督管理局', '南京市民政局'],
        byDepartment: { items: [{ code: '320100-JF-0001' }, { code: '320100-QR-0001' }], total: 2 },
        search: { items: [{ name: '食品经营许可（新办，告知承诺制）' }], total: 1 },
      },
    });
    expect((await bed.subgraph.readiness()).sources['catalog']?.detail).toBe(`${published.fileName}: 3 rows, 0 bad rows`);
  });

  it('that is unusable is refused and the previous export stays served', async () => {
    const bed = await open();
    const first = bed.exporter.current().fileName;
    const broken = await bed.exporter.publish([SERVICES[0]!], { badRows: [{ kind: 'bad-depth' }, { kind: 'non-numeric-days' }] });
    await waitFor(async () => (await bed.subgraph.readiness()).sources['catalog']?.detail?.includes('refused') === true, 'the refusal');

    const readiness = await bed.subgraph.readiness();
    expect(readiness.status).toBe('ready');
    expect(readiness.sources['catalog']?.detail).toBe(
      `${first}: 5 rows, 0 bad rows; refused ${broken.fileName}: 2 of 3 rows are bad, more than maxBadRowRatio 0.5`,
    );
    expect(await bed.query('{ service(code: "320000-XK-0001") { code } departments }')).toEqual({
      data: { service: { code: '320000-XK-0001' }, departments: ['南京市市场监督管理局', '南京市民政局', '无锡市交通运输局', '江苏省市场监督管理局'] },
    });
  });
});

describe('bad rows', () => {
  it('are skipped and reported while the rest of the export is served', async () => {
    const bed = await open({
      badRows: [
        { kind: 'bad-depth', at: 0, code: '320100-XK-0900' },
        { kind: 'non-numeric-days', at: 2, code: '320100-XK-0901' },
        { kind: 'wrong-column-count', code: '320100-XK-0902' },
      ],
    });
    const body = await bed.query(
      `{ servicesByDepartment(department: "南京市市场监督管理局") { items { ${SERVICE_FIELDS} } total }
         bad: service(code: "320100-XK-0900") { code } search: searchServices(text: "损坏") { total } }`,
    );
    expect(body).toEqual({
      data: {
        servicesByDepartment: { items: [expected('320100-XK-0001'), expected('320100-XK-0002')], total: 2 },
        bad: null,
        search: { total: 0 },
      },
    });
    const file = bed.exporter.current().fileName;
    expect((await bed.subgraph.readiness()).sources['catalog']?.detail).toBe(`${file}: 5 rows, 3 bad rows`);
  });
});

describe('readiness', () => {
  it('reports the export file being served on /readyz', async () => {
    const bed = await open();
    const response = await bed.subgraph.fetch('http://services.test/readyz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ready',
      subgraph: 'services',
      sources: { catalog: { status: 'up', detail: `${bed.exporter.current().fileName}: 5 rows, 0 bad rows`, latencyMs: expect.any(Number) } },
    });
  });
});

describe('the catalog in memory', () => {
  it('keeps serving when the export file is deleted: queries never read the file', async () => {
    const bed = await open();
    rmSync(join(bed.directory, bed.exporter.current().fileName));
    await new Promise((resolve) => setTimeout(resolve, 60)); // a few polls
    expect(await bed.query('{ service(code: "320200-GG-0001") { name } }')).toEqual({ data: { service: { name: 'ETC 电子标签办理' } } });
  });

  it('serves a generated catalog whole: every generated row passes validation', async () => {
    const { services } = generateDataset({ seed: 7, sizes: { persons: 0, enterprises: 0, services: 400, licenceTypes: 0, licences: 0, cases: 0 } });
    const bed = await open({ services });
    expect((await bed.subgraph.readiness()).sources['catalog']?.detail).toBe(`${bed.exporter.current().fileName}: 400 rows, 0 bad rows`);
    const sample = services[services.length - 1]!;
    const department = services.filter((service) => service.department === sample.department);
    expect(
      await bed.query(`query($c: String!, $d: String!) { service(code: $c) { ${SERVICE_FIELDS} } servicesByDepartment(department: $d, pageSize: 100) { items { code } total } }`, {
        c: sample.code,
        d: sample.department,
      }),
    ).toEqual({
      data: {
        service: { ...sample },
        servicesByDepartment: { items: department.map((s) => ({ code: s.code })).sort((a, b) => (a.code < b.code ? -1 : 1)).slice(0, 100), total: department.length },
      },
    });
  });
});

describe('no export', () => {
  it('fails start with CONN_UPSTREAM_UNAVAILABLE when the directory holds no export', async () => {
    const subgraph = buildSubgraph(emptyDirectory());
    const failure = subgraph.start();
    await expect(failure).rejects.toBeInstanceOf(BadGatewayError);
    await expect(failure).rejects.toMatchObject({ code: 'CONN_UPSTREAM_UNAVAILABLE' });
  });

  it('fails start with CONN_UPSTREAM_INVALID_RESPONSE when the only export lacks a column', async () => {
    const directory = emptyDirectory();
    const subgraph = buildSubgraph(directory, { pattern: '\\.csv$', encoding: 'utf-8' });
    writeFileSync(join(directory, 'catalog-20260101080000.csv'), '事项编码,事项名称\r\n320100-XK-0001,结婚登记\r\n');
    await expect(subgraph.start()).rejects.toBeInstanceOf(UpstreamDataError);
  });

  it('with allowEmpty: not ready, each query fails with CONN_UPSTREAM_UNAVAILABLE, then the first export is served', async () => {
    const directory = emptyDirectory();
    const subgraph = buildSubgraph(directory, { allowEmpty: true });
    await subgraph.start();
    try {
      const notReady = await subgraph.fetch('http://services.test/readyz');
      expect(notReady.status).toBe(503);
      expect(await notReady.json()).toMatchObject({ status: 'not-ready', sources: { catalog: { status: 'down', detail: 'no file loaded yet' } } });

      const body = await post(subgraph, '{ service(code: "320100-XK-0001") { code } departments }');
      expect(body.data).toBeNull();
      expect(body.errors).toEqual([
        {
          message: 'The service catalog "service-catalog" has no export loaded yet',
          path: ['service'],
          locations: expect.any(Array),
          extensions: { code: 'CONN_UPSTREAM_UNAVAILABLE', source: 'service-catalog' },
        },
        {
          message: 'The service catalog "service-catalog" has no export loaded yet',
          path: ['departments'],
          locations: expect.any(Array),
          extensions: { code: 'CONN_UPSTREAM_UNAVAILABLE', source: 'service-catalog' },
        },
      ]);

      await writeCatalogExport(directory, SERVICES);
      await waitFor(async () => (await subgraph.readiness()).status === 'ready', 'the first export');
      expect(await post(subgraph, '{ service(code: "320100-XK-0001") { code } }')).toEqual({ data: { service: { code: '320100-XK-0001' } } });
    } finally {
      await subgraph.stop();
    }
  });
});
