import { CASE_STATUSES, createCaseStore } from '..';
import { CASE_TRANSITIONS, type CaseRecord, type CaseStatus } from '../../data/types';
import { cases } from '../../__tests__/fixtures/small-dataset';

describe('createCaseStore', () => {
  const caseIn = (status: CaseStatus): CaseRecord => ({ ...cases[0]!, number: `SZ-${status}`, status });

  it.each(CASE_STATUSES)('from %s allows exactly the transitions of CASE_TRANSITIONS', (from) => {
    for (const to of CASE_STATUSES) {
      const store = createCaseStore({ cases: [caseIn(from)], now: () => new Date('2025-01-01T00:00:00Z') });
      const result = store.transition(`SZ-${from}`, { to, note: null });
      if (CASE_TRANSITIONS[from].includes(to)) {
        expect(result).toMatchObject({ outcome: 'moved', case: { status: to } });
      } else {
        expect(result).toEqual({ outcome: 'not-allowed', from });
      }
    }
  });

  it('numbers new cases per China calendar day, skipping numbers already taken', () => {
    let now = new Date('2025-03-04T15:59:59Z'); // 23:59:59 in UTC+08:00
    const store = createCaseStore({ cases: [{ ...cases[0]!, number: 'SZ2025030400001' }], now: () => now });
    const input = { applicantKind: 'person' as const, applicantId: cases[0]!.applicantId, serviceCode: 'X-1', note: null };
    expect(store.create(input)).toMatchObject({ outcome: 'created', case: { number: 'SZ2025030400002', submittedAt: '2025-03-04T23:59:59+08:00' } });
    now = new Date('2025-03-04T16:00:00Z');
    expect(store.create(input)).toMatchObject({ case: { number: 'SZ2025030500001', submittedAt: '2025-03-05T00:00:00+08:00' } });
  });

  it('refuses duplicate case numbers in the dataset', () => {
    expect(() => createCaseStore({ cases: [cases[0]!, cases[0]!] })).toThrow('duplicate case number SZ2025030400001');
  });
});
