/**
 * The gateways of one run, side by side, in issue 5's order.
 */
import { apolloBaselineGateway } from './apollo-baseline-gateway';
import type { BenchGateway, BenchGatewayId } from './bench-gateway';
import { govgraphApolloEngineGateway } from './govgraph-apollo-engine-gateway';
import { govgraphOpenGateway } from './govgraph-open-gateway';
import { govgraphPoliciesGateway } from './govgraph-policies-gateway';
import { hiveRustGateway, hiveRustNoDedupeGateway } from './hive-rust-gateway';

/** Every gateway of the run; the baseline is `apollo-baseline`. */
export const BENCH_GATEWAYS: readonly BenchGateway[] = [
  govgraphOpenGateway,
  govgraphApolloEngineGateway,
  govgraphPoliciesGateway,
  apolloBaselineGateway,
  hiveRustGateway,
  hiveRustNoDedupeGateway,
];

/** The gateway the ratios are relative to. */
export const BASELINE_GATEWAY_ID: BenchGatewayId = 'apollo-baseline';

/** The gateway of `id`. @throws Error for an unknown id (naming the known ones). */
export function findBenchGateway(id: string): BenchGateway {
  const gateway = BENCH_GATEWAYS.find((candidate) => candidate.id === id);
  if (!gateway) throw new Error(`unknown gateway "${id}"; known: ${BENCH_GATEWAYS.map((g) => g.id).join(', ')}`);
  return gateway;
}
