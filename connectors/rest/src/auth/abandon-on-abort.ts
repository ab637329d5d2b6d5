/**
 * Waits for a shared promise on behalf of one caller: when the caller's
 * signal fires, that caller stops waiting (rejecting with the signal's
 * reason) while the shared work carries on for the others. Used for the one
 * token request that many concurrent calls wait on.
 */

/** @internal Resolves like `promise`, or rejects with `signal.reason` once `signal` fires. */
export function abandonOnAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
