/**
 * Core pinning of a benchmark runner: where `taskset` works and there are at
 * least 2 cores, the runner (with its load generator) moves to core 1 and
 * the process under test is started on core 0, so the two do not take CPU
 * from each other.
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';

/** The cores to use, or none, and a sentence for the report. */
export interface Pinning {
  /** Core of the process under test; `undefined` when not pinned. */
  readonly targetCore?: number;
  /** Core of this runner; `undefined` when not pinned. */
  readonly loadCore?: number;
  readonly description: string;
}

/** Pins this process (all threads) to core 1, if possible. */
export function pinRunner(target = 'the process under test'): Pinning {
  if (cpus().length < 2) return { description: 'none (fewer than 2 cores)' };
  const result = spawnSync('taskset', ['-a', '-cp', '1', String(process.pid)], { stdio: 'ignore' });
  if (result.error || result.status !== 0) return { description: 'none (taskset not available)' };
  return { targetCore: 0, loadCore: 1, description: `${target} on core 0; runner (autocannon) on core 1 (taskset)` };
}
