/**
 * `licences` rows → `Licence`. Lower-case legacy enums become GraphQL
 * enums; the holder id must be a valid resident ID number or credit code
 * for the holder kind, since it is served as a `ResidentId`/`CreditCode`
 * key the users subgraph resolves.
 */
import { parseCreditCode, parseResidentId } from '@govgraph/sdk';
import { HOLDER_KINDS } from '../licence-type/licence-type.mapping';
import { HolderKind } from '../licence-type/holder-kind.enum';
import { readRow } from '../row-reader';
import { LicenceStatus } from './licence-status.enum';
import type { Licence } from './licence.type';

/** The columns every licence query selects (`holder_name` is the users subgraph's business). */
export const LICENCE_SELECT =
  'select number, type_code, holder_kind, holder_id, issuer, issued_on, expires_on, status, revoked_reason from licences';

const STATUSES: Readonly<Record<'valid' | 'revoked' | 'expired', LicenceStatus>> = Object.freeze({
  valid: LicenceStatus.VALID,
  revoked: LicenceStatus.REVOKED,
  expired: LicenceStatus.EXPIRED,
});
const LEGACY_STATUSES = ['valid', 'revoked', 'expired'] as const;
const LEGACY_HOLDER_KINDS = ['person', 'enterprise'] as const;

/** Maps one row; throws `UpstreamDataError` naming each unreadable column. */
export function mapLicenceRow(row: unknown): Licence {
  const number = (row as { number?: unknown } | null)?.number;
  return readRow(row, `licence ${typeof number === 'string' ? JSON.stringify(number) : '(no number)'}`, (read): Licence => {
    const holderKind = HOLDER_KINDS[read.oneOf('holder_kind', LEGACY_HOLDER_KINDS)];
    const holderId = read.text('holder_id');
    const licence: Licence = {
      number: read.text('number'),
      typeCode: read.text('type_code'),
      holderKind,
      holderId: holderId && normaliseHolderId(holderKind, holderId, read.problem),
      issuer: read.text('issuer'),
      issuedOn: read.date('issued_on'),
      expiresOn: read.optionalDate('expires_on'),
      status: STATUSES[read.oneOf('status', LEGACY_STATUSES)],
      revokedReason: read.optionalText('revoked_reason'),
    };
    if (licence.issuedOn && licence.expiresOn && licence.expiresOn < licence.issuedOn) read.problem('expires_on is before issued_on');
    return licence;
  });
}

function normaliseHolderId(kind: HolderKind, value: string, problem: (description: string) => void): string {
  const parsed = kind === HolderKind.PERSON ? parseResidentId(value) : parseCreditCode(value);
  if (parsed.ok) return parsed.value;
  problem(`holder_id is not a valid ${kind === HolderKind.PERSON ? 'resident ID number' : 'unified social credit code'}`);
  return value;
}
