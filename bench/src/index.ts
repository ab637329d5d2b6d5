export { startBenchSubgraphs, type BenchSubgraphs, type StartBenchSubgraphsOptions } from './fixtures/start-bench-subgraphs';
export { BENCH_SUBGRAPH_NAMES, type BenchSubgraphDefinition, type BenchSubgraphName } from './fixtures/bench-subgraph-definition';
export { accountsSubgraph } from './fixtures/accounts-subgraph';
export { productsSubgraph } from './fixtures/products-subgraph';
export { inventorySubgraph } from './fixtures/inventory-subgraph';
export { reviewsSubgraph } from './fixtures/reviews-subgraph';
export { loadBenchWorkload, BENCH_FIXTURES_DIRECTORY, type BenchWorkload } from './fixtures/bench-workload';
export { rewriteSupergraphUrls } from './fixtures/rewrite-supergraph-urls';
export { writeBenchSupergraph, type SupergraphFile } from './fixtures/bench-supergraph';
export {
  BENCH_GATEWAY_IDS,
  isAvailableBenchGateway,
  type AvailableBenchGateway,
  type BenchGateway,
  type BenchGatewayId,
  type PendingBenchGateway,
  type RunningBenchGateway,
  type SeededBenchRegistry,
  type StartBenchGatewayOptions,
} from './gateways/bench-gateway';
export { BENCH_GATEWAYS, BASELINE_GATEWAY_ID, findBenchGateway } from './gateways/bench-gateways';
export { validateGateway, type ValidateGatewayOptions, type ValidationResult } from './measure/validate-gateway';
export { describeDifference } from './measure/describe-difference';
