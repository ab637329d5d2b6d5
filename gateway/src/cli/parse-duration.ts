/**
 * Durations and expiries as people type them: `90s`, `15m`, `24h`, `30d`,
 * `2w` (or plain seconds), and an expiry given either as such a duration
 * from now or as an ISO 8601 date-time.
 */
import { CliUsageError } from './cli-usage-error';

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };
const DURATION = /^(\d+)([smhdw]?)$/;

/** Seconds of `text` (`24h` → 86400). @throws CliUsageError */
export function parseDuration(text: string, option: string): number {
  const match = DURATION.exec(text.trim());
  if (!match) throw new CliUsageError(`${option} must be a duration like 90s, 15m, 24h, 30d or 2w (got "${text}")`);
  return Number(match[1]) * UNIT_SECONDS[match[2] || 's']!;
}

/** The instant `text` names: a duration from `now`, or an ISO 8601 date-time. @throws CliUsageError */
export function parseExpiry(text: string, option: string, now: Date): Date {
  if (DURATION.test(text.trim())) return new Date(now.getTime() + parseDuration(text, option) * 1000);
  const date = /^\d{4}-\d{2}-\d{2}/.test(text) ? new Date(text) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new CliUsageError(`${option} must be a duration from now (30d) or an ISO date-time (2031-01-01T00:00:00Z) (got "${text}")`);
  }
  return date;
}
