import { formatTable, displayWidth } from '../format-table';
import { parseDuration, parseExpiry } from '../parse-duration';

describe('parseDuration and parseExpiry', () => {
  it('reads durations in s, m, h, d, w and plain seconds', () => {
    expect(['90s', '15m', '24h', '30d', '2w', '3600'].map((text) => parseDuration(text, '--overlap'))).toEqual([90, 900, 86_400, 2_592_000, 1_209_600, 3600]);
  });

  it('refuses anything else as a usage error naming the option', () => {
    expect(() => parseDuration('1.5h', '--overlap')).toThrow('--overlap must be a duration like 90s, 15m, 24h, 30d or 2w (got "1.5h")');
    expect(() => parseExpiry('soon', '--expires', new Date())).toThrow(/--expires must be a duration from now \(30d\) or an ISO date-time/);
  });

  it('takes an expiry as a duration from now or an ISO date-time', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    expect(parseExpiry('30d', '--expires', now).toISOString()).toBe('2030-01-31T00:00:00.000Z');
    expect(parseExpiry('2031-02-03T04:05:06Z', '--expires', now).toISOString()).toBe('2031-02-03T04:05:06.000Z');
  });
});

describe('formatTable', () => {
  it('aligns columns by terminal width, counting CJK characters as two', () => {
    expect(displayWidth('民政厅a')).toBe(7);
    const table = formatTable(
      [
        { name: '民政厅', code: 'civil' },
        { name: 'Tax', code: null },
      ],
      [
        { header: 'NAME', value: (row) => row.name },
        { header: 'CODE', value: (row) => row.code },
      ],
    );
    expect(table).toBe('NAME    CODE\n民政厅  civil\nTax     -\n');
    expect(formatTable([], [{ header: 'X', value: () => 1 }])).toBe('(none)\n');
  });
});
