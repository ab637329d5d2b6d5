import { createTokenBucket, TokenWaitTooLongError } from '../token-bucket';

describe('createTokenBucket', () => {
  it('spaces takes 1/rate apart, in order', async () => {
    const bucket = createTokenBucket({ ratePerSecond: 20 });
    const started = performance.now();
    const at: number[] = [];
    await Promise.all(Array.from({ length: 5 }, () => bucket.take(10_000).then(() => at.push(performance.now() - started))));
    expect(at[0]).toBeLessThan(20);
    expect(at[4]).toBeGreaterThanOrEqual(195); // 4 × 50 ms
    expect(at[4]).toBeLessThan(400);
  });

  it('refuses at once a take whose wait would outlast maxWaitMs, without using a token', async () => {
    const bucket = createTokenBucket({ ratePerSecond: 2 });
    await bucket.take(0);
    const started = performance.now();
    await expect(bucket.take(100)).rejects.toBeInstanceOf(TokenWaitTooLongError);
    expect(performance.now() - started).toBeLessThan(50);
    await expect(bucket.take(600)).resolves.toBeUndefined();
  });

  it('gives the token back when a wait is aborted', async () => {
    let clock = 0;
    const bucket = createTokenBucket({ ratePerSecond: 1, now: () => clock });
    await bucket.take(0);
    const controller = new AbortController();
    const waiting = bucket.take(5000, controller.signal);
    controller.abort(new Error('client went away'));
    await expect(waiting).rejects.toThrow('client went away');
    clock = 1000;
    await expect(bucket.take(0)).resolves.toBeUndefined();
  });
});
