/**
 * Calendar arithmetic on day numbers (days since 1970-01-01) and on local
 * China time in seconds, without `Date`: the generator formats a few hundred
 * thousand dates, and integer arithmetic is both faster and independent of
 * the machine's time zone. Algorithms from Howard Hinnant's
 * "chrono-compatible low-level date algorithms".
 * @internal
 */

// Bound once: under jest, code runs in a vm context where every global lookup (`Math`) goes
// through an interceptor, which made date arithmetic several times slower.
const { floor } = Math;

/** Seconds in a day. */
export const SECONDS_PER_DAY = 86400;

/** Day number of a calendar date. */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + floor(yearOfEra / 4) - floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Day numbers from 1900-01-01 to 2099-12-31 are looked up in {@link packedDates} once computed. */
const TABLE_START = -25567;
const TABLE_END = 47482;
const packedDates = new Int32Array(TABLE_END - TABLE_START + 1);

/** `year * 10000 + month * 100 + day` of a day number, memoised for 1900–2099. */
function packedDate(days: number): number {
  const slot = days - TABLE_START;
  const inTable = slot >= 0 && days <= TABLE_END;
  if (inTable) {
    const cached = packedDates[slot] as number;
    if (cached !== 0) return cached;
  }
  const z = days + 719468;
  const era = floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = floor(
    (dayOfEra - floor(dayOfEra / 1460) + floor(dayOfEra / 36524) - floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + floor(yearOfEra / 4) - floor(yearOfEra / 100));
  const mp = floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const packed = (yearOfEra + era * 400 + (month <= 2 ? 1 : 0)) * 10000 + month * 100 + day;
  if (inTable) packedDates[slot] = packed;
  return packed;
}

/** `[year, month, day]` of a day number. */
export function civilDate(days: number): [year: number, month: number, day: number] {
  const packed = packedDate(days);
  return [floor(packed / 10000), floor(packed / 100) % 100, packed % 100];
}

/** Day number of a `YYYY-MM-DD` string (assumed well-formed). */
export function parseDay(value: string): number {
  return dayNumber(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)));
}

/** Formatted days, memoised: the dataset formats a few hundred thousand dates over a few tens of thousands of days. */
const isoDays = new Map<number, string>();
const compactDays = new Map<number, string>();

/** `YYYY-MM-DD` of a day number. */
export function formatDay(days: number): string {
  let text = isoDays.get(days);
  if (text === undefined) {
    const [year, month, day] = civilDate(days);
    text = `${year}-${pad2(month)}-${pad2(day)}`;
    isoDays.set(days, text);
  }
  return text;
}

/** `YYYYMMDD` of a day number. */
export function compactDay(days: number): string {
  let text = compactDays.get(days);
  if (text === undefined) {
    text = formatDay(days).replaceAll('-', '');
    compactDays.set(days, text);
  }
  return text;
}

/** The calendar year of a day number. */
export function yearOf(days: number): number {
  return floor(packedDate(days) / 10000);
}

/** The same calendar date `years` later; 29 February becomes 28 February in a common year. */
export function addYears(days: number, years: number): number {
  const packed = packedDate(days);
  const month = floor(packed / 100) % 100;
  const day = packed % 100;
  const targetYear = floor(packed / 10000) + years;
  const leap = (targetYear % 4 === 0 && targetYear % 100 !== 0) || targetYear % 400 === 0;
  return dayNumber(targetYear, month, month === 2 && day === 29 && !leap ? 28 : day);
}

/**
 * ISO 8601 with the China offset for a moment given as seconds since
 * 1970-01-01T00:00 local China time, e.g. `2025-03-04T09:15:00+08:00`.
 */
export function formatChinaTime(localSeconds: number): string {
  const days = floor(localSeconds / SECONDS_PER_DAY);
  const secondOfDay = localSeconds - days * SECONDS_PER_DAY;
  const hours = floor(secondOfDay / 3600);
  const minutes = floor((secondOfDay % 3600) / 60);
  return `${formatDay(days)}T${pad2(hours)}:${pad2(minutes)}:${pad2(secondOfDay % 60)}+08:00`;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : `${value}`;
}
