/**
 * Option schemas that also accept the string forms an environment variable
 * gives (`"2000"`, `"0.05"`, `"true"`), so `main.ts` can pass `process.env`
 * values through without converting each one by hand.
 */
import { z } from 'zod';

/** How {@link integerOption} reads strings and words its problems. @internal */
export interface IntegerOptionOptions {
  /**
   * Word every problem (not a number, not whole, out of range) as
   * `must be an integer from <min> to <max>`, instead of zod's own messages.
   * @default false
   */
  readonly rangeMessage?: boolean;
  /**
   * Read `"-5"` as a number. With `false` only unsigned digit strings are
   * converted, so a signed string is refused as the string that was set.
   * @default true
   */
  readonly signed?: boolean;
  /**
   * With `rangeMessage`, the unit named after the range: `… from 1 to 600000 (milliseconds)`.
   * @default undefined (no unit)
   */
  readonly unit?: string;
}

/** An integer in `[min, max]`, given as a number or a decimal string. @internal */
export function integerOption(min: number, max: number, options: IntegerOptionOptions = {}) {
  const digits = options.signed === false ? /^\s*\d+\s*$/ : /^\s*-?\d+\s*$/;
  const unit = options.unit ? ` (${options.unit})` : '';
  const error = options.rangeMessage === true ? { error: `must be an integer from ${min} to ${max}${unit}` } : undefined;
  return z.preprocess(
    (value) => (typeof value === 'string' && digits.test(value) ? Number(value) : value),
    error === undefined ? z.number().int().min(min).max(max) : z.number(error).int(error).min(min, error).max(max, error),
  );
}

/** A number in `[min, max]`, given as a number or a decimal string. @internal */
export function numberOption(min: number, max: number) {
  return z.preprocess(
    (value) => (typeof value === 'string' && /^\s*-?(\d+\.?\d*|\.\d+)\s*$/.test(value) ? Number(value) : value),
    z.number().min(min).max(max),
  );
}

/** A boolean, given as `true`/`false` or the strings `"true"`/`"false"`. @internal */
export function booleanOption() {
  return z.preprocess((value) => (value === 'true' ? true : value === 'false' ? false : value), z.boolean());
}
