/**
 * A hand-made social-insurance dataset: every value a test asserts is written
 * here, so the expected answers can be checked by reading this file.
 */
import type { ContributionRecord, SocialInsuranceRecord } from '@govgraph/legacy';
import { residentIdCheckChar } from '@govgraph/sdk';

/** A valid resident ID number from its first 17 digits. */
export function residentId(first17: string): string {
  return first17 + residentIdCheckChar(first17);
}

/** Insured, pension and medical, paying since 2012; three months online. */
export const INSURED_ID = residentId('32010219900307123');
/** Registered, never paid. */
export const NEVER_ID = residentId('32050219851111002');
/** Retired: terminated, flexible employment at the end. */
export const TERMINATED_ID = residentId('32020219580203001');
/** A valid ID number with no account at all. */
export const NO_ACCOUNT_ID = residentId('32030219950505004');

const UNIT = '南京示例科技有限公司';

function contribution(month: string, insuranceType: ContributionRecord['insuranceType'], base: number, personal: number, employer: number, payingUnit = UNIT): ContributionRecord {
  return { month, insuranceType, baseAmount: base, personalAmount: personal, employerAmount: employer, payingUnit };
}

/** The accounts the simulator serves in the tests. */
export const SAMPLE_ACCOUNTS: readonly SocialInsuranceRecord[] = [
  {
    idNumber: INSURED_ID,
    name: '王小明',
    status: 'insured',
    insuranceTypes: ['pension', 'medical'],
    firstContributionMonth: '2012-07',
    lastContributionMonth: '2026-06',
    totalContributionMonths: 150,
    payingUnit: UNIT,
    contributions: [
      contribution('2026-04', 'pension', 800000, 64000, 128000),
      contribution('2026-04', 'medical', 800000, 16000, 64005),
      contribution('2026-05', 'pension', 800000, 64000, 128000),
      contribution('2026-05', 'medical', 800000, 16000, 64005),
      contribution('2026-06', 'pension', 1234567, 98765, 5),
      contribution('2026-06', 'medical', 1234567, 24691, 0),
    ],
  },
  {
    idNumber: NEVER_ID,
    name: '李四',
    status: 'never',
    insuranceTypes: [],
    firstContributionMonth: null,
    lastContributionMonth: null,
    totalContributionMonths: 0,
    payingUnit: null,
    contributions: [],
  },
  {
    idNumber: TERMINATED_ID,
    name: '张三',
    status: 'terminated',
    insuranceTypes: ['pension', 'medical', 'unemployment', 'work_injury', 'maternity'],
    firstContributionMonth: '1985-01',
    lastContributionMonth: '2018-02',
    totalContributionMonths: 398,
    payingUnit: '灵活就业',
    contributions: [],
  },
];

/** Credentials of the simulator in the tests (a test account, not a secret anywhere). */
export const TEST_CREDENTIALS = Object.freeze({ username: 'si-test-gateway', password: 'Pa55-si-test-only-9f3c' });
