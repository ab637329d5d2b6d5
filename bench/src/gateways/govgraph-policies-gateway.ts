/**
 * Gateway (2): govgraph with the whole policy chain on (an application whose
 * grants cover the benchmark's fields; audit on).
 *
 * PENDING: `createGateway`'s access-control option (`accessControl: { mode:
 * 'enforce', registry, auditSink, pepper, … }`) is being written in gateway/
 * right now. The option is in `gateway/src/app.ts`, but what a caller needs
 * to fill it (`createMemoryRegistryReader`, `createMemoryAuditSink`, the
 * registry record types, API-key hashing) is not exported from
 * `@govgraph/gateway` yet, and the benchmark does not reach into another
 * package's internals. Until it is, this entry is listed so the runner
 * reports it as "not available" instead of silently dropping it. Then
 * replace it with one that builds an in-memory registry holding one
 * application granted the four subgraphs' fields, an in-memory audit sink,
 * and sends the application's API key with every request (the runner's
 * load and validation already take request headers).
 */
import type { PendingBenchGateway } from './bench-gateway';

/** govgraph, whole policy chain on: not available yet. */
export const govgraphPoliciesGateway: PendingBenchGateway = {
  id: 'govgraph-policies',
  title: 'govgraph (policy chain on)',
  pending:
    "the access-control option's registry and audit sink are not exported from @govgraph/gateway yet; see bench/src/gateways/govgraph-policies-gateway.ts",
};
