import { startCallDeadline } from '../call-deadline';

describe('startCallDeadline', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('aborts with a TimeoutError once the time is up', async () => {
    const deadline = startCallDeadline(30);
    expect(deadline.signal.aborted).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.signal.reason).toBeInstanceOf(DOMException);
    expect((deadline.signal.reason as DOMException).name).toBe('TimeoutError');
  });

  it('never aborts once cleared, and clearing twice is harmless', async () => {
    const deadline = startCallDeadline(30);
    deadline.clear();
    deadline.clear();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(deadline.signal.aborted).toBe(false);
  });

  it('leaves no timer behind once cleared (AbortSignal.timeout keeps its timer until a GC collects the signal)', () => {
    jest.useFakeTimers();
    const deadline = startCallDeadline(30_000);
    expect(jest.getTimerCount()).toBe(1);
    deadline.clear();
    expect(jest.getTimerCount()).toBe(0);
  });
});
