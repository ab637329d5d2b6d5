/**
 * Entry point of a gateway child process: `node gateway-child.js <gateway-id>
 * <supergraph-file>`. Starts that one gateway on an ephemeral loopback port
 * and answers the runner over IPC, so the gateway's CPU time and RSS are
 * its own. A gateway with `usesRegistry` gets a registry seeded by a separate
 * short-lived process first (its memory is not this process's).
 */
import { answerParent } from '../measure/answer-parent';
import { findBenchGateway } from './bench-gateways';
import { isAvailableBenchGateway } from './bench-gateway';
import { seedBenchRegistryApart } from './seed-bench-registry-apart';

answerParent(async () => {
  const [id, supergraphPath] = process.argv.slice(2);
  if (id === undefined || supergraphPath === undefined) throw new Error('usage: gateway-child <gateway-id> <supergraph-file>');
  const gateway = findBenchGateway(id);
  if (!isAvailableBenchGateway(gateway)) throw new Error(`${id} is not available: ${gateway.pending}`);
  const apart = gateway.usesRegistry ? await seedBenchRegistryApart() : undefined;
  try {
    const running = await gateway.start({ supergraphPath, registry: apart?.seeded });
    const close = async (): Promise<void> => {
      try {
        await running.close();
      } finally {
        apart?.remove();
      }
    };
    return { info: { url: running.url, headers: running.headers ?? {} }, handlers: { close } };
  } catch (error) {
    apart?.remove();
    throw error;
  }
});
