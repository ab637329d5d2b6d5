/**
 * The runner's side of a child process: spawned with `taskset -c <core>`
 * when pinning is possible, waits for `ready`, asks for usage and counts,
 * and stops it (SIGKILL by its pid if it does not exit in time).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { ChildMessage, ParentMessage, ProcessUsage } from './child-protocol';

/** Options of {@link spawnChild}. */
export interface SpawnChildOptions {
  /** The compiled child script. */
  readonly script: string;
  readonly args: readonly string[];
  /** Pin the child to this core with `taskset -c`. @default not pinned */
  readonly core?: number | undefined;
  /** Node options of the child, before `GOVGRAPH_BENCH_CHILD_NODE_ARGS` (which may override them). @default none */
  readonly nodeArgs?: readonly string[];
  /** Extra environment of the child. */
  readonly env?: Readonly<Record<string, string>>;
  /** @default 30000 */
  readonly readyTimeoutMs?: number;
}

/** A running child. */
export interface RunningChild {
  readonly pid: number;
  /** What the child said when ready. */
  readonly info: Readonly<Record<string, unknown>>;
  usage(): Promise<ProcessUsage>;
  counts(): Promise<Readonly<Record<string, number>>>;
  /** Asks the child to stop and waits for it to exit; kills it after 10 s. */
  stop(): Promise<void>;
}

/**
 * Extra node options for every child, from `GOVGRAPH_BENCH_CHILD_NODE_ARGS` (space-separated), e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile the measured processes (node refuses `--cpu-prof` in NODE_OPTIONS).
 */
function childNodeOptions(): string[] {
  return (process.env.GOVGRAPH_BENCH_CHILD_NODE_ARGS ?? '').split(' ').filter((part) => part.length > 0);
}

/** Spawns `script` under node and waits until it is ready. @throws Error with the child's report when it fails to start */
export async function spawnChild(options: SpawnChildOptions): Promise<RunningChild> {
  const nodeArgs = [...(options.nodeArgs ?? []), ...childNodeOptions(), options.script, ...options.args];
  const child: ChildProcess =
    options.core === undefined
      ? spawn(process.execPath, nodeArgs, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, ...options.env } })
      : spawn('taskset', ['-c', String(options.core), process.execPath, ...nodeArgs], {
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
          env: { ...process.env, ...options.env },
        });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const pending = new Map<number, (message: ChildMessage) => void>();
  let nextId = 1;
  child.on('message', (message: ChildMessage) => {
    if ((message.type === 'usage' || message.type === 'counts') && pending.has(message.id)) {
      const resolve = pending.get(message.id);
      pending.delete(message.id);
      resolve?.(message);
    }
  });

  const info = await new Promise<Readonly<Record<string, unknown>>>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.script} ${options.args.join(' ')} was not ready in ${options.readyTimeoutMs ?? 30_000} ms`));
    }, options.readyTimeoutMs ?? 30_000);
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message.info);
      } else if (message.type === 'failed') {
        clearTimeout(timer);
        reject(new Error(message.message));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${options.script} ${options.args.join(' ')} exited with code ${code} before it was ready`));
    });
  });

  const ask = <T extends ChildMessage>(type: 'usage' | 'counts'): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`the child did not answer "${type}" in 10 s`));
      }, 10_000);
      pending.set(id, (message) => {
        clearTimeout(timer);
        resolve(message as T);
      });
      child.send({ type, id } satisfies ParentMessage);
    });

  let stopping: Promise<void> | undefined;
  return {
    pid: child.pid ?? -1,
    info,
    usage: async () => (await ask<Extract<ChildMessage, { type: 'usage' }>>('usage')).usage,
    counts: async () => (await ask<Extract<ChildMessage, { type: 'counts' }>>('counts')).counts,
    stop: () =>
      (stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        if (child.connected) child.send({ type: 'stop' } satisfies ParentMessage);
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      })()),
  };
}
