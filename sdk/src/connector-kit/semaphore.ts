/**
 * A counting semaphore that caps how many calls a source has in flight to its
 * legacy system (`maxConcurrency`). Legacy systems are often sized for a
 * handful of clerks, not for a gateway fanning out thousands of requests; the
 * cap makes the excess wait here, in order, instead of piling onto them.
 *
 * Waiting is abortable (the call's deadline or the client's disconnect), so a
 * queued call never outlives its timeout. A resilience library (bulkhead,
 * circuit breaker) may replace this later; until then it is deliberately tiny.
 */

/** @internal Gives back the slot taken by {@link Semaphore.acquire}. Safe to call more than once. */
export type ReleaseSlot = () => void;

/** @internal A source's cap on calls in flight to its legacy system; see {@link createSemaphore}. */
export interface Semaphore {
  /** Resolves with a release function once a slot is free; rejects with `signal.reason` if aborted first. */
  acquire(signal?: AbortSignal): Promise<ReleaseSlot>;
  /** Rejects every waiting caller with `reason`; later acquisitions still work (the owner decides what they mean). */
  rejectWaiting(reason: Error): void;
  /** Calls holding a slot now. */
  readonly inFlight: number;
  /** Calls waiting for a slot now. */
  readonly waiting: number;
}

interface Waiter {
  grant(release: ReleaseSlot): void;
  reject(reason: unknown): void;
}

/** @internal Creates a semaphore with `max` slots. */
export function createSemaphore(max: number): Semaphore {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`semaphore size must be a positive integer, got ${max}`);
  let inFlight = 0;
  const queue: Waiter[] = [];

  const makeRelease = (): ReleaseSlot => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = queue.shift();
      if (next) next.grant(makeRelease());
      else inFlight -= 1;
    };
  };

  return {
    get inFlight() {
      return inFlight;
    },
    get waiting() {
      return queue.length;
    },
    acquire(signal) {
      if (signal?.aborted) return Promise.reject(signal.reason);
      if (inFlight < max) {
        inFlight += 1;
        return Promise.resolve(makeRelease());
      }
      return new Promise<ReleaseSlot>((resolve, reject) => {
        const onAbort = (): void => {
          const index = queue.indexOf(waiter);
          if (index !== -1) queue.splice(index, 1);
          reject(signal?.reason);
        };
        const waiter: Waiter = {
          grant(release) {
            signal?.removeEventListener('abort', onAbort);
            resolve(release);
          },
          reject(reason) {
            signal?.removeEventListener('abort', onAbort);
            reject(reason);
          },
        };
        queue.push(waiter);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    rejectWaiting(reason) {
      for (const waiter of queue.splice(0)) waiter.reject(reason);
    },
  };
}
