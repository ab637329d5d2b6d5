/**
 * The backoff between attempts of an idempotent call: exponential with
 * decorrelated jitter (cockatiel's `ExponentialBackoff`, so many gateways
 * retrying one legacy system do not come back in lock step), except when the
 * legacy system said when to come back (`Retry-After` → `details.retryAfterMs`
 * on the error): then exactly that, capped by `maxRetryAfterMs`.
 */
import { ExponentialBackoff, type IBackoff, type IBackoffFactory, type IRetryBackoffContext } from 'cockatiel';
import type { RetryCapabilities } from './capability-manifest';
import { retryAfterMsOf } from './parse-retry-after';

/** The delays of one call's retries; also usable as cockatiel `retry()`'s `backoff`. */
export type RetryAfterBackoff = IBackoffFactory<IRetryBackoffContext<unknown>>;

/** Creates the backoff of a manifest's `retry` settings. */
export function createRetryAfterBackoff(options: Pick<RetryCapabilities, 'initialDelayMs' | 'maxDelayMs' | 'maxRetryAfterMs'>): RetryAfterBackoff {
  const exponential = new ExponentialBackoff({ initialDelay: options.initialDelayMs, maxDelay: options.maxDelayMs });
  const step = (previous: IBackoff<unknown> | undefined, context: IRetryBackoffContext<unknown>): IBackoff<IRetryBackoffContext<unknown>> => {
    // The exponential sequence advances on every retry, so a Retry-After in between does not reset it.
    const next = previous ? previous.next(undefined) : exponential.next();
    const asked = 'error' in context.result ? retryAfterMsOf(context.result.error) : undefined;
    return {
      duration: asked === undefined ? Math.round(next.duration) : Math.min(asked, options.maxRetryAfterMs),
      next: (nextContext) => step(next, nextContext),
    };
  };
  return { next: (context) => step(undefined, context) };
}
