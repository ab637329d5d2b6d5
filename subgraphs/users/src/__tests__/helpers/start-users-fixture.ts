/**
 * Starts the two simulated registries on ephemeral loopback ports with the
 * given records, builds the users subgraph against them and starts it, so a
 * test queries the real thing in-process (`subgraph.fetch`).
 */
import { startLegalPersonRegistry, startPopulationRegistry, type EnterpriseRecord, type PersonRecord, type SimulatorHandle } from '@govgraph/legacy';
import { createSilentLogger, type Subgraph, type SubgraphSecurityOptions } from '@govgraph/sdk';
import { createUsersSubgraph, parseUsersSubgraphConfig } from '../..';

/** A GraphQL response as the tests read it. */
export interface GraphQLAnswer {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data?: any;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

/** The running registries and subgraph of one test file. */
export interface UsersFixture {
  readonly subgraph: Subgraph;
  readonly population: SimulatorHandle;
  readonly legalPerson: SimulatorHandle;
  /** POSTs one operation to the subgraph. */
  query(query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer>;
  /** Forgets the registries' call counts and switches their faults off. */
  reset(): void;
  close(): Promise<void>;
}

/** Options of {@link startUsersFixture}. */
export interface UsersFixtureOptions {
  readonly persons: readonly PersonRecord[];
  readonly enterprises: readonly EnterpriseRecord[];
  /** @default 5000 */
  readonly timeoutMs?: number;
  /** @default { mode: 'development' } */
  readonly security?: SubgraphSecurityOptions;
  /** Headers sent with every `query` (e.g. the gateway's context token). @default none */
  readonly headers?: () => Promise<Record<string, string>>;
}

export async function startUsersFixture(options: UsersFixtureOptions): Promise<UsersFixture> {
  const population = await startPopulationRegistry({ dataset: { persons: options.persons } });
  const legalPerson = await startLegalPersonRegistry({ dataset: { enterprises: options.enterprises } });
  const config = parseUsersSubgraphConfig({
    populationUrl: population.url,
    legalPersonUrl: legalPerson.url,
    timeoutMs: options.timeoutMs ?? 5000,
    port: 0,
    security: options.security ?? { mode: 'development' },
  });
  const subgraph = createUsersSubgraph(config, { logger: createSilentLogger() });
  await subgraph.start();
  const reset = (): void => {
    for (const system of [population, legalPerson]) {
      system.calls.reset();
      system.faults.reset();
    }
  };
  reset();
  return {
    subgraph,
    population,
    legalPerson,
    async query(query, variables) {
      const response = await subgraph.fetch('http://users.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await options.headers?.()) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLAnswer;
    },
    reset,
    async close() {
      await Promise.all([subgraph.stop(), population.close(), legalPerson.close()]);
    },
  };
}
