/**
 * `tns:Person` of the population registry → {@link Person}. The SOAP source
 * gives every value as a string (`null` for `xsi:nil`); each is checked before
 * it reaches a client: the ID number with the SDK's GB 11643 parser, the gender
 * code, the birth date as a real date. A record that fails any check is an
 * `UpstreamDataError` naming the record id and every bad field, never a crash
 * and never a wrong value.
 */
import { parseResidentId, UpstreamDataError } from '@govgraph/sdk';
import { isCalendarDate } from '../upstream/is-calendar-date';
import { rawText, readRecord } from '../upstream/read-record';
import { Gender } from './gender';
import type { Person } from './person.type';

/** Registry gender codes → {@link Gender}. */
const GENDERS: ReadonlyMap<string, Gender> = new Map([
  ['M', Gender.MALE],
  ['F', Gender.FEMALE],
]);

/**
 * Maps one person record read by the SOAP source named `source`.
 * @throws UpstreamDataError when the record is not a readable person
 */
export function mapPersonRecord(record: unknown, source: string): Person {
  const reader = readRecord(record);
  if (!reader) throw unreadable(source, 'a person entry that is not a record', []);
  const id = reader.text('id');
  const rawIdNumber = reader.text('idNumber');
  const name = reader.text('name');
  const genderCode = reader.text('gender');
  const birthDate = reader.text('birthDate');
  const phone = reader.text('phone', { allowEmpty: true });
  const address = reader.text('address', { allowEmpty: true });

  let idNumber = rawIdNumber;
  let idNumberReason: string | undefined;
  if (rawIdNumber !== '') {
    const parsed = parseResidentId(rawIdNumber);
    if (parsed.ok) idNumber = parsed.value;
    else {
      idNumberReason = parsed.reason;
      reader.problem('idNumber is not a valid resident ID number');
    }
  }
  const gender = GENDERS.get(genderCode);
  if (genderCode !== '' && gender === undefined) reader.problem('gender must be M or F');
  if (birthDate !== '' && !isCalendarDate(birthDate)) reader.problem('birthDate must be a date YYYY-MM-DD');

  if (reader.problems.length > 0 || gender === undefined) {
    const label = rawText(record, 'id');
    throw unreadable(source, `an unreadable person record ${label ?? '(without id)'}`, reader.problems, idNumberReason);
  }
  return { id, idNumber, name, gender, birthDate, phone, address };
}

function unreadable(source: string, what: string, problems: readonly string[], idNumberReason?: string): UpstreamDataError {
  const list = problems.length > 0 ? `: ${problems.join('; ')}` : '';
  return new UpstreamDataError(`legacy system "${source}" returned ${what}${list}`, {
    // The parser's reason may quote digits of the ID number: it goes to the log only.
    ...(idNumberReason === undefined ? {} : { cause: new Error(`resident ID number rejected: ${idNumberReason}`) }),
    details: { source },
  });
}
