/**
 * The node options govgraph's gateway command (`gateway/bin/govgraph-gateway`)
 * starts the gateway with on this machine, asked of the command itself
 * (`GOVGRAPH_GATEWAY_PRINT_NODE_ARGS=1`), so the benchmark runs govgraph's
 * gateways as they ship (today: V8's old-space limit of 1 GiB where Node's
 * default is larger) without a second copy of that rule.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';

let cached: readonly string[] | undefined;

/** The command's node options, one per element (empty: Node's defaults). @throws Error when the command fails */
export function govgraphCommandNodeArgs(): readonly string[] {
  if (cached) return cached;
  const command = join(dirname(require.resolve('@govgraph/gateway/package.json')), 'bin', 'govgraph-gateway');
  const result = spawnSync(command, [], {
    env: { ...process.env, GOVGRAPH_GATEWAY_PRINT_NODE_ARGS: '1', GOVGRAPH_NODE: process.execPath },
    encoding: 'utf8',
  });
  if (result.error || result.status !== 0) {
    throw new Error(`${command} could not tell its node options: ${result.error?.message ?? `exit ${result.status}: ${result.stderr.trim()}`}`);
  }
  cached = result.stdout.split('\n').filter((line) => line !== '');
  return cached;
}
