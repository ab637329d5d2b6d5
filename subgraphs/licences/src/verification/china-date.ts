/**
 * The calendar date of an instant in China (Asia/Shanghai): licences expire
 * at the end of a Chinese calendar day, whatever the server's time zone.
 */
const CHINA_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** `YYYY-MM-DD` of `instant` in Asia/Shanghai; throws `RangeError` for an invalid date. */
export function chinaDate(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('chinaDate: invalid date');
  const parts = Object.fromEntries(CHINA_DATE.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']}`;
}
