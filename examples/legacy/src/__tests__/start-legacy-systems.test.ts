import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { CATALOG_HEADER, generateDataset, POPULATION_NAMESPACE, startLegacySystems, type Dataset, type LegacySystems } from '..';
import { smallDataset } from './fixtures/small-dataset';

describe('startLegacySystems', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'legacy-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const soapGetPerson = async (systems: LegacySystems, idNumber: string): Promise<string> => {
    const response = await fetch(systems.population.url, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${POPULATION_NAMESPACE}/GetPersonByIdNumber"` },
      body: `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><p:GetPersonByIdNumber xmlns:p="${POPULATION_NAMESPACE}"><p:idNumber>${idNumber}</p:idNumber></p:GetPersonByIdNumber></s:Body></s:Envelope>`,
    });
    expect(response.status).toBe(200);
    return response.text();
  };

  it('starts all five systems from one dataset on ephemeral ports and stops them', async () => {
    const systems = await startLegacySystems({ dataset: smallDataset, dataDirectory: directory, now: () => new Date('2025-03-04T01:00:00Z') });
    try {
      expect(systems.dataset).toBe(smallDataset);
      expect(systems.population.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/population$/);
      expect(await soapGetPerson(systems, smallDataset.persons[0]!.idNumber)).toContain('<pop:name>王小明</pop:name>');
      const enterprise = smallDataset.enterprises[0]!;
      expect(await (await fetch(`${systems.legalPerson.url}/api/v1/enterprises/${enterprise.creditCode}`)).json()).toEqual(enterprise);
      expect(systems.catalog.directory).toBe(join(directory, 'catalog'));
      expect(await readdir(systems.catalog.directory)).toEqual(['catalog-20250304090000.csv']);
      expect(systems.licenceLibrary).toMatchObject({ url: `file:${join(directory, 'licence-library.db')}`, kind: 'sqlite' });
      const caseRecord = smallDataset.cases[0]!;
      expect(await (await fetch(`${systems.cases.url}/api/v1/cases/${caseRecord.number}`)).json()).toEqual(caseRecord);
      expect(systems.socialInsurance.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/social-insurance$/);
      expect(systems.socialInsurance.credentials).toEqual({ username: 'govgraph-gateway', password: 'si-simulator-secret' });
      const wsdl = await fetch(`${systems.socialInsurance.url}?wsdl`);
      expect(await wsdl.text()).toContain(`<soap12:address location="${systems.socialInsurance.url}"/>`);
    } finally {
      await systems.close();
    }
    await systems.close();
    await expect(fetch(`${systems.cases.url}/healthz`)).rejects.toThrow();
  });

  it('refuses dataset and seed together, and stops what started when one system fails', async () => {
    await expect(startLegacySystems({ dataset: smallDataset, seed: 1, dataDirectory: directory })).rejects.toThrow('pass either dataset or seed, not both');
    const first = await startLegacySystems({ dataset: smallDataset, dataDirectory: directory });
    try {
      await expect(startLegacySystems({ dataset: smallDataset, dataDirectory: join(directory, 'b'), ports: { cases: first.cases.port } })).rejects.toThrow(/EADDRINUSE/);
      await expect(startLegacySystems({ dataset: smallDataset, dataDirectory: directory, licenceDbUrl: 'mysql://x' })).rejects.toThrow(TypeError);
    } finally {
      await first.close();
    }
  });

  describe('with the generated dataset (generateDataset)', () => {
    let dataset: Dataset;
    let systems: LegacySystems;
    beforeAll(async () => {
      dataset = generateDataset();
    });
    afterEach(async () => {
      await systems?.close();
    });

    it('serves the default-size province: every system answers with the generated records', async () => {
      systems = await startLegacySystems({ dataset, dataDirectory: directory });
      const person = dataset.persons[1234]!;
      expect(await soapGetPerson(systems, person.idNumber)).toContain(`<pop:id>${person.id}</pop:id>`);
      const enterprise = dataset.enterprises[321]!;
      expect(await (await fetch(`${systems.legalPerson.url}/api/v1/enterprises/${enterprise.creditCode}`)).json()).toEqual(enterprise);

      const file = systems.catalog.current();
      const text = iconv.decode(await readFile(file.path), 'gbk');
      expect(text.startsWith(`${CATALOG_HEADER.join(',')}\r\n`)).toBe(true);
      expect(file.rowCount).toBe(dataset.services.length);
      // Every generated service is representable in GBK: encoding loses nothing.
      const encodable = (value: string): boolean => iconv.decode(iconv.encode(value, 'gbk'), 'gbk') === value;
      expect(dataset.services.filter((s) => ![s.name, s.department, s.kind].every(encodable))).toEqual([]);

      const db = new Database(systems.licenceLibrary.url.slice('file:'.length), { readonly: true });
      expect(db.prepare('SELECT count(*) AS n FROM licences').get()).toEqual({ n: dataset.licences.length });
      db.close();

      const caseRecord = dataset.cases[999]!;
      expect(await (await fetch(`${systems.cases.url}/api/v1/cases/${caseRecord.number}`)).json()).toEqual(caseRecord);
      const byApplicants = (await (
        await fetch(`${systems.cases.url}/api/v1/cases/by-applicants`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ applicantIds: [caseRecord.applicantId] }) })
      ).json()) as { items: { number: string }[] };
      expect(byApplicants.items.map((c) => c.number)).toContain(caseRecord.number);
      // The case system's shape checks accept the generated identifiers and codes.
      const created = await fetch(`${systems.cases.url}/api/v1/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ applicantKind: caseRecord.applicantKind, applicantId: caseRecord.applicantId, serviceCode: caseRecord.serviceCode }),
      });
      expect(created.status).toBe(201);
      // ...and the generated licence numbers as result licences.
      const approved = dataset.cases.find((c) => c.status === 'approved');
      expect(approved).toBeDefined();
      const moved = await fetch(`${systems.cases.url}/api/v1/cases/${approved!.number}/transitions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ to: 'completed', resultLicenceNumbers: dataset.licences.slice(0, 3).map((l) => l.number) }),
      });
      expect(moved.status).toBe(200);
    }, 30_000);
  });
});
