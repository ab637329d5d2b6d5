/**
 * The social-insurance system's accounts (社会保险信息系统), derived from a
 * dataset's persons and enterprises. Its own random stream (seeded from the
 * dataset's seed), so adding this system changed no record of the other
 * five: the same dataset always gives the same accounts.
 *
 * About 70 % of adults have an account. Contributions follow Jiangsu-like
 * rates on a contribution base that is adjusted every July; employees pay
 * through an enterprise of the dataset, the self-employed as `灵活就业`.
 * Men retire at 60, women at 55 (their accounts are `terminated`).
 */
import { parseDay, civilDate } from './calendar';
import { createRandom, createWeightedChoices, type Random } from './random';
import type { ContributionRecord, Dataset, InsuranceType, InsuredStatus, SocialInsuranceData, SocialInsuranceRecord } from './types';

/** All insurance types, in the order they are listed everywhere. */
export const INSURANCE_TYPES: readonly InsuranceType[] = Object.freeze(['pension', 'medical', 'unemployment', 'work_injury', 'maternity']);

/** The paying unit of flexible employment (self-paid contributions). */
export const FLEXIBLE_EMPLOYMENT = '灵活就业';

/** Months of contribution history the system keeps online, ending at the reference month. */
export const CONTRIBUTION_HISTORY_MONTHS = 36;

/** Share of adults with an account. */
const ACCOUNT_SHARE = 0.7;
/** Modern contribution records start in January 1995. */
const RECORDS_START = 1995 * 12;
/** Mixed into the dataset seed, so this stream is independent of the dataset's own. */
const STREAM_SALT = 0x51c0_ffee;

/** Personal and employer rates in basis points (1/100 %), per type. */
const EMPLOYEE_RATES: Readonly<Record<InsuranceType, readonly [personal: number, employer: number]>> = {
  pension: [800, 1600],
  medical: [200, 800],
  unemployment: [50, 50],
  work_injury: [0, 40],
  maternity: [0, 80],
};
const FLEXIBLE_RATES: Readonly<Partial<Record<InsuranceType, readonly [number, number]>>> = { pension: [2000, 0], medical: [800, 0] };

const STATUS_CHOICES = createWeightedChoices<Exclude<InsuredStatus, 'terminated'> | 'left'>([
  ['insured', 82],
  ['suspended', 9],
  ['left', 4],
  ['never', 5],
]);

/**
 * Derives the social-insurance accounts of `dataset` (deterministic; about a
 * tenth of a second for the default 10000 persons).
 */
export function generateSocialInsurance(dataset: Pick<Dataset, 'seed' | 'referenceDate' | 'persons' | 'enterprises'>): SocialInsuranceData {
  const random = createRandom((dataset.seed ^ STREAM_SALT) >>> 0);
  const [refYear, refMonthOfYear] = civilDate(parseDay(dataset.referenceDate));
  const referenceMonth = refYear * 12 + refMonthOfYear - 1;
  const employers = dataset.enterprises.filter((enterprise) => enterprise.status === 'active').map((enterprise) => enterprise.name);
  const records: SocialInsuranceRecord[] = [];
  for (const person of dataset.persons) {
    const birthMonth = Number(person.birthDate.slice(0, 4)) * 12 + Number(person.birthDate.slice(5, 7)) - 1;
    // One draw per person, adult or not, so a person's account does not depend on the others' ages.
    const hasAccount = random.chance(ACCOUNT_SHARE);
    const choice = random.weightedPick(STATUS_CHOICES);
    const adultFrom = birthMonth + 18 * 12;
    if (!hasAccount || adultFrom > referenceMonth) continue;
    if (choice === 'never') {
      records.push({ idNumber: person.idNumber, name: person.name, status: 'never', insuranceTypes: [], firstContributionMonth: null, lastContributionMonth: null, totalContributionMonths: 0, payingUnit: null, contributions: [] });
      continue;
    }
    const record = account(random, person, birthMonth, referenceMonth, choice, employers);
    if (record) records.push(record);
  }
  return { referenceMonth: formatMonth(referenceMonth), records };
}

function account(
  random: Random,
  person: Dataset['persons'][number],
  birthMonth: number,
  referenceMonth: number,
  choice: 'insured' | 'suspended' | 'left',
  employers: readonly string[],
): SocialInsuranceRecord | undefined {
  const retirement = birthMonth + (person.gender === 'M' ? 60 : 55) * 12;
  const status: InsuredStatus = retirement <= referenceMonth || choice === 'left' ? 'terminated' : choice;
  let last = referenceMonth;
  if (retirement <= referenceMonth) last = retirement - 1;
  else if (status === 'suspended') last = referenceMonth - random.int(1, 30);
  else if (status === 'terminated') last = referenceMonth - random.int(1, 120);
  const earliest = Math.max(birthMonth + 18 * 12, RECORDS_START);
  if (last < earliest) return undefined; // retired before records began: the system never knew them
  const first = Math.min(Math.max(earliest + random.int(0, 96), RECORDS_START), Math.max(last, earliest));
  const span = last - first + 1;
  const flexible = employers.length === 0 || random.chance(0.2);
  const payingUnit = flexible ? FLEXIBLE_EMPLOYMENT : random.pick(employers);
  const insuranceTypes: InsuranceType[] = flexible
    ? random.chance(0.3) ? ['pension'] : ['pension', 'medical']
    : random.chance(0.1) ? ['pension', 'medical', 'work_injury'] : [...INSURANCE_TYPES];
  const windowStart = Math.max(first, referenceMonth - CONTRIBUTION_HISTORY_MONTHS + 1);
  const kept = Math.max(0, last - windowStart + 1);
  // Gaps (unemployment, moves) happened before the online window.
  const totalContributionMonths = Math.max(kept, span - random.int(0, Math.floor((span - kept) * 0.15)));

  // Base (whole yuan) of the contribution year (July–June) of the reference month, 4% lower for each year before.
  const referenceBase = random.int(4_500, 28_000);
  const contributionYear = (month: number): number => (month % 12 >= 6 ? Math.floor(month / 12) : Math.floor(month / 12) - 1);
  const baseOf = (month: number): number => {
    let base = referenceBase;
    for (let year = contributionYear(month); year < contributionYear(referenceMonth); year += 1) base = Math.floor((base * 96) / 100);
    return base * 100;
  };
  const contributions: ContributionRecord[] = [];
  for (let month = windowStart; month <= last; month += 1) {
    const baseAmount = baseOf(month);
    for (const insuranceType of insuranceTypes) {
      const [personal, employer] = (flexible ? FLEXIBLE_RATES[insuranceType] : EMPLOYEE_RATES[insuranceType]) ?? [0, 0];
      contributions.push({ month: formatMonth(month), insuranceType, baseAmount, personalAmount: share(baseAmount, personal), employerAmount: share(baseAmount, employer), payingUnit });
    }
  }
  return {
    idNumber: person.idNumber,
    name: person.name,
    status,
    insuranceTypes,
    firstContributionMonth: formatMonth(first),
    lastContributionMonth: formatMonth(last),
    totalContributionMonths,
    payingUnit,
    contributions,
  };
}

/** `amount × basisPoints / 10000`, rounded half up, in integer arithmetic. */
function share(amount: number, basisPoints: number): number {
  return Math.floor((amount * basisPoints + 5000) / 10000);
}

/** `YYYY-MM` of a month index (`year × 12 + month − 1`). */
function formatMonth(index: number): string {
  const month = (index % 12) + 1;
  return `${Math.floor(index / 12)}-${month < 10 ? `0${month}` : month}`;
}
