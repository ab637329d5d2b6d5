/**
 * What the runner knows of a gateway under test: its id, a title for the
 * table, and how to start it in the current process (the child process of
 * `gateway-child.ts` calls this, so each gateway is measured alone).
 */

/** The gateways of one run, in the order of issue 5. */
export const BENCH_GATEWAY_IDS = ['govgraph-open', 'govgraph-open-apollo-engine', 'govgraph-policies', 'apollo-baseline', 'hive-rust', 'hive-rust-no-dedupe'] as const;

/** One of {@link BENCH_GATEWAY_IDS}. */
export type BenchGatewayId = (typeof BENCH_GATEWAY_IDS)[number];

/** Where a gateway finds the supergraph and where it listens. */
export interface StartBenchGatewayOptions {
  /** The supergraph SDL file, URLs pointing at the started subgraphs. */
  readonly supergraphPath: string;
  /** @default '127.0.0.1' */
  readonly host?: string;
  /** @default 0 (ephemeral) */
  readonly port?: number;
  /**
   * A registry seeded beforehand by another process, for a gateway with
   * `usesRegistry`. The gateway child passes one, so the seed's memory and
   * time are not the measured gateway's. @default the gateway seeds its own
   */
  readonly registry?: SeededBenchRegistry;
}

/**
 * A bench registry file seeded and closed by another process: where it is and
 * what a client needs to call through it. Plain data (crosses IPC).
 */
export interface SeededBenchRegistry {
  /** The registry URL (`file:…/registry.db`), already migrated and seeded. */
  readonly url: string;
  /** The server pepper of the key hashes. */
  readonly pepper: string;
  /** The benchmark application's API key (`x-api-key`). */
  readonly apiKey: string;
  readonly applicationId: string;
}

/** A listening gateway under test. */
export interface RunningBenchGateway {
  /** The GraphQL endpoint (`http://host:port/graphql`). */
  readonly url: string;
  /**
   * Headers every client request must carry (the API key of gateway (2)).
   * The validation pass and the load send them. @default none
   */
  readonly headers?: Readonly<Record<string, string>>;
  /** Stops listening and releases the gateway's resources. */
  close(): Promise<void>;
}

/** A gateway the runner can start. */
export interface AvailableBenchGateway {
  readonly id: BenchGatewayId;
  readonly title: string;
  /** The gateway runs over a seeded registry: the gateway child seeds one in a separate process first and passes it as `registry`. */
  readonly usesRegistry?: boolean;
  /** The node options the gateway ships with, unless `--heap-limit` sets one for every gateway. @default none (Node's defaults) */
  readonly nodeArgs?: () => readonly string[];
  start(options: StartBenchGatewayOptions): Promise<RunningBenchGateway>;
}

/** A gateway listed in the run that cannot run yet; the runner reports it as "not available". */
export interface PendingBenchGateway {
  readonly id: BenchGatewayId;
  readonly title: string;
  /** Why it cannot run. */
  readonly pending: string;
}

/** An entry of the gateway list. */
export type BenchGateway = AvailableBenchGateway | PendingBenchGateway;

/** Type guard: the gateway can be started. */
export function isAvailableBenchGateway(gateway: BenchGateway): gateway is AvailableBenchGateway {
  return !('pending' in gateway);
}
