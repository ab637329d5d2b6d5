/**
 * Option schemas that also accept the string forms an environment variable
 * gives (`"2000"`, `"0.05"`, `"true"`), so `main.ts` can pass `process.env`
 * values through without converting each one by hand.
 */
import { z } from 'zod';

/** An integer in `[min, max]`, given as a number or a decimal string. @internal */
export function integerOption(min: number, max: number) {
  return z.preprocess(
    (value) => (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value),
    z.number().int().min(min).max(max),
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
