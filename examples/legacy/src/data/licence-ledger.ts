/**
 * Collects licences as the generator decides them (business licences at
 * establishment, results of completed cases, the rest of the library) and
 * turns them into records at the end: ordered by issue date, numbered
 * `JS-LT0007-2021-000123` (type, issue year, sequence within both), with
 * expiry and status computed against the reference date. Numbering at the
 * end keeps sequence numbers in issue-date order however the licences were
 * decided. Decisions are kept in typed arrays, not objects: the library has
 * a hundred thousand entries and the platform generates it at every start.
 * @internal
 */
import { addYears, formatDay, yearOf } from './calendar';
import type { EnterprisePool } from './generate-enterprises';
import type { LicenceTypePool } from './generate-licence-types';
import type { PersonPool } from './generate-persons';
import { DEPARTMENTS, type Department } from './jiangsu-departments';
import { JIANGSU_CITIES } from './jiangsu-regions';
import { BUSINESS_LICENCE, type LicenceTypeSpec } from './licence-type-catalog';
import type { Random } from './random';
import type { EnterpriseRecord, HolderKind, LicenceRecord, LicenceTypeRecord, PersonRecord } from './types';
import { zeroPad } from './zero-pad';

// Bound once: under jest, code runs in a vm context where every global lookup (`Math`) goes
// through an interceptor; these run for every licence and case.
const { floor } = Math;

/** Share of revocable licences that are revoked. */
const REVOCATION_RATE = 0.04;

const BUSINESS_LICENCE_REVOCATIONS: readonly string[] = [
  '吊销：成立后无正当理由超过六个月未开业',
  '吊销：通过登记的住所或者经营场所无法联系',
  '吊销：提交虚假材料取得市场主体登记',
];
const CANCELLED_BUSINESS_LICENCE = '注销：企业申请注销登记';
const HOLDER_CANCELLED = '注销：持证主体已注销登记';
const HOLDER_REVOKED = '注销：持证主体营业执照被吊销';

const PERSON = 0;
const ENTERPRISE = 1;
const NO_REASON = -1;

/** Licences decided so far; see the module comment. */
export interface LicenceLedger {
  /** How many more licences may be issued. */
  readonly remaining: number;
  /** Records a licence and returns its ticket, which {@link LicenceLedger.finalise} maps to the licence number. */
  issue(typeIndex: number, holderKind: HolderKind, holderIndex: number, issuedDay: number): number;
  /** Whether the holder already has a licence of this type (tracked for one-per-holder types only). */
  holds(holderKind: HolderKind, holderIndex: number, typeIndex: number): boolean;
  /** How many licences the holder has. */
  countOf(holderKind: HolderKind, holderIndex: number): number;
  /** The records, in issue-date order, and the number of each ticket. */
  finalise(): { readonly records: LicenceRecord[]; readonly numbers: readonly string[] };
}

/** Creates an empty ledger that accepts at most `capacity` licences. */
export function createLicenceLedger(options: {
  random: Random;
  capacity: number;
  types: LicenceTypePool;
  persons: PersonPool;
  enterprises: EnterprisePool;
  referenceDay: number;
}): LicenceLedger {
  const { random, capacity, types, persons, enterprises, referenceDay } = options;
  const typeIndexes = new Uint16Array(capacity);
  const holderKinds = new Uint8Array(capacity);
  const holderIndexes = new Int32Array(capacity);
  const issuedDays = new Int32Array(capacity);
  const reasonIndexes = new Int16Array(capacity);
  let size = 0;

  const reasons: string[] = [];
  const reasonIndex = new Map<string, number>();
  const internReason = (reason: string | null): number => {
    if (reason === null) return NO_REASON;
    let index = reasonIndex.get(reason);
    if (index === undefined) {
      index = reasons.push(reason) - 1;
      reasonIndex.set(reason, index);
    }
    return index;
  };

  // One-per-holder types get a slot in a holder × slot bitmap.
  const singletonSlots = types.specs.map(() => -1);
  let slotCount = 0;
  types.specs.forEach((spec, index) => {
    if (spec.singleton) singletonSlots[index] = slotCount++;
  });
  const held = [new Uint8Array(persons.records.length * slotCount), new Uint8Array(enterprises.records.length * slotCount)] as const;
  const counts = [new Uint32Array(persons.records.length), new Uint32Array(enterprises.records.length)] as const;

  const revocation = (spec: LicenceTypeSpec, kind: number, holderIndex: number): string | null => {
    if (kind === ENTERPRISE) {
      const { status } = enterprises.records[holderIndex] as EnterpriseRecord;
      if (status === 'cancelled') return spec.name === BUSINESS_LICENCE ? CANCELLED_BUSINESS_LICENCE : HOLDER_CANCELLED;
      if (status === 'revoked') return spec.name === BUSINESS_LICENCE ? random.pick(BUSINESS_LICENCE_REVOCATIONS) : HOLDER_REVOKED;
    }
    return spec.revocationReasons.length > 0 && random.chance(REVOCATION_RATE) ? random.pick(spec.revocationReasons) : null;
  };

  const issuers = types.specs.map((spec) => {
    const department: Department = DEPARTMENTS[spec.department];
    return JIANGSU_CITIES.map((city) =>
      spec.issuedAt === 'city' && department.city !== null ? `${city.name}${department.city}` : (department.province as string),
    );
  });

  const numberPrefixes = types.records.map((type) => `JS-${type.code.replace('-', '')}-`);

  return {
    get remaining() {
      return capacity - size;
    },
    issue(typeIndex, holderKind, holderIndex, issuedDay) {
      if (size >= capacity) throw new RangeError(`the ledger is full (${capacity} licences)`);
      const spec = types.specs[typeIndex];
      const kind = holderKind === 'person' ? PERSON : ENTERPRISE;
      if (!spec || spec.holderKind !== holderKind || holderIndex < 0 || holderIndex >= (counts[kind] as Uint32Array).length) {
        throw new RangeError(`no ${holderKind} ${holderIndex} can hold licence type ${typeIndex}`);
      }
      typeIndexes[size] = typeIndex;
      holderKinds[size] = kind;
      holderIndexes[size] = holderIndex;
      issuedDays[size] = issuedDay;
      reasonIndexes[size] = internReason(revocation(spec, kind, holderIndex));
      const slot = singletonSlots[typeIndex] as number;
      if (slot >= 0) held[kind][holderIndex * slotCount + slot] = 1;
      counts[kind][holderIndex] = (counts[kind][holderIndex] as number) + 1;
      size += 1;
      return size - 1;
    },
    holds(holderKind, holderIndex, typeIndex) {
      const slot = singletonSlots[typeIndex] ?? -1;
      return slot >= 0 && held[holderKind === 'person' ? PERSON : ENTERPRISE][holderIndex * slotCount + slot] === 1;
    },
    countOf(holderKind, holderIndex) {
      return counts[holderKind === 'person' ? PERSON : ENTERPRISE][holderIndex] ?? 0;
    },
    finalise() {
      // Sort tickets by (issue day, ticket) through one numeric key per ticket.
      const keys = new Float64Array(size);
      for (let ticket = 0; ticket < size; ticket += 1) keys[ticket] = (issuedDays[ticket] as number) * size + ticket;
      keys.sort();

      const sequences = new Map<number, number>();
      const numbers = new Array<string>(size);
      const records = new Array<LicenceRecord>(size);
      for (let position = 0; position < size; position += 1) {
        const key = keys[position] as number;
        const issuedDay = floor(key / size);
        const ticket = key - issuedDay * size;
        const typeIndex = typeIndexes[ticket] as number;
        const type = types.records[typeIndex] as LicenceTypeRecord;
        const year = yearOf(issuedDay);
        const sequenceKey = typeIndex * 10000 + year;
        const sequence = (sequences.get(sequenceKey) ?? 0) + 1;
        sequences.set(sequenceKey, sequence);
        const number = `${numberPrefixes[typeIndex] as string}${year}-${zeroPad(sequence, 6)}`;
        numbers[ticket] = number;

        const holderIndex = holderIndexes[ticket] as number;
        const person = holderKinds[ticket] === PERSON;
        const holder = person ? (persons.records[holderIndex] as PersonRecord) : (enterprises.records[holderIndex] as EnterpriseRecord);
        const cityIndex = (person ? persons.cityIndexes : enterprises.cityIndexes)[holderIndex] as number;
        const expiresDay = type.validityYears === null ? null : addYears(issuedDay, type.validityYears) - 1;
        const expired = expiresDay !== null && expiresDay < referenceDay;
        const reason = expired ? NO_REASON : (reasonIndexes[ticket] as number);
        records[position] = {
          number,
          typeCode: type.code,
          holderKind: person ? 'person' : 'enterprise',
          holderId: person ? (holder as PersonRecord).idNumber : (holder as EnterpriseRecord).creditCode,
          holderName: holder.name,
          issuer: (issuers[typeIndex] as string[])[cityIndex] as string,
          issuedOn: formatDay(issuedDay),
          expiresOn: expiresDay === null ? null : formatDay(expiresDay),
          status: expired ? 'expired' : reason !== NO_REASON ? 'revoked' : 'valid',
          revokedReason: reason === NO_REASON ? null : (reasons[reason] as string),
        };
      }
      return { records, numbers };
    },
  };
}
