/**
 * Starts a case-handling simulator on an ephemeral port and the cases
 * subgraph over it, queried in-process through `subgraph.fetch`.
 */
import { createSilentLogger, type Subgraph } from '@govgraph/sdk';
import { startCaseHandlingSystem, type CaseRecord, type SimulatorHandle } from '@govgraph/legacy';
import { createCasesSubgraph, parseCasesSubgraphConfig } from '../..';

/** A GraphQL answer. */
export interface GraphQLAnswer {
  data?: any;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } & Record<string, unknown> }[];
}

/** A running simulator and subgraph. */
export interface CasesTestBed {
  readonly system: SimulatorHandle;
  readonly subgraph: Subgraph;
  /** POSTs a GraphQL request to the subgraph. */
  query(query: string, variables?: Record<string, unknown>, subgraph?: Subgraph): Promise<GraphQLAnswer>;
  /** A second subgraph over the same system, e.g. with a short timeout. Closed with the test bed. */
  createSubgraph(config?: { casesUrl?: string; timeoutMs?: number }): Promise<Subgraph>;
  close(): Promise<void>;
}

/** Starts a test bed with these cases and (optionally) a fixed simulator clock. */
export async function startCasesTestBed(options: { cases: readonly CaseRecord[]; now?: () => Date }): Promise<CasesTestBed> {
  const system = await startCaseHandlingSystem({ dataset: { cases: options.cases }, ...(options.now ? { now: options.now } : {}) });
  const subgraphs: Subgraph[] = [];
  const createSubgraph = async (config: { casesUrl?: string; timeoutMs?: number } = {}): Promise<Subgraph> => {
    const subgraph = createCasesSubgraph(parseCasesSubgraphConfig({ casesUrl: system.url, timeoutMs: 2000, security: { mode: 'development' }, ...config }), { logger: createSilentLogger() });
    subgraphs.push(subgraph);
    await subgraph.start();
    return subgraph;
  };
  const subgraph = await createSubgraph();
  return {
    system,
    subgraph,
    async query(query, variables, target = subgraph) {
      const response = await target.fetch('http://cases.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLAnswer;
    },
    createSubgraph,
    async close() {
      await Promise.all(subgraphs.map((each) => each.stop()));
      await system.close();
    },
  };
}
