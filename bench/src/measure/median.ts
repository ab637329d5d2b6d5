/**
 * The median and other quantiles of a list of numbers (NaN-free); the runner
 * reports medians over rounds so one disturbed round on a shared machine does
 * not decide.
 */

/** Median of `values`; NaN for an empty list. */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** The `q` quantile (0..1) of `values`, interpolating linearly between ranks; NaN for an empty list. */
export function quantile(values: readonly number[], q: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: q must be within [0, 1] (got ${q})`);
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const low = sorted[below] as number;
  const high = sorted[Math.ceil(position)] as number;
  return low + (high - low) * (position - below);
}
