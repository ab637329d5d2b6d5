/**
 * Entry point of a gateway child process: `node gateway-child.js <gateway-id>
 * <supergraph-file>`. Starts that one gateway on an ephemeral loopback port
 * and answers the runner over IPC, so the gateway's CPU time and RSS are
 * its own.
 */
import { answerParent } from '../measure/answer-parent';
import { findBenchGateway } from './bench-gateways';
import { isAvailableBenchGateway } from './bench-gateway';

answerParent(async () => {
  const [id, supergraphPath] = process.argv.slice(2);
  if (id === undefined || supergraphPath === undefined) throw new Error('usage: gateway-child <gateway-id> <supergraph-file>');
  const gateway = findBenchGateway(id);
  if (!isAvailableBenchGateway(gateway)) throw new Error(`${id} is not available: ${gateway.pending}`);
  const running = await gateway.start({ supergraphPath });
  return { info: { url: running.url, headers: running.headers ?? {} }, handlers: { close: () => running.close() } };
});
