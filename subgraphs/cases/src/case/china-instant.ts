/**
 * Instants as the platform publishes them: ISO 8601 in China time
 * (`2025-03-04T09:15:00+08:00`). The case-handling system writes that form;
 * any other offset is converted, and a text that is not a real instant with
 * an offset is refused rather than passed on (it would be a wrong value).
 */

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const CHINA_OFFSET_MINUTES = 8 * 60;
const MINUTE_MS = 60_000;

/**
 * The instant `value` denotes, written with `+08:00` (second precision,
 * milliseconds kept when present), or `undefined` when `value` is not an ISO
 * 8601 date-time with an offset denoting a real calendar moment.
 *
 * @example toChinaInstant('2025-03-04T01:15:00Z') // '2025-03-04T09:15:00+08:00'
 */
export function toChinaInstant(value: string): string | undefined {
  const match = ISO_INSTANT.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = match as unknown as [string, string, string, string, string, string, string, string | undefined, string];
  const offset = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  if (Math.abs(offset) > 14 * 60 || Number(zone.slice(4, 6)) > 59) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  // Date.parse rolls 2025-02-30 over into March; a round trip through the same offset catches it.
  const local = new Date(ms + offset * MINUTE_MS).toISOString();
  if (local.slice(0, 19) !== `${year}-${month}-${day}T${hour}:${minute}:${second}`) return undefined;
  if (zone === '+08:00') return value;
  const china = new Date(ms + CHINA_OFFSET_MINUTES * MINUTE_MS).toISOString();
  const millis = fraction === undefined || ms % 1000 === 0 ? '' : china.slice(19, 23);
  return `${china.slice(0, 19)}${millis}+08:00`;
}
