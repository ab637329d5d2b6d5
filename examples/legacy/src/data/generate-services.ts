/**
 * The service-item catalog: each base item of {@link SERVICE_CATALOG} at
 * each city (and the province, where its department handles it), with the
 * licensing variants, shuffled and cut to the requested size. Codes are
 * `<region code>-<kind letters>-<4-digit sequence>`, e.g. `320100-XK-0012`,
 * numbered within region and kind.
 * @internal
 */
import { DEPARTMENTS, type Department } from './jiangsu-departments';
import { JIANGSU, JIANGSU_CITIES, type City } from './jiangsu-regions';
import type { Random } from './random';
import { LICENSING_VARIANTS, SERVICE_CATALOG, SERVICE_KINDS, type ServiceSpec } from './service-catalog';
import type { ServiceRecord } from './types';
import { zeroPad } from './zero-pad';

/** Services plus what the case generator needs to know about each. */
export interface ServicePool {
  readonly records: readonly ServiceRecord[];
  /** The base item of each record. */
  readonly specs: readonly ServiceSpec[];
  /** Index into JIANGSU_CITIES of the handling city; −1 for the province. */
  readonly cityIndexes: Int8Array;
  /** Whether a completed case of the record issues the item's result licences (new and renewal applications do). */
  readonly issuesLicence: readonly boolean[];
}

interface Candidate {
  readonly specIndex: number;
  readonly cityIndex: number;
  readonly variantIndex: number;
}

const NO_VARIANTS = [{ suffix: '', issuesLicence: true }] as const;

/** The most services a dataset can have: every item at every level and city, with every variant. */
export const SERVICE_CAPACITY = serviceCandidates().length;

/** Generates `count` services (at most {@link SERVICE_CAPACITY}), sorted by code. */
export function generateServices(random: Random, count: number): ServicePool {
  if (count > SERVICE_CAPACITY) throw new RangeError(`at most ${SERVICE_CAPACITY} services can be generated, asked for ${count}`);
  const chosen = random.shuffle(serviceCandidates()).slice(0, count);
  chosen.sort(
    (a, b) =>
      compareStrings(regionCode(a.cityIndex), regionCode(b.cityIndex)) ||
      compareStrings(kindLetters(a), kindLetters(b)) ||
      a.specIndex - b.specIndex ||
      a.variantIndex - b.variantIndex,
  );

  const sequences = new Map<string, number>();
  const records: ServiceRecord[] = [];
  const specs: ServiceSpec[] = [];
  const cityIndexes = new Int8Array(count);
  const issuesLicence: boolean[] = [];
  chosen.forEach((candidate, index) => {
    const spec = SERVICE_CATALOG[candidate.specIndex] as ServiceSpec;
    const variant = variantsOf(spec)[candidate.variantIndex] as { suffix: string; issuesLicence: boolean };
    const prefix = `${regionCode(candidate.cityIndex)}-${kindLetters(candidate)}`;
    const sequence = (sequences.get(prefix) ?? 0) + 1;
    sequences.set(prefix, sequence);

    const department: Department = DEPARTMENTS[spec.department];
    const u = random.next();
    records.push({
      code: `${prefix}-${zeroPad(sequence, 4)}`,
      name: spec.name + variant.suffix,
      department:
        candidate.cityIndex < 0
          ? (department.province as string)
          : `${(JIANGSU_CITIES[candidate.cityIndex] as City).name}${department.city as string}`,
      kind: spec.kind,
      onlineDepth: random.int(spec.depth[0], spec.depth[1]) as 1 | 2 | 3 | 4,
      promisedDays: spec.legalDays <= 1 ? random.int(0, spec.legalDays) : Math.max(1, Math.round(spec.legalDays * (0.2 + 0.6 * u))),
      legalDays: spec.legalDays,
    });
    specs.push(spec);
    cityIndexes[index] = candidate.cityIndex;
    issuesLicence.push(variant.issuesLicence);
  });
  return { records, specs, cityIndexes, issuesLicence };
}

function serviceCandidates(): Candidate[] {
  const candidates: Candidate[] = [];
  SERVICE_CATALOG.forEach((spec, specIndex) => {
    const department: Department = DEPARTMENTS[spec.department];
    const cityIndexes: number[] = [];
    if (spec.levels.includes('province') && department.province !== null) cityIndexes.push(-1);
    if (spec.levels.includes('city') && department.city !== null) JIANGSU_CITIES.forEach((_, index) => cityIndexes.push(index));
    for (const cityIndex of cityIndexes) {
      variantsOf(spec).forEach((_, variantIndex) => candidates.push({ specIndex, cityIndex, variantIndex }));
    }
  });
  return candidates;
}

function variantsOf(spec: ServiceSpec): readonly { readonly suffix: string; readonly issuesLicence: boolean }[] {
  return spec.kind === '行政许可' && spec.resultLicenceTypes.length > 0 ? LICENSING_VARIANTS : NO_VARIANTS;
}

function regionCode(cityIndex: number): string {
  return cityIndex < 0 ? JIANGSU.code : (JIANGSU_CITIES[cityIndex] as City).code;
}

function kindLetters(candidate: Candidate): string {
  return SERVICE_KINDS[(SERVICE_CATALOG[candidate.specIndex] as ServiceSpec).kind];
}

/** Code-point order, independent of the machine's locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
