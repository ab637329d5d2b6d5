import { addYears, civilDate, compactDay, dayNumber, formatChinaTime, formatDay, parseDay, yearOf } from '../calendar';

const DAY_MS = 86_400_000;

describe('calendar', () => {
  it('agrees with Date on every day from 1899 to 2101', () => {
    const mismatches: string[] = [];
    for (let days = Date.UTC(1899, 0, 1) / DAY_MS; days <= Date.UTC(2101, 11, 31) / DAY_MS; days += 1) {
      const iso = new Date(days * DAY_MS).toISOString().slice(0, 10);
      const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
      if (formatDay(days) !== iso) mismatches.push(`formatDay(${days}) = ${formatDay(days)}, expected ${iso}`);
      if (dayNumber(year, month, day) !== days) mismatches.push(`dayNumber(${iso}) = ${dayNumber(year, month, day)}, expected ${days}`);
      if (parseDay(iso) !== days) mismatches.push(`parseDay(${iso})`);
      if (yearOf(days) !== year) mismatches.push(`yearOf(${iso})`);
      if (civilDate(days).join() !== [year, month, day].join()) mismatches.push(`civilDate(${iso})`);
      if (compactDay(days) !== iso.replaceAll('-', '')) mismatches.push(`compactDay(${iso})`);
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it('adds calendar years, moving 29 February to 28 February in common years', () => {
    expect(formatDay(addYears(parseDay('2021-03-04'), 5))).toBe('2026-03-04');
    expect(formatDay(addYears(parseDay('2020-02-29'), 1))).toBe('2021-02-28');
    expect(formatDay(addYears(parseDay('2020-02-29'), 4))).toBe('2024-02-29');
    expect(formatDay(addYears(parseDay('1999-12-31'), 18))).toBe('2017-12-31');
    expect(formatDay(addYears(parseDay('1896-02-29'), 4))).toBe('1900-02-28');
  });

  it('formats China local time with its offset', () => {
    const seconds = parseDay('2025-03-04') * 86_400 + 9 * 3600 + 15 * 60 + 7;
    expect(formatChinaTime(seconds)).toBe('2025-03-04T09:15:07+08:00');
    expect(formatChinaTime(parseDay('2026-06-30') * 86_400 - 1)).toBe('2026-06-29T23:59:59+08:00');
  });
});
