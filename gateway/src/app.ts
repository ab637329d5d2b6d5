/**
 * `createGateway(config)`: the supergraph, the execution engine, one data
 * source per subgraph, and the yoga server with the gateway's plugins in the
 * order of ARCHITECTURE.md. It never listens by itself (`listen()` does, and
 * `handle` plugs into any node:http server), so tests and embedders decide.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { parseGatewayConfig, type GatewayConfig, type GatewayConfigInput } from './config';
import { createGraphiQLRenderer } from './create-graphiql-renderer';
import {
  createSubgraphDataSource,
  type SubgraphDataSource,
  type WillSendSubgraphRequest,
} from './datasources/subgraph-data-source';
import { applyScalarValidation, type ScalarImplementations } from './supergraph/apply-scalar-validation';
import { createEngine, type Engine, type EngineSubgraph } from './engine/create-engine';
import { createReadinessCheck, type ReadinessReport } from './health/create-readiness-check';
import { useReadiness } from './health/use-readiness';
import { createLogger, type Logger } from './logger';
import { MASKED_ERROR_MESSAGE, maskError } from './plugins/mask-error';
import { createRequestScopeStore, type RequestScopeStore } from './plugins/request-scope';
import type { GatewayContext } from './plugins/types';
import { useAccessLog } from './plugins/use-access-log';
import { useDocumentLimits } from './plugins/use-document-limits';
import { useRequestErrorStatus } from './plugins/use-request-error-status';
import { useRequestBodyLimit } from './plugins/use-request-body-limit';
import { useRequestId } from './plugins/use-request-id';
import { createAccessControl, type AccessControl } from './policy/create-access-control';
import type { AccessControlOptions } from './policy/access-control-options';
import type { PersistedOperationsOptions } from './policy/persisted-operations';
import { loadSupergraph } from './supergraph/load-supergraph';
import { toYogaLogger } from './yoga-logger';

/** The GraphQL endpoint (GraphiQL is served on GET with `Accept: text/html`). */
export const GRAPHQL_PATH = '/graphql';
/** Liveness: the process answers. */
export const HEALTH_PATH = '/healthz';

/** Options of {@link createGateway} that are code, not configuration. */
export interface CreateGatewayOptions {
  /** @default pino to stdout at `config.logLevel` */
  logger?: Logger;
  /**
   * Policy plugins, run after the request id and document limits and before
   * execution, in the order given: authentication → access grants → rate
   * limit → audit (ARCHITECTURE.md, steps 1–5 and 8).
   */
  plugins?: readonly Plugin<GatewayContext>[];
  /** Run before every subgraph call (where the signed context token will be attached). */
  willSendRequest?: WillSendSubgraphRequest;
  /**
   * Implementations of custom scalars the supergraph declares (e.g. the SDK's
   * `ResidentIdScalar`, `CreditCodeScalar`), so invalid input is refused at the
   * gateway before any subgraph is called. @default none: scalars pass through
   */
  scalars?: ScalarImplementations;
  /**
   * Access control (ARCHITECTURE.md steps 1–8): `{ mode: 'enforce', registry,
   * auditSink, pepper, … }` or `{ mode: 'open' }` (local development, logged
   * loudly). @default none: no policy chain and no context token, as before
   * issue 4 (embedding and tests only; `main.ts` requires an explicit choice)
   */
  accessControl?: AccessControlOptions;
  /** Depth, alias and root-field limits (see `useDocumentLimits`). @default { maxDepth: 12, maxIntrospectionDepth: 16, maxAliases: 30, maxRootFields: 20 } */
  documentLimits?: {
    readonly maxDepth?: number;
    readonly maxIntrospectionDepth?: number;
    readonly maxAliases?: number;
    readonly maxRootFields?: number;
  };
  /** The persisted-operation safelist. @default off */
  persistedOperations?: PersistedOperationsOptions;
}

/** A listening gateway. */
export interface ListeningGateway {
  /** `http://host:port` (the GraphQL endpoint is `${url}/graphql`). */
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections and waits for requests in flight. */
  close(): Promise<void>;
}

/** A loaded gateway. */
export interface Gateway {
  /** The parsed configuration. */
  readonly config: GatewayConfig;
  /** The yoga server (a WHATWG `fetch` handler and a node:http listener). */
  readonly yoga: YogaServerInstance<Record<string, unknown>, GatewayContext>;
  /** node:http request listener. */
  readonly handle: (req: IncomingMessage, res: ServerResponse) => void;
  /** The execution engine. */
  readonly engine: Engine;
  /** The subgraphs of the supergraph (names and URLs). */
  readonly subgraphs: readonly EngineSubgraph[];
  /** The access-control chain (registry cache, audit buffer, context-token signer), when configured. */
  readonly accessControl: AccessControl | undefined;
  /** What /readyz answers. */
  checkReadiness(): Promise<ReadinessReport>;
  /** Listens on `port`/`host`. @default config.port and config.host */
  listen(options?: { port?: number; host?: string }): Promise<ListeningGateway>;
  /** Closes listeners started by `listen`, the engine and the subgraph connections. */
  stop(): Promise<void>;
}

/**
 * Loads the supergraph (composing it from the subgraphs, or from a file or
 * URL), builds the engine and the yoga server.
 * @throws GatewayError `GW_CONFIG_INVALID`, `GW_SUPERGRAPH_UNAVAILABLE`,
 *   `GW_SUPERGRAPH_COMPOSITION_FAILED` or `GW_SUPERGRAPH_INVALID`; the message is the report to print.
 */
export async function createGateway(input: GatewayConfigInput | GatewayConfig, options: CreateGatewayOptions = {}): Promise<Gateway> {
  const config = parseGatewayConfig(input);
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const scopes = createRequestScopeStore();
  const accessControl = options.accessControl
    ? await createAccessControl(options.accessControl, { logger, currentRequestId: () => scopes.current()?.requestId })
    : undefined;
  try {
    return await assemble(config, options, logger, scopes, accessControl);
  } catch (error) {
    await accessControl?.close().catch(() => undefined);
    throw error;
  }
}

async function assemble(
  config: GatewayConfig,
  options: CreateGatewayOptions,
  logger: Logger,
  scopes: RequestScopeStore,
  accessControl: AccessControl | undefined,
): Promise<Gateway> {
  const supergraphSdl = await loadSupergraph(config.supergraph, {
    timeoutMs: config.requestTimeoutMs,
    logger,
    headersFor: accessControl?.gatewayHeaders,
  });
  const policyPlugins = accessControl?.plugins(supergraphSdl);
  const userWillSendRequest = options.willSendRequest;
  const willSendRequest: WillSendSubgraphRequest | undefined = accessControl
    ? async (outgoing) => {
        await accessControl.willSendRequest(outgoing);
        await userWillSendRequest?.(outgoing);
      }
    : userWillSendRequest;

  const dataSources: SubgraphDataSource[] = [];
  let engine: Engine;
  try {
    // Merging is on unless turned off, or a caller's hook may add per-request headers (then only when asked for).
    const dedupeEnabled = config.dedupe?.enabled ?? userWillSendRequest === undefined;
    engine = await createEngine({
      engine: config.engine,
      supergraphSdl,
      logger,
      dedupe: dedupeEnabled
        ? { acrossIdentities: config.dedupe?.acrossIdentities ?? [], onJoin: accessControl?.noteSubgraphCall }
        : undefined,
      dataSourceFor: ({ name, url }) => {
        const source = createSubgraphDataSource({
          name,
          url,
          timeoutMs: config.requestTimeoutMs,
          logger: logger.child({ subgraph: name }),
          willSendRequest,
          gatewayHeaders: accessControl?.gatewayHeaders,
        });
        dataSources.push(source);
        return source;
      },
    });
  } catch (error) {
    await Promise.allSettled(dataSources.map((source) => source.close()));
    throw error;
  }
  logger.info({ subgraphs: engine.subgraphs.map((s) => s.name) }, 'supergraph loaded');
  if (options.scalars) {
    const unknown = applyScalarValidation(engine.schema, options.scalars);
    if (unknown.length > 0) logger.warn({ scalars: unknown }, 'the supergraph declares no scalar of these names; not validated');
  }

  const readiness = createReadinessCheck({
    dataSources,
    probeCacheMs: config.readiness.probeCacheMs,
    probeTimeoutMs: config.readiness.probeTimeoutMs,
  });
  const yoga = createYoga<Record<string, unknown>, GatewayContext>({
    graphqlEndpoint: GRAPHQL_PATH,
    healthCheckEndpoint: HEALTH_PATH,
    schema: engine.schema,
    logging: toYogaLogger(logger, scopes),
    maskedErrors: { maskError, errorMessage: MASKED_ERROR_MESSAGE },
    graphiql: config.graphiql ? { title: 'govgraph GraphiQL' } : false,
    renderGraphiQL: createGraphiQLRenderer(),
    landingPage: false,
    multipart: false,
    batching: false,
    // limits.maxRequestBytes is enforced by useRequestBodyLimit, which trusts node:http's Content-Length.
    maxRequestBodySize: false,
    // The order of ARCHITECTURE.md: request id → access log → /readyz → JWKS → application → end user →
    // document limits → grants → rate limit → caller's plugins → engine (context token per subgraph call)
    // → masking → audit → request-error status.
    plugins: [
      useRequestId({ logger, scopes, principalOf: policyPlugins?.principalOf }),
      useRequestBodyLimit(config.limits.maxRequestBytes),
      useAccessLog({ scopes }),
      useReadiness(readiness),
      ...(policyPlugins?.endpoints ?? []),
      ...(policyPlugins?.identify ?? []),
      useDocumentLimits({
        maxDocumentBytes: config.limits.maxDocumentBytes,
        ...options.documentLimits,
        ...(options.persistedOperations ? { persistedOperations: options.persistedOperations } : {}),
      }),
      ...(policyPlugins?.authorise ?? []),
      ...(options.plugins ?? []),
      engine.plugin,
      ...(policyPlugins?.record ?? []),
      useRequestErrorStatus(),
    ],
  });

  const servers = new Set<ListeningGateway>();
  let stopped: Promise<void> | undefined;
  return {
    config,
    yoga,
    handle: (req, res) => void yoga(req, res),
    engine,
    subgraphs: engine.subgraphs,
    accessControl,
    checkReadiness: () => readiness.check(),
    async listen(listenOptions = {}) {
      const listening = await listen(yoga, listenOptions.port ?? config.port, listenOptions.host ?? config.host);
      const tracked: ListeningGateway = {
        url: listening.url,
        port: listening.port,
        close: async () => {
          servers.delete(tracked);
          await listening.close();
        },
      };
      servers.add(tracked);
      logger.info({ url: `${listening.url}${GRAPHQL_PATH}` }, 'gateway listening');
      return tracked;
    },
    stop() {
      stopped ??= (async () => {
        await Promise.allSettled([...servers].map((server) => server.close()));
        await accessControl?.close().catch((error: unknown) => logger.error({ err: error }, 'access control stop failed'));
        await engine.stop().catch((error: unknown) => logger.warn({ err: error }, 'engine stop failed'));
        await Promise.allSettled(dataSources.map((source) => source.close()));
        await yoga.dispose();
      })();
      return stopped;
    },
  };
}

const CLOSE_GRACE_MS = 10_000;

async function listen(
  yoga: YogaServerInstance<Record<string, unknown>, GatewayContext>,
  port: number,
  host: string,
): Promise<ListeningGateway> {
  const server: Server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostInUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${hostInUrl}:${address.port}`,
    port: address.port,
    close() {
      closing ??= new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
