import { generateDataset, type Dataset, type DatasetSizes } from '..';
import { expectedExpiry, findDatasetProblems } from './find-dataset-problems';

const SMALL: DatasetSizes = { persons: 800, enterprises: 200, services: 120, licenceTypes: 50, licences: 6000, cases: 1500 };

let dataset: Dataset;
beforeAll(() => {
  dataset = generateDataset({ seed: 7, sizes: SMALL });
});

describe('generateDataset', () => {
  it('honours the requested sizes, seed and reference date', () => {
    expect(dataset.seed).toBe(7);
    expect(dataset.sizes).toEqual(SMALL);
    expect(dataset.referenceDate).toBe('2026-06-30');
    expect({
      persons: dataset.persons.length,
      enterprises: dataset.enterprises.length,
      services: dataset.services.length,
      licenceTypes: dataset.licenceTypes.length,
      licences: dataset.licences.length,
      cases: dataset.cases.length,
    }).toEqual(SMALL);
  });

  it('keeps every promise of the data model (identifiers, uniqueness, references, workflow, statuses)', () => {
    expect(findDatasetProblems(dataset)).toEqual([]);
  });

  it('is deterministic: the same seed and sizes give byte-identical output', () => {
    const again = generateDataset({ seed: 7, sizes: SMALL });
    expect(again).toEqual(dataset);
    expect(JSON.stringify(again)).toBe(JSON.stringify(dataset));
  });

  it('gives a different province for a different seed', () => {
    const other = generateDataset({ seed: 8, sizes: SMALL });
    expect(other.persons[0]).not.toEqual(dataset.persons[0]);
    expect(other.enterprises[0]?.creditCode).not.toBe(dataset.enterprises[0]?.creditCode);
    expect(other.cases.map((record) => record.number)).not.toEqual(dataset.cases.map((record) => record.number));
  });

  it('fills in default sizes for the sizes not given', () => {
    const partial = generateDataset({ sizes: { persons: 50, enterprises: 10, services: 5, licences: 100, cases: 20 } });
    expect(partial.seed).toBe(20260101);
    expect(partial.sizes).toEqual({ persons: 50, enterprises: 10, services: 5, licenceTypes: 50, licences: 100, cases: 20 });
    expect(partial.licenceTypes).toHaveLength(50);
    expect(findDatasetProblems(partial)).toEqual([]);
  });

  it('generates an empty province when every size is 0', () => {
    const empty = generateDataset({ sizes: { persons: 0, enterprises: 0, services: 0, licenceTypes: 0, licences: 0, cases: 0 } });
    expect([empty.persons, empty.enterprises, empty.services, empty.licenceTypes, empty.licences, empty.cases]).toEqual([[], [], [], [], [], []]);
  });

  it('works with only persons, or only enterprises with their representatives', () => {
    const onlyPersons = generateDataset({ seed: 3, sizes: { persons: 200, enterprises: 0, services: 60, licenceTypes: 50, licences: 800, cases: 300 } });
    expect(findDatasetProblems(onlyPersons)).toEqual([]);
    expect(onlyPersons.licences.every((licence) => licence.holderKind === 'person')).toBe(true);
    expect(onlyPersons.cases.every((record) => record.applicantKind === 'person')).toBe(true);

    const fewTypes = generateDataset({ seed: 3, sizes: { persons: 30, enterprises: 40, services: 30, licenceTypes: 3, licences: 200, cases: 100 } });
    expect(findDatasetProblems(fewTypes)).toEqual([]);
    expect(new Set(fewTypes.licences.map((licence) => licence.typeCode))).toEqual(new Set(['LT-0001', 'LT-0002', 'LT-0003']));
  });

  it('reports every invalid option at once', () => {
    const sizes = { persons: 1.5, enterprises: -2, services: 100000, licenceTypes: 999, licenses: 5 } as Partial<DatasetSizes>;
    const attempt = (): Dataset => generateDataset({ seed: -1, sizes });
    expect(attempt).toThrow(RangeError);
    expect(() => attempt()).toThrow(
      [
        'Invalid dataset options:',
        '- seed must be an integer in [0, 4294967295], got -1',
        '- sizes.licenses is not a dataset size (known: persons, enterprises, services, licenceTypes, licences, cases)',
        '- sizes.persons must be an integer ≥ 0, got 1.5',
        '- sizes.enterprises must be an integer ≥ 0, got -2',
        "- sizes.services must be at most 1996 (the catalog's items × cities × variants), got 100000",
        "- sizes.licenceTypes must be at most 54 (the catalog's types), got 999",
      ].join('\n'),
    );
  });

  it('refuses enterprises without persons to represent them, and cases or licences nobody can have', () => {
    expect(() => generateDataset({ sizes: { persons: 0, enterprises: 5, licences: 0, cases: 0 } })).toThrow(
      '- sizes.persons must be > 0 when there are enterprises: every enterprise has a legal representative',
    );
    expect(() => generateDataset({ sizes: { persons: 0, enterprises: 0 } })).toThrow(
      /- sizes\.licences > 0 needs sizes\.licenceTypes > 0 and some persons or enterprises to hold them\n- sizes\.cases > 0 needs/,
    );
  });

  it('says so when the holders cannot take the licences asked for', () => {
    // 10 persons can hold at most one ID card each and nothing else with licence types [营业执照, 居民身份证].
    expect(() => generateDataset({ sizes: { persons: 10, enterprises: 0, services: 0, licenceTypes: 2, licences: 11, cases: 0 } })).toThrow(
      'cannot place the remaining 1 licences: no holder can take another one',
    );
  });
});

describe('generated records', () => {
  it('gives persons ID numbers whose region, birth date and gender digits agree with the record', () => {
    for (const person of dataset.persons.slice(0, 50)) {
      expect(person.idNumber.slice(6, 14)).toBe(person.birthDate.replaceAll('-', ''));
      expect(Number(person.idNumber.charAt(16)) % 2 === 1 ? 'M' : 'F').toBe(person.gender);
    }
    const jiangsuBorn = dataset.persons.filter((person) => person.idNumber.startsWith('32')).length;
    expect(jiangsuBorn / dataset.persons.length).toBeGreaterThan(0.8);
  });

  it('uses all three organisation types and mostly active enterprises', () => {
    const types = new Set(dataset.enterprises.map((enterprise) => enterprise.creditCode.slice(0, 2)));
    expect(types).toEqual(new Set(['91', '92', '93']));
    const active = dataset.enterprises.filter((enterprise) => enterprise.status === 'active').length;
    expect(active / dataset.enterprises.length).toBeGreaterThan(0.8);
  });

  it('revokes a few percent of licences, with reasons', () => {
    const revoked = dataset.licences.filter((licence) => licence.status === 'revoked');
    expect(revoked.length / dataset.licences.length).toBeGreaterThan(0.01);
    expect(revoked.length / dataset.licences.length).toBeLessThan(0.1);
    expect(revoked.some((licence) => licence.revokedReason?.startsWith('吊销：'))).toBe(true);
    const expired = dataset.licences.filter((licence) => licence.status === 'expired');
    expect(expired.length).toBeGreaterThan(0);
  });

  it('issues result licences for some completed cases, to the applicant, on the completion date', () => {
    const withResults = dataset.cases.filter((record) => record.resultLicenceNumbers.length > 0);
    expect(withResults.length).toBeGreaterThan(50);
    expect(dataset.cases.some((record) => record.status === 'completed' && record.resultLicenceNumbers.length === 0)).toBe(true);
  });

  it('leaves the most recent cases open and walks every workflow branch', () => {
    const statuses = new Set(dataset.cases.map((record) => record.status));
    for (const status of ['completed', 'rejected', 'withdrawn']) expect(statuses).toContain(status);
    const open = dataset.cases.filter((record) => ['submitted', 'accepted', 'in_review', 'approved'].includes(record.status));
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((record) => record.submittedAt >= '2026-04-01')).toBe(true);
  });
});

describe('expectedExpiry (test helper)', () => {
  it('counts validity years to the day before the anniversary, 29 February ending on 27 February', () => {
    expect(expectedExpiry('2021-03-04', 5)).toBe('2026-03-03');
    expect(expectedExpiry('2020-02-29', 1)).toBe('2021-02-27');
    expect(expectedExpiry('2020-02-29', 4)).toBe('2024-02-28');
    expect(expectedExpiry('2024-01-01', 1)).toBe('2024-12-31');
  });
});
