/**
 * Stops processes (SIGSTOP) while another one is measured on the same core,
 * and resumes them (SIGCONT). An idle V8 process still runs timers and, a
 * few seconds after its load stops, a full GC (the memory reducer): on a
 * shared core that work lands in the measured process's window.
 */

/**
 * Stops every process of `pids` and returns the function that resumes them
 * (idempotent). Only positive pids are signalled (see `isSignallable`).
 */
export function pauseProcesses(pids: readonly number[]): () => void {
  const paused: number[] = [];
  try {
    for (const pid of pids.filter(isSignallable)) {
      process.kill(pid, 'SIGSTOP');
      paused.push(pid);
    }
  } catch (error) {
    resumeAll(paused);
    throw error;
  }
  let resumed = false;
  return () => {
    if (resumed) return;
    resumed = true;
    resumeAll(paused);
  };
}

/** Sends SIGCONT to each of `pids` that still exists. */
export function resumeAll(pids: readonly number[]): void {
  for (const pid of pids.filter(isSignallable)) {
    try {
      process.kill(pid, 'SIGCONT');
    } catch (error) {
      // A process that has exited has nothing to resume.
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }
}

/** A single process's pid: -1 would signal every process the user may signal, 0 the runner's own group. */
function isSignallable(pid: number): boolean {
  return Number.isInteger(pid) && pid > 0;
}
