/**
 * The dataset's only source of randomness: a small seeded PRNG (sfc32, seeded
 * through splitmix32) and the few helpers the generator needs. Everything is
 * integer arithmetic plus one exact division, so the same seed gives the
 * same numbers on every machine and Node version; `Math.random` is never
 * used, which is what makes a generated dataset reproducible byte for byte.
 */

// Bound once: under jest, code runs in a vm context where every global lookup (`Math`) goes
// through an interceptor; the generator draws a few million numbers.
const { floor, imul } = Math;

/** A deterministic random source. Not for cryptography. */
export interface Random {
  /** A float in [0, 1) with 32 bits of randomness. */
  next(): number;
  /** An integer in [min, max], both inclusive; `max` must be ≥ `min`. */
  int(min: number, max: number): number;
  /** `true` with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One element of a weighted table, with probability proportional to its weight. */
  weightedPick<T>(choices: WeightedChoices<T>): T;
  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[]): T[];
}

/**
 * Items with weights, prepared once for O(log n) picks: the generator picks
 * from the same tables hundreds of thousands of times.
 */
export interface WeightedChoices<T> {
  readonly items: readonly T[];
  /** Running totals of the weights. */
  readonly cumulative: Float64Array;
  readonly total: number;
}

/**
 * Prepares a weighted table for {@link Random.weightedPick}.
 *
 * @throws RangeError when there is no item, a weight is negative or not finite, or all weights are 0.
 */
export function createWeightedChoices<T>(entries: readonly (readonly [item: T, weight: number])[]): WeightedChoices<T> {
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([, weight], index) => {
    if (!Number.isFinite(weight) || weight < 0) throw new RangeError(`weight ${index} must be a finite number ≥ 0, got ${weight}`);
    total += weight;
    cumulative[index] = total;
  });
  if (!(total > 0)) throw new RangeError('a weighted table needs at least one item with a positive weight');
  return { items: entries.map(([item]) => item), cumulative, total };
}

/**
 * Creates a random source from a 32-bit seed. Two sources with the same seed
 * produce the same sequence.
 *
 * @throws RangeError when `seed` is not an integer in [0, 2^32 − 1].
 */
export function createRandom(seed: number): Random {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`seed must be an integer in [0, 4294967295], got ${seed}`);
  }
  let mix = seed >>> 0;
  const splitmix32 = (): number => {
    mix = (mix + 0x9e3779b9) | 0;
    let z = mix;
    z = imul(z ^ (z >>> 16), 0x85ebca6b);
    z = imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix32();
  let b = splitmix32();
  let c = splitmix32();
  let d = splitmix32();

  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i += 1) nextUint32();

  const next = (): number => nextUint32() / 4294967296;

  return {
    next,
    int(min, max) {
      return min + floor(next() * (max - min + 1));
    },
    chance(p) {
      return next() < p;
    },
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('cannot pick from an empty array');
      return items[floor(next() * items.length)] as T;
    },
    weightedPick<T>(choices: WeightedChoices<T>): T {
      const target = next() * choices.total;
      const { cumulative } = choices;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if ((cumulative[middle] as number) > target) high = middle;
        else low = middle + 1;
      }
      return choices.items[low] as T;
    },
    shuffle<T>(items: T[]): T[] {
      for (let i = items.length - 1; i > 0; i -= 1) {
        const j = floor(next() * (i + 1));
        const held = items[i] as T;
        items[i] = items[j] as T;
        items[j] = held;
      }
      return items;
    },
  };
}
