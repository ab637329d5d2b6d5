/**
 * Dataset records as table rows (column order of the schema), plus the
 * fingerprint that tells whether a database already holds a dataset.
 */
import { createHash } from 'node:crypto';
import type { LicenceRecord, LicenceTypeRecord } from '../data/types';

/** A `licence_types` row. */
export type LicenceTypeRow = [string, string, string, string, number | null];

/** A `licences` row. */
export type LicenceRow = [string, string, string, string, string, string, string, string | null, string, string | null];

/** The part of a dataset the licence library holds. */
export interface LicenceLibraryData {
  readonly seed: number;
  readonly sizes: object;
  readonly licenceTypes: readonly LicenceTypeRecord[];
  readonly licences: readonly LicenceRecord[];
}

/** Row of one licence type. */
export function licenceTypeRow(type: LicenceTypeRecord): LicenceTypeRow {
  return [type.code, type.name, type.issuer, type.holderKind, type.validityYears];
}

/** Row of one licence. */
export function licenceRow(licence: LicenceRecord): LicenceRow {
  return [licence.number, licence.typeCode, licence.holderKind, licence.holderId, licence.holderName, licence.issuer, licence.issuedOn, licence.expiresOn, licence.status, licence.revokedReason];
}

/** SHA-256 over every row: equal fingerprints mean equal table contents. */
export function licenceDataFingerprint(data: LicenceLibraryData): string {
  const hash = createHash('sha256');
  for (const type of data.licenceTypes) hash.update(JSON.stringify(licenceTypeRow(type))).update('\n');
  hash.update('--\n');
  for (const licence of data.licences) hash.update(JSON.stringify(licenceRow(licence))).update('\n');
  return hash.digest('hex');
}

/** The `meta` table's content for a dataset. */
export function licenceLibraryMeta(data: LicenceLibraryData, schemaVersion: number): Record<string, string> {
  return {
    schema_version: String(schemaVersion),
    dataset_seed: String(data.seed),
    dataset_sizes: JSON.stringify(data.sizes),
    fingerprint: licenceDataFingerprint(data),
    licence_types: String(data.licenceTypes.length),
    licences: String(data.licences.length),
  };
}
