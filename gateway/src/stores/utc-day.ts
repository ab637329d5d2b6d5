/** Milliseconds in a UTC day. */
const DAY_MS = 86_400_000;

/**
 * A formatter of the UTC day of a time (ms since the epoch) that remembers the last day it formatted: every
 * request or record of one day asks for the same text, so it is made once per day. `format` gets the day's start.
 * @throws RangeError (from `format`) for a time that is not a valid date
 */
export function utcDayFormatter(format: (dayStart: Date) => string): (ms: number) => string {
  let lastDay = Number.NaN;
  let lastText = '';
  return (ms) => {
    const day = Math.floor(ms / DAY_MS);
    if (day !== lastDay) {
      lastText = format(new Date(day * DAY_MS));
      lastDay = day;
    }
    return lastText;
  };
}
