/**
 * Decimal digits of a non-negative integer, left-padded with zeros to
 * `width` (`zeroPad(12, 4)` → `0012`): sequence numbers in ids, item codes,
 * licence and case numbers.
 * @internal
 */
export function zeroPad(value: number, width: number): string {
  return `${value}`.padStart(width, '0');
}
