/**
 * `licence_types` rows → `LicenceType`. The legacy table stores the holder
 * kind in lower case (`person`, `enterprise`); GraphQL enums are
 * SCREAMING_SNAKE.
 */
import { readRow } from '../row-reader';
import { HolderKind } from './holder-kind.enum';
import type { LicenceType } from './licence-type.type';

/** The columns every licence type query selects, in the order of the legacy table. */
export const LICENCE_TYPE_SELECT = 'select code, name, issuer, holder_kind, validity_years from licence_types';

/** Legacy holder kinds and their GraphQL values. */
export const HOLDER_KINDS: Readonly<Record<'person' | 'enterprise', HolderKind>> = Object.freeze({
  person: HolderKind.PERSON,
  enterprise: HolderKind.ENTERPRISE,
});

const LEGACY_HOLDER_KINDS = ['person', 'enterprise'] as const;

/** Maps one row; throws `UpstreamDataError` naming each unreadable column. */
export function mapLicenceTypeRow(row: unknown): LicenceType {
  const code = (row as { code?: unknown } | null)?.code;
  return readRow(row, `licence type ${typeof code === 'string' ? JSON.stringify(code) : '(no code)'}`, (read) => ({
    code: read.text('code'),
    name: read.text('name'),
    issuer: read.text('issuer'),
    holderKind: HOLDER_KINDS[read.oneOf('holder_kind', LEGACY_HOLDER_KINDS)],
    validityYears: read.optionalPositiveInteger('validity_years'),
  }));
}
