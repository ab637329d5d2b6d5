export { createCasesSubgraph, type CreateCasesSubgraphOptions } from './app';
export { parseCasesSubgraphConfig, DEFAULT_CASES_PORT, type CasesSubgraphConfig } from './config';
