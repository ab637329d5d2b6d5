/**
 * The admin API (issue 4): a separate graphql-yoga endpoint
 * (`/admin/graphql`, on its own port so it can be bound to an internal
 * interface) over the registry. Every request carries an admin token
 * (`Authorization: Bearer gga_…`); the token's role decides what it may do,
 * and every change and every denied attempt is audited. GraphiQL is off by
 * default: the admin API is for the CLI and scripts.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { getOperationAST, parse } from 'graphql';
import { createSchema, createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { GW_ERRORS } from '../errors';
import { createLogger, type Logger } from '../logger';
import { MASKED_ERROR_MESSAGE, maskError } from '../plugins/mask-error';
import { normaliseRequestId, REQUEST_ID_HEADER } from '../plugins/use-request-id';
import type { Registry } from '../registry/open-registry';
import { createPrismaAuditSink } from '../registry/prisma-audit-sink';
import { createPrismaUsageCounterStore } from '../registry/prisma-usage-counter-store';
import { createRegistryAdmin, type RegistryAdmin } from '../registry/registry-admin';
import type { AuditSink } from '../stores/audit-sink';
import type { UsageCounterStore } from '../stores/usage-counter-store';
import { createAdminActions } from './admin-actions';
import type { AdminContext, AdminRequestContext } from './admin-context';
import { ADMIN_GRAPHQL_PATH, DEFAULT_ADMIN_PORT } from './admin-graphql-path';
import type { AdminResolverDeps } from './admin-resolver-deps';
import { ADMIN_TYPE_DEFS } from './admin-type-defs';
import { authenticateAdmin } from './authenticate-admin';
import { createMutationResolvers } from './resolvers/mutation-resolvers';
import { createQueryResolvers } from './resolvers/query-resolvers';
import { createTypeResolvers } from './resolvers/type-resolvers';

/** Options of {@link createAdminServer}. */
export interface AdminServerOptions {
  /** The registry `openRegistry` returned (only its client is used; the caller closes it). */
  readonly registry: Pick<Registry, 'prisma'>;
  /** The registry's write operations. @default `createRegistryAdmin(registry.prisma, { pepper })` */
  readonly admin?: RegistryAdmin;
  /** The server pepper of the stored hashes; required when `admin` is not given. */
  readonly pepper?: string;
  /** Where admin audit records go. @default the Prisma sink of the registry */
  readonly auditSink?: AuditSink;
  /** Where usage is read. @default the Prisma usage store of the registry */
  readonly usage?: UsageCounterStore;
  /** @default pino at info */
  readonly logger?: Logger;
  /** Serve GraphiQL on `GET /admin/graphql`. @default false */
  readonly graphiql?: boolean;
  /** @default the system clock */
  readonly now?: () => Date;
}

/** Options of {@link AdminServer.listen}. */
export interface AdminListenOptions {
  /** @default 4010 (`0` picks a free port) */
  readonly port?: number;
  /** @default '127.0.0.1' */
  readonly host?: string;
}

/** A listening admin API. */
export interface ListeningAdminServer {
  /** The endpoint, e.g. `http://127.0.0.1:4010/admin/graphql`. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** The admin API; it listens only when asked. */
export interface AdminServer {
  readonly yoga: YogaServerInstance<Record<string, unknown>, AdminRequestContext>;
  listen(options?: AdminListenOptions): Promise<ListeningAdminServer>;
}

/** Creates the admin API over `options.registry`. */
export function createAdminServer(options: AdminServerOptions): AdminServer {
  const { registry } = options;
  if (!options.admin && options.pepper === undefined) {
    throw GW_ERRORS.GW_CONFIG_INVALID.err('createAdminServer needs either admin (a RegistryAdmin) or the registry pepper.');
  }
  const admin = options.admin ?? createRegistryAdmin(registry.prisma, { pepper: options.pepper!, now: options.now });
  const logger = (options.logger ?? createLogger()).child({ component: 'admin-api' });
  const now = options.now ?? (() => new Date());
  const deps: AdminResolverDeps = {
    prisma: registry.prisma,
    admin,
    usage: options.usage ?? createPrismaUsageCounterStore(registry.prisma),
    actions: createAdminActions({ auditSink: options.auditSink ?? createPrismaAuditSink(registry.prisma), logger, now }),
    now,
  };
  const requestIds = new WeakMap<Request, string>();

  const yoga = createYoga<Record<string, unknown>, AdminRequestContext>({
    graphqlEndpoint: ADMIN_GRAPHQL_PATH,
    healthCheckEndpoint: '/admin/healthz',
    schema: createSchema<Record<string, unknown> & AdminRequestContext>({
      typeDefs: ADMIN_TYPE_DEFS,
      resolvers: { Query: createQueryResolvers(deps), Mutation: createMutationResolvers(deps), ...createTypeResolvers(deps) },
    }),
    graphiql: options.graphiql === true ? { title: 'govgraph admin' } : false,
    landingPage: false,
    multipart: false,
    batching: false,
    maxRequestBodySize: 256 * 1024,
    maskedErrors: { maskError, errorMessage: MASKED_ERROR_MESSAGE },
    logging: {
      debug: (...args: unknown[]) => logger.debug({ source: 'yoga' }, args.map(String).join(' ')),
      info: (...args: unknown[]) => logger.info({ source: 'yoga' }, args.map(String).join(' ')),
      warn: (...args: unknown[]) => logger.warn({ source: 'yoga' }, args.map(String).join(' ')),
      error: (...args: unknown[]) => {
        const error = args.find((arg): arg is Error => arg instanceof Error);
        logger.error({ err: error && 'originalError' in error && error.originalError ? error.originalError : error }, 'admin API error');
      },
    },
    plugins: [useAdminRequestId(requestIds)],
    async context({ request, params }): Promise<AdminRequestContext> {
      const requestId = requestIds.get(request) ?? normaliseRequestId(request.headers.get(REQUEST_ID_HEADER));
      const principal = await authenticateAdmin(request.headers.get('authorization'), admin).catch((error: unknown) => {
        logger.warn({ requestId }, 'admin API request without a valid admin token');
        throw error;
      });
      return {
        principal,
        requestId,
        logger: logger.child({ requestId, adminTokenId: principal.id }),
        operationName: params.operationName ?? operationNameOf(params.query),
        operationHash: createHash('sha256').update(params.query ?? '', 'utf8').digest('hex'),
        startedAt: performance.now(),
      };
    },
  });

  return {
    yoga,
    async listen(listenOptions = {}) {
      const host = listenOptions.host ?? '127.0.0.1';
      const server = createServer(yoga);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(listenOptions.port ?? DEFAULT_ADMIN_PORT, host, () => {
          server.off('error', reject);
          resolve();
        });
      });
      const { port } = server.address() as AddressInfo;
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}${ADMIN_GRAPHQL_PATH}`;
      logger.info({ url }, 'admin API listening');
      return {
        url,
        port,
        close: () =>
          new Promise<void>((resolve, reject) => {
            server.close((error) => (error ? reject(error) : resolve()));
            server.closeAllConnections();
          }),
      };
    },
  };
}

/** Takes or makes the request id and echoes it in the response. */
function useAdminRequestId(requestIds: WeakMap<Request, string>): Plugin<AdminContext> {
  return {
    onRequest({ request }) {
      requestIds.set(request, normaliseRequestId(request.headers.get(REQUEST_ID_HEADER)));
    },
    onResponse({ request, response }) {
      const requestId = requestIds.get(request);
      if (requestId) response.headers.set(REQUEST_ID_HEADER, requestId);
    },
  };
}

/** The name of the document's only operation, when the client did not send `operationName`. */
function operationNameOf(query: string | undefined): string | undefined {
  if (!query) return undefined;
  try {
    return getOperationAST(parse(query, { noLocation: true }))?.name?.value;
  } catch {
    return undefined; // yoga reports the syntax error
  }
}
