import { DEFAULT_DATASET_SIZES, generateDataset, type Dataset } from '..';
import { findDatasetProblems } from './find-dataset-problems';

// The platform and its tests generate this dataset at start: it must be fast and consistent.
let dataset: Dataset;
let elapsedMs: number;
beforeAll(() => {
  const started = performance.now();
  dataset = generateDataset();
  elapsedMs = performance.now() - started;
});

describe('the default dataset', () => {
  it('has the default sizes', () => {
    expect(dataset.sizes).toEqual({ persons: 10000, enterprises: 2000, services: 500, licenceTypes: 50, licences: 100000, cases: 20000 });
    expect(dataset.sizes).toEqual(DEFAULT_DATASET_SIZES);
    expect(dataset.seed).toBe(20260101);
    expect([
      dataset.persons.length,
      dataset.enterprises.length,
      dataset.services.length,
      dataset.licenceTypes.length,
      dataset.licences.length,
      dataset.cases.length,
    ]).toEqual([10000, 2000, 500, 50, 100000, 20000]);
  });

  it('is generated quickly', () => {
    // About 0.5 s in plain Node and 1–1.5 s under jest on the busy 2-core reference machine; the bound leaves room
    // for a loaded CI runner but not for an accidentally quadratic generator.
    expect(elapsedMs).toBeLessThan(5000);
  });

  it('keeps every promise of the data model', () => {
    expect(findDatasetProblems(dataset)).toEqual([]);
  });

  it('spreads licences so that many persons hold between 0 and 30', () => {
    const perHolder = new Map<string, number>();
    for (const licence of dataset.licences) perHolder.set(licence.holderId, (perHolder.get(licence.holderId) ?? 0) + 1);
    const counts = dataset.persons.map((person) => perHolder.get(person.idNumber) ?? 0);
    const histogram = (low: number, high: number): number => counts.filter((count) => count >= low && count <= high).length;
    expect(Math.max(...counts)).toBeLessThanOrEqual(30);
    expect(histogram(0, 0)).toBeGreaterThan(300);
    expect(histogram(1, 5)).toBeGreaterThan(2000);
    expect(histogram(6, 15)).toBeGreaterThan(2000);
    expect(histogram(16, 30)).toBeGreaterThan(500);
  });

  it('has cases with two result licences (combined services such as 开办餐饮店一件事)', () => {
    expect(dataset.cases.some((record) => record.resultLicenceNumbers.length === 2)).toBe(true);
  });

  it('uses many districts, surnames and services', () => {
    expect(new Set(dataset.persons.map((person) => person.idNumber.slice(0, 6))).size).toBeGreaterThan(60);
    expect(new Set(dataset.persons.map((person) => person.name.charAt(0))).size).toBeGreaterThan(60);
    expect(new Set(dataset.cases.map((record) => record.serviceCode)).size).toBeGreaterThan(400);
    expect(new Set(dataset.licences.map((licence) => licence.typeCode)).size).toBe(50);
  });
});
