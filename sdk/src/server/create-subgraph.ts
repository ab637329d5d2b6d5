/**
 * `createSubgraph`: type-graphql classes and sources in, a running Federation 2
 * subgraph out. Everything operational comes from here so a department writes
 * only types, resolvers and loaders: serving (graphql-yoga), batched entity
 * references, the error taxonomy and masking, request ids in logs and in every
 * legacy call, `/healthz` and `/readyz`, and the caller: the gateway's signed
 * context token verified on every GraphQL request (or, in explicit
 * development mode, every caller trusted).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLSchema } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { Registry } from 'prom-client';
import type { NonEmptyArray } from 'type-graphql';
import { parseSubgraphSettings, type SubgraphSettings } from '../config';
import { normaliseRequestId, REQUEST_ID_HEADER, runInRequestScope } from '../context/request-context';
import { createLogger, type Logger } from '../logger';
import { buildFederatedSchema } from '../schema/build-federated-schema';
import { createEntityLoaders, type EntityResolver } from '../schema/entity-resolvers';
import type { Source } from '../source';
import { checkReadiness, type ReadinessReport } from './health';
import { createMaskError } from './mask-error';
import type { Caller } from '../security/caller';
import { parseSubgraphSecurity, type SubgraphSecurity, type SubgraphSecurityOptions } from '../security/subgraph-security';
import { useContextToken } from '../security/use-context-token';
import { useRequestMetrics } from './use-request-metrics';
import type { LoaderFactoryContext, SubgraphContext } from './subgraph-context';

type Sources = Readonly<Record<string, Source>>;

/** Options of {@link createSubgraph}. */
export interface CreateSubgraphOptions<TSources extends Sources, TLoaders> {
  /** The subgraph's name, as the gateway knows it (`users`, `licences`). */
  name: string;
  /** type-graphql resolver classes. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  /** Types not reachable from a resolver that must be in the schema. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** The legacy systems this subgraph reads, started before it serves and stopped after. */
  sources: TSources;
  /**
   * How this subgraph trusts its callers; required, so that trusting everyone is a decision written down.
   * `{ mode: 'verify', jwksUrl | publicKeyJwk | jwks, issuer?, audience?, clockToleranceSeconds? }`: every
   * GraphQL request must carry the gateway's signed context token (`x-govgraph-context`), else 401
   * `UNAUTHENTICATED`. `{ mode: 'development' }`: every caller is trusted (logged loudly; never in production).
   */
  security: SubgraphSecurityOptions;
  /** Makes this request's DataLoaders. Called once per request: never share a cache between requests. */
  loaders?: (context: LoaderFactoryContext<TSources>) => TLoaders;
  /** Entity types whose references this subgraph resolves, batched per request. */
  entities?: Readonly<Record<string, EntityResolver<SubgraphContext<TSources, TLoaders>>>>;
  /** @default pino to stdout, bound to `{ subgraph: name }` */
  logger?: Logger;
  /** @default '/graphql' */
  graphqlEndpoint?: string;
  /** @default 2000 */
  readinessTimeoutMs?: number;
  /** @default 1048576 */
  maxRequestBytes?: number;
  /** Show unexpected errors' messages to clients. Local development only. @default false */
  exposeUnexpectedErrors?: boolean;
}

/** Where {@link Subgraph.listen} binds. */
export interface ListenOptions {
  /** @default 0 (an ephemeral port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
}

/** A subgraph listening on a port. */
export interface RunningSubgraph {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:40123/graphql`. */
  readonly url: string;
  readonly port: number;
  /** Stops accepting requests, closes connections and stops the sources. */
  close(): Promise<void>;
}

/** A built subgraph. */
export interface Subgraph {
  readonly name: string;
  readonly schema: GraphQLSchema;
  /** The Federation 2 SDL (`_service { sdl }`). */
  readonly sdl: string;
  readonly settings: SubgraphSettings;
  /** The validated `security` option. */
  readonly security: SubgraphSecurity;
  /** The fetch-API handler (in-process tests, other servers). Call `start()` first. */
  readonly fetch: YogaServerInstance<Record<string, unknown>, Record<string, unknown>>['fetch'];
  /** Starts every source. Idempotent. */
  start(): Promise<void>;
  /** Stops every source. Idempotent. */
  stop(): Promise<void>;
  /** Asks every source whether its legacy system answers. */
  readiness(): Promise<ReadinessReport>;
  /**
   * The subgraph's Prometheus registry (default label `subgraph`), served at `GET /metrics`: GraphQL request
   * metrics and every source's call, retry, rejection and circuit metrics.
   */
  readonly metrics: Registry;
  /** Starts the sources and serves HTTP. */
  listen(options?: ListenOptions): Promise<RunningSubgraph>;
}

const CONTEXT_ENTITY_LOADERS = Symbol('govgraph.entityLoaders');

/** Builds a subgraph; see {@link CreateSubgraphOptions}. Throws `ConfigError` for invalid options or schema. */
export function createSubgraph<TSources extends Sources, TLoaders = Record<string, never>>(
  options: CreateSubgraphOptions<TSources, TLoaders>,
): Subgraph {
  const settings = parseSubgraphSettings({
    name: options.name,
    graphqlEndpoint: options.graphqlEndpoint,
    readinessTimeoutMs: options.readinessTimeoutMs,
    maxRequestBytes: options.maxRequestBytes,
    exposeUnexpectedErrors: options.exposeUnexpectedErrors,
  });
  const logger = (options.logger ?? createLogger()).child({ subgraph: settings.name });
  const security = parseSubgraphSecurity(options.security);
  if (security.mode === 'development') warnDevelopmentMode(logger, settings.name);
  const entities = options.entities ?? {};
  const { schema, sdl } = buildFederatedSchema({
    resolvers: options.resolvers,
    ...(options.orphanedTypes ? { orphanedTypes: options.orphanedTypes } : {}),
    entityTypes: Object.keys(entities),
    entityLoader: (context, typename) => {
      const loader = (context as Record<symbol, Map<string, { load(ref: Record<string, unknown>): Promise<unknown> }>>)[
        CONTEXT_ENTITY_LOADERS
      ]?.get(typename);
      if (!loader) throw new Error(`no entity loader for ${typename}`);
      return loader;
    },
  });

  const metrics = new Registry();
  metrics.setDefaultLabels({ subgraph: settings.name });
  const lifecycle = createSourceLifecycle(options.sources, logger, metrics);
  const requestIds = new WeakMap<Request, string>();
  const requestIdOf = (request: Request): string => {
    let id = requestIds.get(request);
    if (id === undefined) requestIds.set(request, (id = normaliseRequestId(request.headers.get(REQUEST_ID_HEADER), randomUUID)));
    return id;
  };
  const callers = new WeakMap<Request, Caller>();
  const yoga = createYoga<Record<string, unknown>>({
    schema,
    graphqlEndpoint: settings.graphqlEndpoint,
    graphiql: false,
    landingPage: false,
    logging: yogaLogger(logger),
    maskedErrors: settings.exposeUnexpectedErrors ? false : { maskError: createMaskError(logger) },
    plugins: [
      useOperationalEndpoints(settings, () => checkReadiness(settings.name, options.sources, settings.readinessTimeoutMs), metrics),
      useContextToken({ security, subgraph: settings.name, logger, metrics, requestIdOf, callers }),
      useRequestMetrics(metrics),
      useRequestScope(logger),
    ],
    context: ({ request }) => {
      const caller = callers.get(request);
      // The token plugin admits a request only after recording its caller; without one, nothing may run.
      if (!caller) throw new Error('no verified caller for this request');
      const requestId = hasRequestIdHeader(request) ? requestIdOf(request) : caller.requestId;
      // The application id only: the end user's subject never goes to a log in clear.
      const requestLogger = logger.child({ requestId, applicationId: caller.applicationId });
      const base = { sources: options.sources, requestId, logger: requestLogger, caller };
      const context: SubgraphContext<TSources, TLoaders> & { [CONTEXT_ENTITY_LOADERS]?: unknown } = {
        subgraph: settings.name,
        ...base,
        loaders: options.loaders ? options.loaders(base) : ({} as TLoaders),
      };
      context[CONTEXT_ENTITY_LOADERS] = createEntityLoaders(entities, context);
      return context as unknown as Record<string, unknown>;
    },
  });

  return {
    name: settings.name,
    schema,
    sdl,
    settings,
    security,
    metrics,
    fetch: yoga.fetch,
    start: lifecycle.start,
    stop: lifecycle.stop,
    readiness: () => checkReadiness(settings.name, options.sources, settings.readinessTimeoutMs),
    async listen(listenOptions = {}) {
      await lifecycle.start();
      if (security.mode === 'development') warnDevelopmentMode(logger, settings.name);
      const server = createServer(yoga);
      server.keepAliveTimeout = 65_000;
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(listenOptions.port ?? 0, listenOptions.host ?? '127.0.0.1', () => resolve());
      });
      const { port, address } = server.address() as AddressInfo;
      const host = address.includes(':') ? `[${address}]` : address;
      logger.info({ port, host: address }, `subgraph ${settings.name} listening`);
      return {
        url: `http://${host}:${port}${settings.graphqlEndpoint}`,
        port,
        close: async () => {
          await closeServer(server);
          await lifecycle.stop();
        },
      };
    },
  };
}

function hasRequestIdHeader(request: Request): boolean {
  const id = request.headers.get(REQUEST_ID_HEADER);
  return id !== null && normaliseRequestId(id, () => '') === id;
}

function warnDevelopmentMode(logger: Logger, name: string): void {
  logger.warn(
    { security: 'development' },
    `!!! subgraph ${name} runs in DEVELOPMENT security mode: every caller is trusted and no gateway context token is checked. ` +
      'Never run it like this in production: configure verify mode (the gateway JWKS URL or public key).',
  );
}

/** Runs each execution inside the request scope, so sources see the request id and logger. */
function useRequestScope(logger: Logger): Plugin<Record<string, unknown>> {
  return {
    onExecute({ args, executeFn, setExecuteFn }) {
      const context = args.contextValue as unknown as SubgraphContext;
      setExecuteFn((executeArgs) =>
        runInRequestScope({ requestId: context.requestId, logger: context.logger ?? logger }, () => executeFn(executeArgs)),
      );
    },
    onResponse({ request, response }) {
      const id = request.headers.get(REQUEST_ID_HEADER);
      if (id && !response.headers.has(REQUEST_ID_HEADER)) response.headers.set(REQUEST_ID_HEADER, normaliseRequestId(id, randomUUID));
    },
  };
}

/** `/healthz`, `/readyz`, `/metrics` and the request size limit. */
function useOperationalEndpoints(settings: SubgraphSettings, readiness: () => Promise<ReadinessReport>, metrics: Registry): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname === '/healthz') {
        endResponse(Response.json({ status: 'ok', subgraph: settings.name }));
        return;
      }
      if (url.pathname === '/readyz') {
        const report = await readiness();
        endResponse(Response.json(report, { status: report.status === 'ready' ? 200 : 503 }));
        return;
      }
      if (url.pathname === '/metrics' && request.method === 'GET') {
        endResponse(new fetchAPI.Response(await metrics.metrics(), { status: 200, headers: { 'content-type': metrics.contentType } }));
        return;
      }
      const length = Number(request.headers.get('content-length') ?? 0);
      if (length > settings.maxRequestBytes) {
        endResponse(
          new fetchAPI.Response(
            JSON.stringify({
              errors: [{ message: `Request body of ${length} bytes exceeds the limit of ${settings.maxRequestBytes}`, extensions: { code: 'BAD_USER_INPUT' } }],
            }),
            { status: 413, headers: { 'content-type': 'application/json' } },
          ),
        );
      }
    },
  };
}

function createSourceLifecycle(sources: Sources, logger: Logger, metrics: Registry): { start(): Promise<void>; stop(): Promise<void> } {
  let started: Promise<void> | undefined;
  return {
    start() {
      started ??= Promise.all(
        Object.entries(sources).map(([key, source]) =>
          source.start({ logger: logger.child({ source: source.name, sourceKey: key }), metrics }),
        ),
      ).then(() => undefined);
      return started;
    },
    async stop() {
      if (!started) return;
      started = undefined;
      await Promise.allSettled(Object.values(sources).map((source) => source.stop()));
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}

function yogaLogger(logger: Logger): { debug(...a: unknown[]): void; info(...a: unknown[]): void; warn(...a: unknown[]): void; error(...a: unknown[]): void } {
  const format = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? a.message : JSON.stringify(a))).join(' ');
  return {
    debug: (...args) => logger.debug(format(args)),
    info: (...args) => logger.info(format(args)),
    warn: (...args) => logger.warn(format(args)),
    error: (...args) => logger.error(format(args)),
  };
}
