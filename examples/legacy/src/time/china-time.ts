/**
 * China Standard Time (UTC+08:00, no daylight saving) formatting: the
 * simulated province writes its timestamps and export file names in local
 * time, whatever the machine's time zone, so output is the same everywhere.
 */

const OFFSET_MS = 8 * 60 * 60 * 1000;

/** Calendar fields of an instant in UTC+08:00, zero-padded. */
export interface ChinaDateParts {
  readonly year: string;
  readonly month: string;
  readonly day: string;
  readonly hour: string;
  readonly minute: string;
  readonly second: string;
}

/** Splits an instant into UTC+08:00 calendar fields. */
export function chinaDateParts(instant: Date): ChinaDateParts {
  if (Number.isNaN(instant.getTime())) throw new RangeError('invalid date');
  const shifted = new Date(instant.getTime() + OFFSET_MS);
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  return {
    year: pad(shifted.getUTCFullYear(), 4),
    month: pad(shifted.getUTCMonth() + 1),
    day: pad(shifted.getUTCDate()),
    hour: pad(shifted.getUTCHours()),
    minute: pad(shifted.getUTCMinutes()),
    second: pad(shifted.getUTCSeconds()),
  };
}

/** ISO 8601 with offset, second precision: `2025-03-04T09:15:00+08:00`. */
export function formatChinaTimestamp(instant: Date): string {
  const p = chinaDateParts(instant);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}+08:00`;
}
