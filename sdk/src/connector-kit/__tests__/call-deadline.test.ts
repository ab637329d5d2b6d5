import { createCallDeadline } from '../call-deadline';

describe('createCallDeadline', () => {
  it('aborts after timeoutMs and says it timed out', async () => {
    const deadline = createCallDeadline(20);
    await new Promise((resolve) => deadline.signal.addEventListener('abort', resolve, { once: true }));
    expect(deadline.timedOut).toBe(true);
    expect(deadline.callerAborted).toBe(false);
    deadline.dispose();
  });

  it('aborts with the caller reason when the caller signal fires, even if already aborted', () => {
    const reason = new Error('client went away');
    const caller = new AbortController();
    const deadline = createCallDeadline(10_000, caller.signal);
    caller.abort(reason);
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.signal.reason).toBe(reason);
    expect(deadline.callerAborted).toBe(true);
    expect(deadline.callerReason).toBe(reason);
    expect(deadline.timedOut).toBe(false);
    deadline.dispose();

    const early = createCallDeadline(10_000, AbortSignal.abort(reason));
    expect(early.callerAborted).toBe(true);
    early.dispose();
  });

  it('never fires once disposed', async () => {
    const deadline = createCallDeadline(10);
    deadline.dispose();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(deadline.signal.aborted).toBe(false);
  });
});
