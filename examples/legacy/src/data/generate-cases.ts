/**
 * The city case-handling system's cases: an applicant of the kind the
 * service expects, submitted in 2025–2026 before the reference date, a
 * status history that walks `CASE_TRANSITIONS` with increasing
 * timestamps (stopping where the reference date cuts it off, so recent
 * cases are still open), and for completed new or renewal applications the
 * licences issued to the applicant. Numbers are `<city><YYYYMMDD><5 digits>`,
 * e.g. `SZ2025030400123`, in submission order within city and day.
 * @internal
 */
import { addYears, compactDay, dayNumber, SECONDS_PER_DAY } from './calendar';
import type { EnterprisePool } from './generate-enterprises';
import type { LicenceTypePool } from './generate-licence-types';
import type { PersonPool } from './generate-persons';
import type { ServicePool } from './generate-services';
import { JIANGSU, JIANGSU_CITIES, type City } from './jiangsu-regions';
import type { LicenceLedger } from './licence-ledger';
import type { LicenceTypeSpec } from './licence-type-catalog';
import { createWeightedChoices, type Random, type WeightedChoices } from './random';
import type { ServiceSpec } from './service-catalog';
import type { CaseStatusChange, EnterpriseRecord, HolderKind, PersonRecord, ServiceRecord } from './types';
import { walkCaseHistory } from './walk-case-history';
import { zeroPad } from './zero-pad';

// Bound once: under jest, code runs in a vm context where every global lookup (`Math`) goes
// through an interceptor; these run for every licence and case.
const { floor } = Math;

/** A case before its number and result licence numbers are known. */
export interface CaseDraft {
  readonly serviceIndex: number;
  readonly applicantKind: HolderKind;
  readonly applicantId: string;
  /** Seconds since 1970-01-01T00:00 China time. */
  readonly submittedSeconds: number;
  readonly history: readonly CaseStatusChange[];
  /** Ledger tickets of the result licences. */
  readonly resultTickets: readonly number[];
  /** `NJ`, `SZ`, …, or `JS` for provincial services. */
  readonly prefix: string;
}

const FIRST_SUBMISSION_DAY = dayNumber(2025, 1, 1);

/** Submissions by hour of day: office hours, lunch dip, evenings online. */
const HOUR_CHOICES = createWeightedChoices(
  [0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 7, 9, 9, 7, 4, 5, 8, 9, 8, 6, 3, 3, 3, 2, 1, 0.5].map((weight, hour) => [hour, weight] as const),
);

const APPLICANT_ATTEMPTS = 20;
const SERVICE_ATTEMPTS = 20;
/** Share of a city service's applicants who live (or are registered) in that city. */
const LOCAL_APPLICANT_SHARE = 0.85;
/**
 * Generates `count` cases. Result licences are issued into the ledger while
 * it has more than `reserve` places left.
 */
export function generateCases(options: {
  random: Random;
  count: number;
  persons: PersonPool;
  enterprises: EnterprisePool;
  services: ServicePool;
  types: LicenceTypePool;
  ledger: LicenceLedger;
  referenceDay: number;
  reserve: number;
}): CaseDraft[] {
  const { random, count, persons, enterprises, services, types, ledger, referenceDay, reserve } = options;
  const applicants = createApplicantIndex(persons, enterprises);
  const applicable = (kind: HolderKind): boolean => applicants[kind].all.length > 0;
  const serviceEntries = services.specs.flatMap((spec, index) => {
    if (!applicable(spec.applicantKind)) return [];
    const u = random.next();
    return [[index, 0.2 + u * u] as const];
  });
  if (count > 0 && serviceEntries.length === 0) {
    throw new RangeError('no service has applicants of its kind: cases need persons or active enterprises for the services generated');
  }
  const serviceChoices = serviceEntries.length > 0 ? createWeightedChoices(serviceEntries) : null;
  const resultTypes = services.specs.map((spec) =>
    spec.resultLicenceTypes.flatMap((name) => {
      const index = types.specs.findIndex((type) => type.name === name && type.holderKind === spec.applicantKind);
      return index < 0 ? [] : [index];
    }),
  );

  const endSeconds = referenceDay * SECONDS_PER_DAY;
  const drafts: CaseDraft[] = [];
  for (let i = 0; i < count; i += 1) {
    let draft: CaseDraft | null = null;
    for (let attempt = 0; attempt < SERVICE_ATTEMPTS && draft === null; attempt += 1) {
      const serviceIndex = random.weightedPick(serviceChoices as WeightedChoices<number>);
      const spec = services.specs[serviceIndex] as ServiceSpec;
      const day = random.int(FIRST_SUBMISSION_DAY, referenceDay - 1);
      const submittedSeconds = day * SECONDS_PER_DAY + random.weightedPick(HOUR_CHOICES) * 3600 + random.int(0, 3599);

      const cityIndex = services.cityIndexes[serviceIndex] as number;
      const applicant = pickApplicant(random, applicants[spec.applicantKind], cityIndex, (index) =>
        spec.applicantKind === 'person'
          ? addYears(persons.birthDays[index] as number, spec.minAge) <= day
          : (enterprises.establishedDays[index] as number) <= day,
      );
      if (applicant === null) continue;

      const service = services.records[serviceIndex] as ServiceRecord;
      const { history, lastSeconds } = walkCaseHistory(random, { submittedSeconds, endSeconds, service });
      const last = history[history.length - 1] as CaseStatusChange;

      const resultTickets: number[] = [];
      if (last.status === 'completed' && services.issuesLicence[serviceIndex]) {
        const completedDay = floor(lastSeconds / SECONDS_PER_DAY);
        for (const typeIndex of resultTypes[serviceIndex] as number[]) {
          const typeSpec = types.specs[typeIndex] as LicenceTypeSpec;
          if (ledger.remaining <= reserve) break;
          if (typeSpec.singleton && ledger.holds(spec.applicantKind, applicant, typeIndex)) continue;
          resultTickets.push(ledger.issue(typeIndex, spec.applicantKind, applicant, completedDay));
        }
        if (resultTickets.length > 0) history[history.length - 1] = { ...last, note: '办结，证照已制发' };
      }

      draft = {
        serviceIndex,
        applicantKind: spec.applicantKind,
        applicantId:
          spec.applicantKind === 'person'
            ? (persons.records[applicant] as PersonRecord).idNumber
            : (enterprises.records[applicant] as EnterpriseRecord).creditCode,
        submittedSeconds,
        history,
        resultTickets,
        prefix: cityIndex < 0 ? JIANGSU.casePrefix : (JIANGSU_CITIES[cityIndex] as City).casePrefix,
      };
    }
    if (draft === null) throw new RangeError(`could not find an applicant for case ${i + 1}: too few persons or active enterprises`);
    drafts.push(draft);
  }
  return drafts;
}

/**
 * Case numbers in submission order within city and day (`SZ2025030400123`),
 * and the indexes of the drafts in submission order.
 */
export function numberCases(drafts: readonly CaseDraft[]): { numbers: string[]; order: number[] } {
  const order = drafts.map((_, index) => index);
  order.sort((a, b) => (drafts[a] as CaseDraft).submittedSeconds - (drafts[b] as CaseDraft).submittedSeconds || a - b);
  const sequences = new Map<string, number>();
  const numbers = new Array<string>(drafts.length);
  for (const index of order) {
    const draft = drafts[index] as CaseDraft;
    const prefix = `${draft.prefix}${compactDay(floor(draft.submittedSeconds / SECONDS_PER_DAY))}`;
    const sequence = (sequences.get(prefix) ?? 0) + 1;
    sequences.set(prefix, sequence);
    numbers[index] = `${prefix}${zeroPad(sequence, 5)}`;
  }
  return { numbers, order };
}

/** Who can apply: everyone of a kind, and by city. Only active enterprises apply. */
interface ApplicantIndex {
  readonly all: readonly number[];
  readonly byCity: readonly (readonly number[])[];
}

function createApplicantIndex(persons: PersonPool, enterprises: EnterprisePool): Record<HolderKind, ApplicantIndex> {
  const index = (count: number, cityIndexes: Uint8Array, eligible: (i: number) => boolean): ApplicantIndex => {
    const all: number[] = [];
    const byCity: number[][] = JIANGSU_CITIES.map(() => []);
    for (let i = 0; i < count; i += 1) {
      if (!eligible(i)) continue;
      all.push(i);
      (byCity[cityIndexes[i] as number] as number[]).push(i);
    }
    return { all, byCity };
  };
  return {
    person: index(persons.records.length, persons.cityIndexes, () => true),
    enterprise: index(enterprises.records.length, enterprises.cityIndexes, (i) => enterprises.records[i]?.status === 'active'),
  };
}

/** Mostly someone from the service's city; `null` when no candidate qualifies after a few tries. */
function pickApplicant(random: Random, applicants: ApplicantIndex, cityIndex: number, qualifies: (index: number) => boolean): number | null {
  const local = cityIndex >= 0 ? (applicants.byCity[cityIndex] as readonly number[]) : [];
  for (let attempt = 0; attempt < APPLICANT_ATTEMPTS; attempt += 1) {
    const pool = local.length > 0 && random.chance(LOCAL_APPLICANT_SHARE) ? local : applicants.all;
    const index = random.pick(pool);
    if (qualifies(index)) return index;
  }
  return null;
}
