import { quotaDay } from '../rate-limit-store';
import { usageDay } from '../usage-counter-store';
import { utcDayFormatter } from '../utc-day';

describe('UTC days', () => {
  it('formats the day of each time, once per day however the times alternate', () => {
    const formatted: string[] = [];
    const day = utcDayFormatter((start) => {
      formatted.push(start.toISOString());
      return start.toISOString().slice(0, 10);
    });
    const times = ['2026-06-30T23:59:59.999Z', '2026-06-30T00:00:00.000Z', '2026-07-01T00:00:00.000Z', '2026-07-01T12:00:00.000Z', '1969-12-31T23:59:59.999Z'];
    expect(times.map((time) => day(Date.parse(time)))).toEqual(['2026-06-30', '2026-06-30', '2026-07-01', '2026-07-01', '1969-12-31']);
    expect(formatted).toEqual(['2026-06-30T00:00:00.000Z', '2026-07-01T00:00:00.000Z', '1969-12-31T00:00:00.000Z']);
    expect(() => day(Number.NaN)).toThrow(RangeError);
    expect(day(Date.parse('1969-12-31T00:00:01.000Z'))).toBe('1969-12-31');
  });

  it('names quota days YYYYMMDD and usage days YYYY-MM-DD', () => {
    const time = Date.parse('2026-07-01T08:00:00+08:00');
    expect(quotaDay(time)).toBe('20260701');
    expect(usageDay(new Date(time))).toBe('2026-07-01');
    expect(quotaDay(Date.parse('2026-06-30T23:59:59.999Z'))).toBe('20260630');
  });
});
