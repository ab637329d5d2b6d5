/**
 * The IPC messages between the runner and its child processes (a gateway
 * under test, the benchmark subgraphs). The child answers `usage` with its
 * own CPU time and memory, so CPU and RSS are per process.
 */

/** The runner asks. `id` pairs an answer with its question. */
export type ParentMessage =
  | { readonly type: 'usage'; readonly id: number }
  | { readonly type: 'counts'; readonly id: number }
  | { readonly type: 'stop' };

/** A child's CPU time and memory at one instant. */
export interface ProcessUsage {
  /** `process.cpuUsage()`, user + system, in microseconds since the process started. */
  readonly cpuMicros: number;
  /** `process.memoryUsage().rss`, bytes. */
  readonly rssBytes: number;
  /** `process.resourceUsage().maxRSS` (kernel peak resident set), bytes. */
  readonly maxRssBytes: number;
}

/** The child says or answers. */
export type ChildMessage =
  | { readonly type: 'ready'; readonly info: Readonly<Record<string, unknown>> }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'usage'; readonly id: number; readonly usage: ProcessUsage }
  | { readonly type: 'counts'; readonly id: number; readonly counts: Readonly<Record<string, number>> };

/** This process's usage now. */
export function currentProcessUsage(): ProcessUsage {
  const cpu = process.cpuUsage();
  return {
    cpuMicros: cpu.user + cpu.system,
    rssBytes: process.memoryUsage().rss,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}
