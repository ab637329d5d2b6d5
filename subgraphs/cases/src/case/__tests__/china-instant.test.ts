import { toChinaInstant } from '../china-instant';

describe('toChinaInstant', () => {
  it('keeps an instant already written in China time', () => {
    expect(toChinaInstant('2025-03-04T09:15:00+08:00')).toBe('2025-03-04T09:15:00+08:00');
    expect(toChinaInstant('2025-03-04T09:15:00.250+08:00')).toBe('2025-03-04T09:15:00.250+08:00');
  });

  it('converts other offsets to +08:00, across the date line', () => {
    expect(toChinaInstant('2025-03-04T01:15:00Z')).toBe('2025-03-04T09:15:00+08:00');
    expect(toChinaInstant('2025-03-03T20:15:30-05:00')).toBe('2025-03-04T09:15:30+08:00');
    expect(toChinaInstant('2025-12-31T18:00:00.5Z')).toBe('2026-01-01T02:00:00.500+08:00');
  });

  it.each([
    ['no offset', '2025-03-04T09:15:00'],
    ['a date only', '2025-03-04'],
    ['an impossible day', '2025-02-30T10:00:00+08:00'],
    ['hour 24', '2025-02-28T24:00:00+08:00'],
    ['a leap second', '2025-02-28T23:59:60+08:00'],
    ['an offset beyond 14 hours', '2025-02-28T10:00:00+15:00'],
    ['offset minutes over 59', '2025-02-28T10:00:00+08:60'],
    ['a space instead of T', '2025-03-04 09:15:00+08:00'],
    ['text', 'yesterday'],
  ])('refuses %s', (_what, value) => {
    expect(toChinaInstant(value)).toBeUndefined();
  });
});
