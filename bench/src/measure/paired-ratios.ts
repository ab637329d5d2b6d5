/**
 * Ratios of two series measured in alternation, round by round (a window of
 * A, then a window of B, then the next round). A process on a shared core
 * drifts over minutes (JIT tiers, heap sizing, the neighbours' load) by more
 * than the difference being measured; the ratio of the two windows of one
 * round sees the same conditions on both sides, so the median of those
 * per-round ratios is the estimate that drift does not bias.
 */
import { quantile } from './median';

/** The per-round ratios of `numerator` to `denominator` and their quartiles. */
export interface PairedRatios {
  /** `numerator[i] / denominator[i]` for each round both measured. */
  readonly perRound: readonly number[];
  readonly median: number;
  /** First quartile of the per-round ratios (linear interpolation). */
  readonly lowerQuartile: number;
  /** Third quartile of the per-round ratios (linear interpolation). */
  readonly upperQuartile: number;
}

/**
 * Pairs `numerator[i]` with `denominator[i]`; rounds where either is missing,
 * NaN or the denominator is not positive are left out.
 */
export function pairedRatios(numerator: readonly number[], denominator: readonly number[]): PairedRatios {
  const perRound: number[] = [];
  const rounds = Math.min(numerator.length, denominator.length);
  for (let index = 0; index < rounds; index += 1) {
    const top = numerator[index] as number;
    const bottom = denominator[index] as number;
    if (Number.isNaN(top) || Number.isNaN(bottom) || bottom <= 0) continue;
    perRound.push(top / bottom);
  }
  return { perRound, median: quantile(perRound, 0.5), lowerQuartile: quantile(perRound, 0.25), upperQuartile: quantile(perRound, 0.75) };
}
