/**
 * The licence library's types: the first `count` entries of
 * {@link LICENCE_TYPE_CATALOG}, coded `LT-0001`, `LT-0002`, … and attributed
 * to the provincial department responsible for them.
 * @internal
 */
import { DEPARTMENTS, type Department } from './jiangsu-departments';
import { LICENCE_TYPE_CATALOG, type LicenceTypeSpec } from './licence-type-catalog';
import type { LicenceTypeRecord } from './types';
import { zeroPad } from './zero-pad';

/** Licence types plus the catalog entry of each. */
export interface LicenceTypePool {
  readonly records: readonly LicenceTypeRecord[];
  readonly specs: readonly LicenceTypeSpec[];
}

/** The most licence types a dataset can have. */
export const LICENCE_TYPE_CAPACITY = LICENCE_TYPE_CATALOG.length;

/** Generates the first `count` licence types (at most {@link LICENCE_TYPE_CAPACITY}). */
export function generateLicenceTypes(count: number): LicenceTypePool {
  if (count > LICENCE_TYPE_CAPACITY) {
    throw new RangeError(`at most ${LICENCE_TYPE_CAPACITY} licence types can be generated, asked for ${count}`);
  }
  const specs = LICENCE_TYPE_CATALOG.slice(0, count);
  const records = specs.map((spec, index): LicenceTypeRecord => {
    const department: Department = DEPARTMENTS[spec.department];
    return {
      code: `LT-${zeroPad(index + 1, 4)}`,
      name: spec.name,
      issuer: department.province ?? (department.city as string),
      holderKind: spec.holderKind,
      validityYears: spec.validityYears,
    };
  });
  return { records, specs };
}
