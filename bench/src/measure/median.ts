/**
 * The median of a list of numbers (NaN-free); the runner reports medians
 * over rounds so one disturbed round on a shared machine does not decide.
 */

/** Median of `values`; NaN for an empty list. */
export function median(values: readonly number[]): number {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
