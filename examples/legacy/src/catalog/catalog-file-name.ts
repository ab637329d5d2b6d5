/**
 * Export file names: `catalog-<YYYYMMDDHHmmss>.csv`, the timestamp in
 * UTC+08:00. Names sort in time order, so a reader takes the greatest name as
 * the current catalog; temporary files never match.
 */
import { chinaDateParts } from '../time/china-time';

/** Matches export files (and only them); group 1 is the timestamp. */
export const CATALOG_FILE_PATTERN = /^catalog-(\d{14})\.csv$/;

/** The file name of an export made at `exportedAt`. */
export function catalogFileName(exportedAt: Date): string {
  const p = chinaDateParts(exportedAt);
  return `catalog-${p.year}${p.month}${p.day}${p.hour}${p.minute}${p.second}.csv`;
}

/** The export time encoded in an export file name, or `undefined` for other names. */
export function catalogFileTime(fileName: string): Date | undefined {
  const stamp = CATALOG_FILE_PATTERN.exec(fileName)?.[1];
  if (stamp === undefined) return undefined;
  const [, year, month, day, hour, minute, second] = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(stamp) ?? [];
  const time = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}+08:00`);
  return Number.isNaN(time.getTime()) ? undefined : time;
}
