/**
 * Resident ID numbers (公民身份号码) as defined by GB 11643-1999: 18
 * characters, `RRRRRRYYYYMMDDSSSC` — a 6-digit administrative region code
 * (GB/T 2260), the 8-digit birth date, a 3-digit sequence whose last digit is
 * odd for men and even for women, and a check character computed with
 * ISO 7064 MOD 11-2. Every person-facing interface of the platform keys on
 * this number, so a typo must be caught at the edge with a reason the caller
 * can act on, not turn into a "not found" deep inside a legacy system.
 */
import { identifierParseFailure, quoteChar, type IdentifierParseFailure } from './identifier-parse-failure';

/** Weights of the first 17 digits (2^(18-i) mod 11), GB 11643-1999 §5.2. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Check character for each value of the weighted sum mod 11. */
const CHECK_CHARS = '10X98765432';

/**
 * First two digits of the region codes in use (GB/T 2260 provinces), plus 83
 * for Taiwan residents' residence permits, which share this number format.
 */
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

const EARLIEST_BIRTH_DATE = '1900-01-01';
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** A valid resident ID number, taken apart. */
export interface ResidentIdParseSuccess {
  readonly ok: true;
  /** The number, normalised: a lower-case `x` check character is upper-cased. */
  readonly value: string;
  /** The 6-digit administrative region code (where the number was first issued). */
  readonly regionCode: string;
  /** `YYYY-MM-DD` */
  readonly birthDate: string;
  /** From the parity of the 17th digit: odd is male. */
  readonly gender: 'M' | 'F';
}

/** What {@link parseResidentId} returns: the parts of a valid number, or why it is not one. */
export type ResidentIdParseResult = ResidentIdParseSuccess | IdentifierParseFailure;

/** Options of {@link parseResidentId}. */
export interface ParseResidentIdOptions {
  /**
   * The moment birth dates must not be after, judged as a calendar date in
   * China (UTC+8). Pass a fixed date to validate historical or synthetic data
   * reproducibly.
   * @default new Date()
   */
  readonly now?: Date;
}

/**
 * The GB 11643-1999 check character (`0`–`9` or `X`) of the first 17 digits
 * of a resident ID number. Exported so that generators and tests build valid
 * numbers with the same arithmetic the parser checks.
 *
 * @throws TypeError when `first17` is not exactly 17 ASCII digits.
 */
export function residentIdCheckChar(first17: string): string {
  if (typeof first17 !== 'string' || !/^[0-9]{17}$/.test(first17)) {
    throw new TypeError(`residentIdCheckChar expects 17 digits, got ${JSON.stringify(first17)}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  }
  return CHECK_CHARS.charAt(sum % 11);
}

/**
 * Validates a resident ID number and takes it apart. Checks, in order: the
 * length, that the first 17 characters are digits and the last a digit or
 * `X`, that the region code starts with a province code, that the birth date
 * is a real date between 1900-01-01 and today (China time), and the check
 * character. The first problem found is the reason. A lower-case `x` is
 * accepted and returned upper-cased.
 *
 * @example parseResidentId('11010519491231002X')
 * // { ok: true, value: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', gender: 'F' }
 */
export function parseResidentId(value: string, options: ParseResidentIdOptions = {}): ResidentIdParseResult {
  if (typeof value !== 'string') {
    return identifierParseFailure(`must be a string, got ${describeType(value)}`);
  }
  if (value.length !== 18) {
    return identifierParseFailure(`must be 18 characters, got ${value.length}`);
  }
  const normalised = value.charAt(17) === 'x' ? `${value.slice(0, 17)}X` : value;
  for (let i = 0; i < 17; i += 1) {
    const code = normalised.charCodeAt(i);
    if (code < 48 || code > 57) {
      return identifierParseFailure(`character ${i + 1} must be a digit, got ${quoteChar(normalised.charAt(i))}`);
    }
  }
  const last = normalised.charAt(17);
  if (!/^[0-9X]$/.test(last)) {
    return identifierParseFailure(`character 18 (the check character) must be a digit or 'X', got ${quoteChar(last)}`);
  }

  const regionCode = normalised.slice(0, 6);
  const province = regionCode.slice(0, 2);
  if (!PROVINCE_CODES.has(province)) {
    return identifierParseFailure(`region code ${regionCode} starts with ${province}, which is not a province code`);
  }

  const rawDate = normalised.slice(6, 14);
  const birthDate = `${rawDate.slice(0, 4)}-${rawDate.slice(4, 6)}-${rawDate.slice(6, 8)}`;
  if (!isRealDate(Number(rawDate.slice(0, 4)), Number(rawDate.slice(4, 6)), Number(rawDate.slice(6, 8)))) {
    return identifierParseFailure(`birth date ${rawDate} is not a real date`);
  }
  if (birthDate < EARLIEST_BIRTH_DATE) {
    return identifierParseFailure(`birth date ${rawDate} is before 1900`);
  }
  const today = chinaCalendarDate(options.now ?? new Date());
  if (birthDate > today) {
    return identifierParseFailure(`birth date ${rawDate} is in the future (today is ${today.replaceAll('-', '')})`);
  }

  const expected = residentIdCheckChar(normalised.slice(0, 17));
  if (last !== expected) {
    return identifierParseFailure(`check character should be '${expected}', got '${value.charAt(17)}'`);
  }
  return {
    ok: true,
    value: normalised,
    regionCode,
    birthDate,
    gender: (normalised.charCodeAt(16) - 48) % 2 === 1 ? 'M' : 'F',
  };
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `YYYY-MM-DD` of `now` on the calendar in China (UTC+8, no daylight saving). */
function chinaCalendarDate(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

function describeType(value: unknown): string {
  return value === null ? 'null' : typeof value;
}
