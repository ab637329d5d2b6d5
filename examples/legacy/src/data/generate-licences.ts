/**
 * Fills the licence library: a business licence for every enterprise on its
 * establishment date, then licences of random types to random holders until
 * the requested count is reached. Holders have uneven "activity" weights,
 * so many persons hold a handful of licences, some none and a few up to
 * {@link PERSON_LICENCE_CAP}; ages, introduction dates of licence types and
 * one-per-holder types (ID card, driving licence, …) are respected.
 * @internal
 */
import { addYears, parseDay } from './calendar';
import type { EnterprisePool } from './generate-enterprises';
import type { LicenceTypePool } from './generate-licence-types';
import type { PersonPool } from './generate-persons';
import type { LicenceLedger } from './licence-ledger';
import { BUSINESS_LICENCE, type LicenceTypeSpec } from './licence-type-catalog';
import { createWeightedChoices, type Random, type WeightedChoices } from './random';
import type { HolderKind } from './types';

// Bound once: under jest, code runs in a vm context where every global lookup (`Math`) goes
// through an interceptor; these run for every licence and case.
const { floor, max, min } = Math;

/** A person holds at most this many licences unless nothing else fits. */
export const PERSON_LICENCE_CAP = 30;
/** An enterprise holds at most this many licences unless nothing else fits. */
export const ENTERPRISE_LICENCE_CAP = 60;

/** Share of the randomly placed licences that go to persons, when both kinds are possible. */
const PERSON_SHARE = 0.75;
const ATTEMPTS = 60;
const CAPPED_ATTEMPTS = 40;

/** Issues every enterprise its business licence on its establishment date (as far as the ledger has room). */
export function issueBusinessLicences(ledger: LicenceLedger, types: LicenceTypePool, enterprises: EnterprisePool): void {
  const typeIndex = types.specs.findIndex((spec) => spec.name === BUSINESS_LICENCE);
  if (typeIndex < 0) return;
  for (let i = 0; i < enterprises.records.length && ledger.remaining > 0; i += 1) {
    ledger.issue(typeIndex, 'enterprise', i, enterprises.establishedDays[i] as number);
  }
}

/**
 * The first and last day a licence of `spec` can be issued to the holder,
 * or `null` when there is no such day before the reference date.
 */
export function issueWindow(
  spec: LicenceTypeSpec,
  holderKind: HolderKind,
  holderIndex: number,
  pools: { persons: PersonPool; enterprises: EnterprisePool },
  referenceDay: number,
): readonly [first: number, last: number] | null {
  const introduced = introducedDay(spec);
  let first: number;
  let last = referenceDay - 1;
  if (holderKind === 'person') {
    const birthDay = pools.persons.birthDays[holderIndex] as number;
    first = max(introduced, addYears(birthDay, spec.minAge));
    if (spec.issuedNearBirthDays !== null) last = min(last, birthDay + spec.issuedNearBirthDays);
  } else {
    first = max(introduced, pools.enterprises.establishedDays[holderIndex] as number);
  }
  return first <= last ? [first, last] : null;
}

const introducedDays = new WeakMap<LicenceTypeSpec, number>();

/** Day number of the type's introduction date, parsed once per type. */
function introducedDay(spec: LicenceTypeSpec): number {
  let day = introducedDays.get(spec);
  if (day === undefined) {
    day = parseDay(spec.introducedOn);
    introducedDays.set(spec, day);
  }
  return day;
}

/** Places licences until the ledger is full. */
export function fillLicences(options: {
  random: Random;
  ledger: LicenceLedger;
  types: LicenceTypePool;
  persons: PersonPool;
  enterprises: EnterprisePool;
  referenceDay: number;
}): void {
  const { random, ledger, types, persons, enterprises, referenceDay } = options;
  if (ledger.remaining === 0) return;
  const holders = {
    person: activityWeights(random, persons.records.length),
    enterprise: activityWeights(random, enterprises.records.length),
  };
  const typeChoices = { person: typesFor(types, 'person'), enterprise: typesFor(types, 'enterprise') };
  // A kind is exhausted once a licence could not be placed with it; the rest go to the other kind.
  const exhausted = { person: false, enterprise: false };
  const possible = (kind: HolderKind): boolean => !exhausted[kind] && holders[kind] !== null && typeChoices[kind] !== null;
  const caps = { person: PERSON_LICENCE_CAP, enterprise: ENTERPRISE_LICENCE_CAP };

  while (ledger.remaining > 0) {
    const kind: HolderKind | undefined =
      possible('person') && possible('enterprise')
        ? random.chance(PERSON_SHARE) ? 'person' : 'enterprise'
        : (['person', 'enterprise'] as const).find(possible);
    if (kind === undefined) {
      throw new RangeError(
        `cannot place the remaining ${ledger.remaining} licences: no holder can take another one ` +
          '(one-per-holder types, ages, introduction dates); raise sizes.persons, sizes.enterprises or sizes.licenceTypes, or lower sizes.licences',
      );
    }
    const holderChoices = holders[kind] as WeightedChoices<number>;
    const kindTypes = typeChoices[kind] as WeightedChoices<number>;

    let placed = false;
    for (let attempt = 0; attempt < ATTEMPTS && !placed; attempt += 1) {
      const holder = random.weightedPick(holderChoices);
      if (attempt < CAPPED_ATTEMPTS && ledger.countOf(kind, holder) >= caps[kind]) continue;
      const typeIndex = random.weightedPick(kindTypes);
      const spec = types.specs[typeIndex] as LicenceTypeSpec;
      if (spec.singleton && ledger.holds(kind, holder, typeIndex)) continue;
      const window = issueWindow(spec, kind, holder, { persons, enterprises }, referenceDay);
      if (window === null) continue;
      ledger.issue(typeIndex, kind, holder, recentBiasedDay(random, window));
      placed = true;
    }
    if (!placed) placed = placeAnywhere(random, ledger, types, kind, kindTypes.items, { persons, enterprises }, referenceDay);
    if (!placed) exhausted[kind] = true;
  }
}

/**
 * When random tries keep failing (few holders left with room), looks at
 * every holder of the kind, from a random start, for one that can take a
 * licence of any type; caps are ignored here. Returns whether it placed one.
 */
function placeAnywhere(
  random: Random,
  ledger: LicenceLedger,
  types: LicenceTypePool,
  kind: HolderKind,
  typeIndexes: readonly number[],
  pools: { persons: PersonPool; enterprises: EnterprisePool },
  referenceDay: number,
): boolean {
  const count = (kind === 'person' ? pools.persons : pools.enterprises).records.length;
  const start = random.int(0, count - 1);
  for (let offset = 0; offset < count; offset += 1) {
    const holder = (start + offset) % count;
    for (const typeIndex of typeIndexes) {
      const spec = types.specs[typeIndex] as LicenceTypeSpec;
      if (spec.singleton && ledger.holds(kind, holder, typeIndex)) continue;
      const window = issueWindow(spec, kind, holder, pools, referenceDay);
      if (window === null) continue;
      ledger.issue(typeIndex, kind, holder, recentBiasedDay(random, window));
      return true;
    }
  }
  return false;
}

/**
 * A day in the window, more likely recent: the library holds far more
 * licences from recent years than from the 1990s.
 */
export function recentBiasedDay(random: Random, [first, last]: readonly [number, number]): number {
  const u = random.next();
  return last - floor((last - first + 1) * u * u);
}

/** Uneven weights (u² + 0.01) so that licence counts per holder spread from 0 to the cap. */
function activityWeights(random: Random, count: number): WeightedChoices<number> | null {
  if (count === 0) return null;
  const entries: (readonly [number, number])[] = new Array(count);
  for (let i = 0; i < count; i += 1) {
    const u = random.next();
    entries[i] = [i, u * u + 0.01];
  }
  return createWeightedChoices(entries);
}

function typesFor(types: LicenceTypePool, kind: HolderKind): WeightedChoices<number> | null {
  const entries = types.specs
    .map((spec, index) => [index, spec.holderKind === kind ? spec.weight : 0] as const)
    .filter(([, weight]) => weight > 0);
  return entries.length > 0 ? createWeightedChoices(entries) : null;
}
