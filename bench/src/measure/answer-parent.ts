/**
 * The child's side of the runner's IPC: says `ready` (or `failed`), answers
 * `usage` (and `counts` when given), and on `stop` runs `close` and exits.
 */
import { currentProcessUsage, type ChildMessage, type ParentMessage } from './child-protocol';

/** What the child serves over IPC. */
export interface ChildHandlers {
  /** Per-subgraph request counts, for the subgraphs child. */
  counts?(): Readonly<Record<string, number>>;
  /** Releases what the child started; the process exits after it. */
  close(): Promise<void>;
}

/**
 * Starts `start` and reports the outcome to the parent. The process exits
 * when the parent says `stop` or disconnects (so no child outlives a runner).
 */
export function answerParent(start: () => Promise<{ info: Record<string, unknown>; handlers: ChildHandlers }>): void {
  const send = (message: ChildMessage): void => {
    if (process.send) process.send(message);
  };
  if (!process.send) {
    process.stderr.write('this script is started by the benchmark runner (it needs an IPC channel)\n');
    process.exit(2);
  }
  start().then(
    ({ info, handlers }) => {
      let stopping = false;
      const stop = (): void => {
        if (stopping) return;
        stopping = true;
        handlers.close().finally(() => process.exit(0));
      };
      process.on('message', (message: ParentMessage) => {
        if (message.type === 'usage') send({ type: 'usage', id: message.id, usage: currentProcessUsage() });
        else if (message.type === 'counts') send({ type: 'counts', id: message.id, counts: handlers.counts?.() ?? {} });
        else if (message.type === 'stop') stop();
      });
      process.on('disconnect', stop);
      send({ type: 'ready', info });
    },
    (error: unknown) => {
      send({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exit(1);
    },
  );
}
