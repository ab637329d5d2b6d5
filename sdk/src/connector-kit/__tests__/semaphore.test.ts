import { createSemaphore } from '../semaphore';

describe('createSemaphore', () => {
  it('grants up to max slots at once and queues the rest in order', async () => {
    const semaphore = createSemaphore(2);
    const first = await semaphore.acquire();
    await semaphore.acquire();
    const order: string[] = [];
    const third = semaphore.acquire().then((release) => (order.push('third'), release));
    const fourth = semaphore.acquire().then((release) => (order.push('fourth'), release));
    expect(semaphore.inFlight).toBe(2);
    expect(semaphore.waiting).toBe(2);
    first();
    first(); // a second release of the same slot is a no-op
    (await third)();
    await fourth;
    expect(order).toEqual(['third', 'fourth']);
    expect(semaphore.inFlight).toBe(2);
    expect(semaphore.waiting).toBe(0);
  });

  it('rejects a waiting caller with its signal reason and drops it from the queue', async () => {
    const semaphore = createSemaphore(1);
    await semaphore.acquire();
    const controller = new AbortController();
    const waiting = semaphore.acquire(controller.signal);
    const reason = new Error('deadline');
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    expect(semaphore.waiting).toBe(0);
    await expect(semaphore.acquire(controller.signal)).rejects.toBe(reason);
  });

  it('rejects every waiter on rejectWaiting and refuses a size below 1', async () => {
    const semaphore = createSemaphore(1);
    await semaphore.acquire();
    const waiters = [semaphore.acquire(), semaphore.acquire()];
    const stopped = new Error('stopped');
    semaphore.rejectWaiting(stopped);
    await expect(Promise.all(waiters)).rejects.toBe(stopped);
    expect(semaphore.waiting).toBe(0);
    expect(() => createSemaphore(0)).toThrow('semaphore size must be a positive integer, got 0');
  });
});
