/**
 * A token bucket that paces calls to a legacy system at its
 * `maxRequestsPerSecond`. Tokens refill continuously; a caller without a
 * token reserves the next one and waits for it, so waiting callers are
 * served in order. A caller whose wait would outlast its deadline is refused
 * at once instead of waiting in vain, and an aborted wait gives its token back.
 *
 * The bucket holds one token by default: calls are spread evenly (one every
 * 1/rate seconds) rather than let through in bursts, which is what a system
 * sized for a handful of clerks tolerates.
 */

/** @internal Options of {@link createTokenBucket}. */
export interface TokenBucketOptions {
  /** Tokens added per second. */
  readonly ratePerSecond: number;
  /** Tokens the bucket holds at most (the burst). @default 1 */
  readonly capacity?: number;
  /** The clock, in milliseconds. @default performance.now */
  readonly now?: () => number;
}

/** @internal Why {@link TokenBucket.take} refused: the wait would end after the deadline. */
export class TokenWaitTooLongError extends Error {
  constructor(readonly waitMs: number) {
    super(`the next request slot is ${Math.ceil(waitMs)} ms away, beyond the deadline`);
    this.name = 'TokenWaitTooLongError';
  }
}

/** @internal A rate limit of one source; see {@link createTokenBucket}. */
export interface TokenBucket {
  /**
   * Takes a token, waiting for it if needed. Rejects with {@link TokenWaitTooLongError} at once if the wait
   * would exceed `maxWaitMs`, or with `signal.reason` if aborted while waiting.
   */
  take(maxWaitMs: number, signal?: AbortSignal): Promise<void>;
}

/** @internal Creates a token bucket, full. */
export function createTokenBucket(options: TokenBucketOptions): TokenBucket {
  const { ratePerSecond } = options;
  const capacity = options.capacity ?? 1;
  const now = options.now ?? (() => performance.now());
  if (!(ratePerSecond > 0) || !(capacity >= 1)) throw new RangeError('a token bucket needs a positive rate and a capacity of at least 1');
  let tokens = capacity;
  let updatedAt = now();

  const refill = (): void => {
    const at = now();
    tokens = Math.min(capacity, tokens + ((at - updatedAt) * ratePerSecond) / 1000);
    updatedAt = at;
  };

  return {
    take(maxWaitMs, signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      refill();
      if (tokens >= 1) {
        tokens -= 1;
        return Promise.resolve();
      }
      const waitMs = ((1 - tokens) * 1000) / ratePerSecond;
      if (waitMs > maxWaitMs) return Promise.reject(new TokenWaitTooLongError(waitMs));
      tokens -= 1; // reserved: later callers queue behind this one
      return new Promise<void>((resolve, reject) => {
        const onAbort = (): void => {
          clearTimeout(timer);
          refill();
          tokens = Math.min(capacity, tokens + 1);
          reject(signal?.reason);
        };
        const timer = setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, Math.ceil(waitMs));
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
