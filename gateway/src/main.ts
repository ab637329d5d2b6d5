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
 * | GATEWAY_MAX_DOCUMENT_BYTES | largest GraphQL document accepted        | 32768       |
 */
import { createGateway, GRAPHQL_PATH } from './app';
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
`;

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  let config: GatewayConfig;
  try {
    config = parseGatewayConfig(gatewayConfigFromEnv(process.env));
  } catch (error) {
    failStart(error);
    return;
  }
  const logger = createLogger({ level: config.logLevel });
  let gateway;
  try {
    gateway = await createGateway(config, { logger });
  } catch (error) {
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
    gateway.stop().then(
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

function failStart(error: unknown): void {
  const code = isGatewayError(error) ? `[${error.code}] ` : '';
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`govgraph gateway failed to start: ${code}${message}\n`);
  if (isGatewayError(error) && error.code === 'GW_CONFIG_INVALID') process.stderr.write('Run with --help for the environment variables.\n');
  if (!isGatewayError(error) && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
}

void main();
