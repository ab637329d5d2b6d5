/**
 * Whether `text` is a real calendar date written `YYYY-MM-DD`, the one date
 * format of the domain schema. Legacy systems hold impossible dates
 * (`2023-02-30`) often enough that a format check alone is not enough.
 */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
