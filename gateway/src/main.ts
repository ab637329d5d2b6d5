/**
 * The gateway's command: environment → `parseGatewayConfig` → `createGateway`
 * → `listen`. The only file that reads `process.env` and `process.argv`.
 * A start-up failure (bad config, a subgraph that does not answer, a failed
 * composition) prints its report to stderr and exits with status 1.
 *
 * | variable       | meaning                                              | default     |
 * |----------------|------------------------------------------------------|-------------|
 * | GATEWAY_PORT   | port to listen on                                    | 4000        |
 * | GATEWAY_HOST   | interface to listen on                               | 127.0.0.1   |
 * | SUBGRAPHS      | compose at start from `name=url,name=url`            |             |
 * | SUPERGRAPH     | or load a composed supergraph: file path or URL      |             |
 * | LOG_LEVEL      | debug, info, warn, error, silent                     | info        |
 * | GATEWAY_REQUEST_TIMEOUT_MS | deadline of each subgraph call (ms)      | 10000       |
 * | GATEWAY_GRAPHIQL | serve GraphiQL on GET /graphql (true/false)        | true        |
 * | GATEWAY_ENGINE | execution engine: planner, or apollo (reference)     | planner     |
 * | GATEWAY_MAX_DOCUMENT_BYTES | largest GraphQL document accepted        | 32768       |
 * | GATEWAY_ACCESS_CONTROL | `enforce` or `open` (required; see access-control-from-env.ts) |  |
 */
import Redis from 'ioredis';
import { accessControlFromEnv, type AccessControlEnv } from './access-control-from-env';
import { createGateway, GRAPHQL_PATH } from './app';
import type { AccessControlOptions } from './policy/access-control-options';
import { openRegistry, type Registry } from './registry/open-registry';
import { createPrismaAuditSink } from './registry/prisma-audit-sink';
import { createPrismaUsageCounterStore } from './registry/prisma-usage-counter-store';
import { createPrismaRegistryReader } from './registry/prisma-registry-reader';
import { createRedisRateLimitStore } from './stores/redis/redis-rate-limit-store';
import type { RateLimitStore } from './stores/rate-limit-store';
import { parseGatewayConfig, type GatewayConfig } from './config';
import { gatewayConfigFromEnv } from './config-from-env';
import { isGatewayError } from './errors';
import { createLogger } from './logger';

const USAGE = `Usage: govgraph-gateway

Configured by environment variables:
  SUBGRAPHS=name=url,name=url   compose the supergraph at start from running subgraphs
  SUPERGRAPH=<file|url>          or load a composed supergraph SDL
  GATEWAY_PORT=4000  GATEWAY_HOST=127.0.0.1  LOG_LEVEL=info
  GATEWAY_REQUEST_TIMEOUT_MS=10000  GATEWAY_GRAPHIQL=true  GATEWAY_MAX_DOCUMENT_BYTES=32768
  GATEWAY_ENGINE=planner|apollo    execution engine (apollo: @apollo/gateway's executor, the reference)
  GATEWAY_ACCESS_CONTROL=enforce|open   required: check access against the registry, or not at all (local dev)
    enforce: REGISTRY_URL (or DATABASE_URL), GATEWAY_API_KEY_PEPPER (>= 16 chars), REDIS_URL (replicas),
             GATEWAY_REGISTRY_POLL_MS=2000, GATEWAY_CONTEXT_TOKEN_PRIVATE_JWK / _PUBLIC_JWK (Ed25519 JWKs),
             OAUTH_JWKS_URL / OAUTH_ISSUER / OAUTH_AUDIENCE [/ OAUTH_APPLICATION_CLAIM],
             END_USER_JWKS_URL / END_USER_ISSUER / END_USER_AUDIENCE
  GOVGRAPH_HEAP_LIMIT_MIB=1024    V8's old-space limit set by the govgraph-gateway command (0: Node's default)
`;

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  let config: GatewayConfig;
  let accessEnv: AccessControlEnv;
  try {
    config = parseGatewayConfig(gatewayConfigFromEnv(process.env));
    accessEnv = accessControlFromEnv(process.env);
  } catch (error) {
    failStart(error);
    return;
  }
  const logger = createLogger({ level: config.logLevel });
  let gateway;
  let resources: AccessResources | undefined;
  try {
    resources = await openAccessResources(accessEnv);
    gateway = await createGateway(config, { logger, accessControl: resources.accessControl });
  } catch (error) {
    await resources?.close().catch(() => undefined);
    if (isGatewayError(error)) logger.error({ code: error.code, details: error.details }, `gateway failed to start: ${error.message}`);
    else logger.error({ err: error }, 'gateway failed to start');
    failStart(error);
    return;
  }
  const listening = await gateway.listen();
  process.stdout.write(`govgraph gateway ready at ${listening.url}${GRAPHQL_PATH}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'stopping');
    gateway
      .stop()
      .then(() => resources?.close())
      .then(
      () => logger.info('stopped'),
      (error: unknown) => {
        logger.error({ err: error }, 'stop failed');
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

interface AccessResources {
  readonly accessControl: AccessControlOptions;
  close(): Promise<void>;
}

/** Opens the registry (migrating it) and Redis for `enforce`; nothing for `open`. */
async function openAccessResources(env: AccessControlEnv): Promise<AccessResources> {
  if (env.mode === 'open') return { accessControl: env, close: async () => undefined };
  const registry: Registry = await openRegistry({ url: env.registryUrl });
  let redis: Redis | undefined;
  let rateLimitStore: RateLimitStore | undefined;
  if (env.redisUrl) {
    redis = new Redis(env.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 1 });
    rateLimitStore = createRedisRateLimitStore({ client: redis, ...(env.redisKeyPrefix ? { keyPrefix: env.redisKeyPrefix } : {}) });
  }
  return {
    accessControl: {
      mode: 'enforce',
      registry: createPrismaRegistryReader(registry.prisma),
      auditSink: createPrismaAuditSink(registry.prisma),
      usage: createPrismaUsageCounterStore(registry.prisma),
      pepper: env.pepper,
      ...(rateLimitStore ? { rateLimitStore } : {}),
      ...(env.registryPollMs ? { registryPollMs: env.registryPollMs } : {}),
      ...(env.contextToken ? { contextToken: env.contextToken } : {}),
      ...(env.clientCredentials ? { clientCredentials: env.clientCredentials } : {}),
      ...(env.endUsers ? { endUsers: env.endUsers } : {}),
    },
    async close() {
      await redis?.quit().catch(() => undefined);
      await registry.close();
    },
  };
}

function failStart(error: unknown): void {
  const code = isGatewayError(error) ? `[${error.code}] ` : '';
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`govgraph gateway failed to start: ${code}${message}\n`);
  if (isGatewayError(error) && error.code === 'GW_CONFIG_INVALID') process.stderr.write('Run with --help for the environment variables.\n');
  if (!isGatewayError(error) && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
}

void main();
