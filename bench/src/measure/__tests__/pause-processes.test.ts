import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { pauseProcesses, resumeAll } from '../pause-processes';

/** The scheduler state letter of `pid` (`T` stopped, `S` sleeping, `R` running), from /proc. */
function stateOf(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
}

async function waitForState(pid: number, wanted: readonly string[]): Promise<string> {
  const deadline = Date.now() + 5_000;
  let state = stateOf(pid);
  while (!wanted.includes(state) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    state = stateOf(pid);
  }
  return state;
}

const linux = existsSync('/proc/self/stat');

(linux ? describe : describe.skip)('pauseProcesses', () => {
  let child: ChildProcess | undefined;

  afterEach(async () => {
    if (child?.pid !== undefined && child.exitCode === null) {
      resumeAll([child.pid]);
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    child = undefined;
  });

  it('stops a process until the returned function resumes it, once', async () => {
    child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    await once(child, 'spawn');
    const pid = child.pid as number;
    const resume = pauseProcesses([pid]);
    expect(await waitForState(pid, ['T'])).toBe('T');
    resume();
    expect(await waitForState(pid, ['S', 'R'])).not.toBe('T');
    // Resuming twice is harmless, and a later pause works again.
    resume();
    const again = pauseProcesses([pid]);
    expect(await waitForState(pid, ['T'])).toBe('T');
    again();
    expect(await waitForState(pid, ['S', 'R'])).not.toBe('T');
  });

  it('never signals a non-positive pid (-1 would stop every process of the user)', () => {
    const kill = jest.spyOn(process, 'kill');
    try {
      const resume = pauseProcesses([-1, 0, Number.NaN]);
      resume();
      expect(kill).not.toHaveBeenCalled();
    } finally {
      kill.mockRestore();
    }
  });

  it('resumes what it paused when a later pid cannot be signalled, and rethrows', async () => {
    child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    await once(child, 'spawn');
    const pid = child.pid as number;
    // A pid far above pid_max does not exist.
    expect(() => pauseProcesses([pid, 2 ** 30])).toThrow(expect.objectContaining({ code: 'ESRCH' }));
    expect(await waitForState(pid, ['S', 'R'])).not.toBe('T');
  });

  it('treats a process that has exited as resumed', async () => {
    child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    const pid = child.pid as number;
    await once(child, 'exit');
    expect(() => resumeAll([pid])).not.toThrow();
  });
});
