import { median, quantile } from '../median';
import { pairedRatios } from '../paired-ratios';

describe('quantile', () => {
  it('interpolates between ranks like the median does', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(median([4, 1, 3, 2]));
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(quantile([7], 0.25)).toBe(7);
  });

  it('is NaN for no values and ignores NaN values', () => {
    expect(quantile([], 0.5)).toBeNaN();
    expect(quantile([Number.NaN, 3, Number.NaN, 1], 0.5)).toBe(2);
  });

  it('refuses a q outside [0, 1]', () => {
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
    expect(() => quantile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe('pairedRatios', () => {
  it('divides round by round, so a drift common to both series cancels', () => {
    // Both series speed up by 50 % over the run; A is always 0.95 of B in its own round.
    const open = [600, 700, 800, 900];
    const enforce = open.map((value) => value * 0.95);
    const ratios = pairedRatios(enforce, open);
    expect(ratios.perRound.map((ratio) => Number(ratio.toFixed(6)))).toEqual([0.95, 0.95, 0.95, 0.95]);
    expect(ratios.median).toBeCloseTo(0.95, 10);
    expect(ratios.lowerQuartile).toBeCloseTo(0.95, 10);
    expect(ratios.upperQuartile).toBeCloseTo(0.95, 10);
  });

  it('gives the quartiles of the per-round ratios', () => {
    const ratios = pairedRatios([80, 90, 100, 110, 120], [100, 100, 100, 100, 100]);
    expect(ratios.median).toBeCloseTo(1.0, 10);
    expect(ratios.lowerQuartile).toBeCloseTo(0.9, 10);
    expect(ratios.upperQuartile).toBeCloseTo(1.1, 10);
  });

  it('leaves out rounds with a missing, NaN or non-positive side', () => {
    const ratios = pairedRatios([90, Number.NaN, 50, 95, 99], [100, 100, 0, 100]);
    expect(ratios.perRound).toEqual([0.9, 0.95]);
    expect(ratios.median).toBeCloseTo(0.925, 10);
  });

  it('is NaN throughout when no round pairs up', () => {
    const ratios = pairedRatios([], [1, 2]);
    expect(ratios.perRound).toEqual([]);
    expect(ratios.median).toBeNaN();
    expect(ratios.lowerQuartile).toBeNaN();
  });
});
