import { createGateway, type Gateway, type ListeningGateway } from '../../../app';
import { startTestSubgraph, type TestSubgraph } from '../../../__tests__/helpers/start-test-subgraph';
import { createSilentLogger } from '../../../logger';
import type { EnforceAccessControlOptions } from '../../../policy/access-control-options';
import { createMemoryAuditSink } from '../../../stores/memory/memory-audit-sink';
import { createMemoryRegistryReader } from '../../../stores/memory/memory-registry-reader';
import { accessRecords, PEPPER, USERS } from './access-fixtures';

/** A users test subgraph and an enforcing gateway over it, listening on an ephemeral loopback port. */
export interface EnforcingGateway {
  readonly users: TestSubgraph;
  readonly gateway: Gateway;
  readonly server: ListeningGateway;
  /** Stops the gateway (flushing its audit) and the subgraph. */
  stop(): Promise<void>;
}

/**
 * Starts the users subgraph and a gateway enforcing access control over the test registry
 * (`accessRecords()`, a memory audit sink, the test pepper); `overrides` replace any of those options.
 */
export async function startEnforcingGateway(
  overrides: Partial<Omit<EnforceAccessControlOptions, 'mode'>> = {},
): Promise<EnforcingGateway> {
  const users = await startTestSubgraph({ name: 'users', ...USERS });
  try {
    const gateway = await createGateway(
      { supergraph: { kind: 'subgraphs', subgraphs: [{ name: 'users', url: users.url }] } },
      {
        logger: createSilentLogger(),
        accessControl: {
          mode: 'enforce',
          registry: createMemoryRegistryReader(accessRecords()),
          auditSink: createMemoryAuditSink(),
          pepper: PEPPER,
          ...overrides,
        },
      },
    );
    const server = await gateway.listen({ port: 0, host: '127.0.0.1' });
    return {
      users,
      gateway,
      server,
      async stop() {
        await gateway.stop();
        await users.stop();
      },
    };
  } catch (error) {
    await users.stop();
    throw error;
  }
}
