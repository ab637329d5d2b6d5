/**
 * An enterprise record of the legal-person registry (JSON) → {@link Enterprise}.
 * The credit code is checked with the SDK's GB 32100 parser, the legal
 * representative's ID number with the GB 11643 parser, the status code and
 * the establishment date against what they may be. A record that fails any
 * check is an `UpstreamDataError` naming the record and every bad field.
 */
import { parseCreditCode, parseResidentId, UpstreamDataError } from '@govgraph/sdk';
import { isCalendarDate } from '../upstream/is-calendar-date';
import { rawText, readRecord } from '../upstream/read-record';
import { ENTERPRISE_STATUS_CODES, EnterpriseStatus } from './enterprise-status';
import type { Enterprise } from './enterprise.type';

const STATUSES: ReadonlyMap<string, EnterpriseStatus> = new Map(
  Object.entries(ENTERPRISE_STATUS_CODES).map(([status, code]) => [code, status as EnterpriseStatus]),
);

/**
 * Maps one enterprise record read by the REST source named `source`.
 * @throws UpstreamDataError when the record is not a readable enterprise
 */
export function mapEnterpriseRecord(record: unknown, source: string): Enterprise {
  const reader = readRecord(record);
  if (!reader) throw unreadable(source, 'an enterprise entry that is not a record', []);
  const rawCreditCode = reader.text('creditCode');
  const name = reader.text('name');
  const kind = reader.text('kind');
  const rawRepresentative = reader.text('legalRepresentativeIdNumber');
  const address = reader.text('address', { allowEmpty: true });
  const statusCode = reader.text('status');
  const establishedOn = reader.text('establishedOn');

  const creditCode = rawCreditCode === '' ? undefined : parseCreditCode(rawCreditCode);
  if (creditCode && !creditCode.ok) reader.problem(`creditCode is not a valid unified social credit code (${creditCode.reason})`);
  const representative = rawRepresentative === '' ? undefined : parseResidentId(rawRepresentative);
  if (representative && !representative.ok) reader.problem('legalRepresentativeIdNumber is not a valid resident ID number');
  const status = STATUSES.get(statusCode);
  if (statusCode !== '' && status === undefined) reader.problem(`status must be one of ${[...STATUSES.keys()].join(', ')}`);
  if (establishedOn !== '' && !isCalendarDate(establishedOn)) reader.problem('establishedOn must be a date YYYY-MM-DD');

  if (reader.problems.length > 0 || !creditCode?.ok || !representative?.ok || status === undefined) {
    const label = rawText(record, 'creditCode');
    const representativeReason = representative && !representative.ok ? representative.reason : undefined;
    throw unreadable(source, `an unreadable enterprise record ${label ?? '(without credit code)'}`, reader.problems, representativeReason);
  }
  return {
    creditCode: creditCode.value,
    name,
    kind,
    address,
    status,
    establishedOn,
    legalRepresentativeIdNumber: representative.value,
  };
}

function unreadable(source: string, what: string, problems: readonly string[], representativeReason?: string): UpstreamDataError {
  const list = problems.length > 0 ? `: ${problems.join('; ')}` : '';
  return new UpstreamDataError(`legacy system "${source}" returned ${what}${list}`, {
    // The parser's reason may quote digits of a person's ID number: it goes to the log only.
    ...(representativeReason === undefined ? {} : { cause: new Error(`legal representative's ID number rejected: ${representativeReason}`) }),
    details: { source },
  });
}
