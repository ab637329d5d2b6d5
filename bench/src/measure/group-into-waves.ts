/**
 * Turns a gateway's recorded subgraph calls into the waves a hand-written
 * client would send: calls that overlapped in time ran in parallel; a call
 * that started only after an earlier one ended waited for it (it needs its
 * result, as an entity fetch needs the keys of the fetch before).
 */
import type { RecordedCall } from './start-recording-proxy';

/** Calls in start order, split where a call starts after every call of the current wave has ended. */
export function groupIntoWaves(calls: readonly RecordedCall[]): RecordedCall[][] {
  const sorted = [...calls].sort((a, b) => a.startedAt - b.startedAt);
  const waves: RecordedCall[][] = [];
  let current: RecordedCall[] = [];
  let firstEnd = Number.POSITIVE_INFINITY;
  for (const call of sorted) {
    if (current.length > 0 && call.startedAt >= firstEnd) {
      waves.push(current);
      current = [];
      firstEnd = Number.POSITIVE_INFINITY;
    }
    current.push(call);
    firstEnd = Math.min(firstEnd, call.endedAt);
  }
  if (current.length > 0) waves.push(current);
  return waves;
}
