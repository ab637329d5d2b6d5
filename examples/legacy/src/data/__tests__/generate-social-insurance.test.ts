import { CONTRIBUTION_HISTORY_MONTHS, FLEXIBLE_EMPLOYMENT, INSURANCE_TYPES, generateDataset, generateSocialInsurance, type Dataset, type SocialInsuranceData } from '..';
import { smallDataset } from '../../__tests__/fixtures/small-dataset';

const SIZES = { persons: 2000, enterprises: 200, services: 0, licenceTypes: 0, licences: 0, cases: 0 };
let dataset: Dataset;
let data: SocialInsuranceData;
beforeAll(() => {
  dataset = generateDataset({ seed: 20260101, sizes: SIZES });
  data = generateSocialInsurance(dataset);
});

describe('generateSocialInsurance', () => {
  it('is deterministic and leaves the dataset untouched', () => {
    const persons = JSON.stringify(dataset.persons);
    expect(JSON.stringify(generateSocialInsurance(dataset))).toBe(JSON.stringify(data));
    expect(JSON.stringify(dataset.persons)).toBe(persons);
    expect(generateSocialInsurance({ ...dataset, seed: 1 }).records[0]).not.toEqual(data.records[0]);
  });

  it('gives about 70% of adults an account, in the order of the persons', () => {
    const adults = dataset.persons.filter((p) => p.birthDate <= '2008-06-30');
    expect(data.referenceMonth).toBe('2026-06');
    expect(data.records.length / adults.length).toBeGreaterThan(0.65);
    expect(data.records.length / adults.length).toBeLessThan(0.75);
    const order = new Map(dataset.persons.map((p, index) => [p.idNumber, index]));
    const indexes = data.records.map((r) => order.get(r.idNumber) ?? -1);
    expect(indexes.every((value, i) => value >= 0 && (i === 0 || value > (indexes[i - 1] as number)))).toBe(true);
    const statuses = new Set(data.records.map((r) => r.status));
    expect([...statuses].sort()).toEqual(['insured', 'never', 'suspended', 'terminated']);
  });

  it('keeps every account consistent', () => {
    const enterpriseNames = new Set(dataset.enterprises.map((e) => e.name));
    const problems: string[] = [];
    const check = (ok: boolean, what: string, id: string): void => {
      if (!ok) problems.push(`${id}: ${what}`);
    };
    for (const record of data.records) {
      const id = record.idNumber;
      if (record.status === 'never') {
        check(record.insuranceTypes.length === 0 && record.firstContributionMonth === null && record.lastContributionMonth === null, 'never has no months', id);
        check(record.totalContributionMonths === 0 && record.payingUnit === null && record.contributions.length === 0, 'never has no contributions', id);
        continue;
      }
      const first = record.firstContributionMonth ?? '';
      const last = record.lastContributionMonth ?? '';
      check(first >= '1995-01' && first <= last, 'first month in range', id);
      check(record.status === 'insured' ? last === '2026-06' : last < '2026-06', 'last month matches status', id);
      check(record.payingUnit === FLEXIBLE_EMPLOYMENT || enterpriseNames.has(record.payingUnit ?? ''), 'paying unit', id);
      check(INSURANCE_TYPES.filter((t) => record.insuranceTypes.includes(t)).join() === record.insuranceTypes.join(), 'type order', id);
      const months = new Set(record.contributions.map((c) => c.month));
      check(months.size <= CONTRIBUTION_HISTORY_MONTHS && record.totalContributionMonths >= months.size, 'history length', id);
      check(record.contributions.length === months.size * record.insuranceTypes.length, 'one record per month and type', id);
      for (const c of record.contributions) {
        check(c.month >= '2023-07' && c.month >= first && c.month <= last, `month ${c.month}`, id);
        check(record.insuranceTypes.includes(c.insuranceType) && c.payingUnit === record.payingUnit, 'type and unit', id);
        check([c.baseAmount, c.personalAmount, c.employerAmount].every((amount) => Number.isSafeInteger(amount) && amount >= 0), 'integer amounts', id);
        check(c.payingUnit !== FLEXIBLE_EMPLOYMENT || c.employerAmount === 0, 'flexible employment pays alone', id);
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('derives exact records for a fixed seed (a contract, like the dataset snapshot)', () => {
    const unit = '徐州瑞丰股权投资合伙企业（有限合伙）';
    const first = data.records[0]!;
    expect({ ...first, contributions: first.contributions.length }).toEqual({
      idNumber: '320904199208120168',
      name: '刘华蕾',
      status: 'insured',
      insuranceTypes: ['pension', 'medical', 'unemployment', 'work_injury', 'maternity'],
      firstContributionMonth: '2017-02',
      lastContributionMonth: '2026-06',
      totalContributionMonths: 110,
      payingUnit: unit,
      contributions: 180,
    });
    expect(first.contributions[0]).toEqual({ month: '2023-07', insuranceType: 'pension', baseAmount: 1961000, personalAmount: 156880, employerAmount: 313760, payingUnit: unit });
    expect(first.contributions.at(-1)).toEqual({ month: '2026-06', insuranceType: 'maternity', baseAmount: 2128000, personalAmount: 0, employerAmount: 17024, payingUnit: unit });
    const flexible = data.records.find((r) => r.payingUnit === FLEXIBLE_EMPLOYMENT)!;
    expect(flexible.idNumber).toBe('320924200103251760');
    expect(flexible.contributions[0]).toEqual({ month: '2023-07', insuranceType: 'pension', baseAmount: 1971300, personalAmount: 394260, employerAmount: 0, payingUnit: FLEXIBLE_EMPLOYMENT });
  });

  it('works on a hand-made dataset', () => {
    const small = generateSocialInsurance(smallDataset);
    expect(small.referenceMonth).toBe('2025-06');
    expect(small.records.every((r) => smallDataset.persons.some((p) => p.idNumber === r.idNumber && p.name === r.name))).toBe(true);
  });
});
