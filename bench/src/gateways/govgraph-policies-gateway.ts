/**
 * Gateway (2): govgraph with the whole policy chain on, as a deployment runs
 * it: API-key authentication against a real (SQLite) registry at the size of
 * the reference province (3,428 applications, 50,000 grants), document
 * limits, the grant check, rate limits, masking, the signed context token on
 * every subgraph call, audit records written to the registry through the
 * Prisma audit sink, and usage counters. One benchmark application holds a
 * grant covering the four subgraphs at L4 (the benchmark's fields carry no
 * grade or mask tags, so nothing is refused or masked and the answer stays
 * deep-equal to the expected response); every client sends its key.
 * Under the runner the registry is seeded by a separate process before the
 * gateway starts (`usesRegistry`), so the gateway's RSS is its own; started
 * alone (tests) it seeds its own.
 */
import {
  API_KEY_HEADER,
  createGateway,
  createPrismaAuditSink,
  createPrismaRegistryReader,
  createPrismaUsageCounterStore,
  createSilentLogger,
  GRAPHQL_PATH,
} from '@govgraph/gateway';
import type { AvailableBenchGateway } from './bench-gateway';
import { govgraphCommandNodeArgs } from './govgraph-command-node-args';
import { openSeededBenchRegistry } from './open-seeded-bench-registry';
import { seedBenchRegistry } from './seed-bench-registry';

/** govgraph, whole policy chain on. */
export const govgraphPoliciesGateway: AvailableBenchGateway = {
  id: 'govgraph-policies',
  title: 'govgraph (policy chain on)',
  nodeArgs: govgraphCommandNodeArgs,
  usesRegistry: true,
  async start({ supergraphPath, host = '127.0.0.1', port = 0, registry }) {
    const bench = registry ? await openSeededBenchRegistry(registry) : await seedBenchRegistry();
    try {
      const { prisma } = bench.registry;
      const gateway = await createGateway(
        { supergraph: { kind: 'file', path: supergraphPath }, host, port, logLevel: 'silent', graphiql: false },
        {
          logger: createSilentLogger(),
          accessControl: {
            mode: 'enforce',
            registry: createPrismaRegistryReader(prisma),
            auditSink: createPrismaAuditSink(prisma),
            usage: createPrismaUsageCounterStore(prisma),
            pepper: bench.pepper,
          },
        },
      );
      const listening = await gateway.listen();
      return {
        url: `${listening.url}${GRAPHQL_PATH}`,
        headers: { [API_KEY_HEADER]: bench.apiKey },
        async close() {
          try {
            await gateway.stop(); // flushes the audit buffer into the registry
          } finally {
            await bench.close();
          }
        },
      };
    } catch (error) {
      await bench.close();
      throw error;
    }
  },
};
