/**
 * The services subgraph's command: environment → `parseServicesSubgraphConfig`
 * → `createServicesSubgraph` → `listen`. The only file that reads
 * `process.env`. A bad config or a failed start (no catalog export, an
 * unreadable directory) prints a readable message and exits with status 1;
 * SIGINT and SIGTERM close the server and the catalog source.
 * The variables are listed in `config-from-env.ts` and the README.
 */
import { createLogger, isGovgraphError, SECURITY_ENVIRONMENT_HELP, type Logger } from '@govgraph/sdk';
import { createServicesSubgraph } from './app';
import { parseServicesSubgraphConfig, type ServicesSubgraphConfig } from './config';
import { servicesConfigFromEnv } from './config-from-env';

const USAGE = `Usage: govgraph-subgraph-services

Serves the service-item catalog (GBK CSV exports) as the federated "services" subgraph.
Environment:
  CATALOG_DIR=<dir>            the export directory (required)
  CATALOG_ENCODING=gbk         gbk | gb18030 | utf-8
  CATALOG_POLL_MS=2000         how often the directory is listed (besides fs.watch)
  CATALOG_SETTLE_MS=500        how long a new file must stay unchanged before it is read
  CATALOG_PATTERN='^catalog-\\d{14}\\.csv$'
  CATALOG_MAX_BAD_ROW_RATIO=0.5  CATALOG_ALLOW_EMPTY=false
  PORT=4002  HOST=127.0.0.1  LOG_LEVEL=info  TIMEOUT_MS=5000
  One of (how callers are trusted; required):
  GATEWAY_JWKS_URL=<url>  GATEWAY_PUBLIC_KEY_JWK=<json>  GOVGRAPH_DEV_MODE=1
`;

async function main(): Promise<void> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  const input = servicesConfigFromEnv(process.env);
  if (input['security'] === undefined) {
    process.stderr.write(`govgraph services subgraph failed to start: no caller trust configured.\n${SECURITY_ENVIRONMENT_HELP}`);
    process.exitCode = 1;
    return;
  }
  let config: ServicesSubgraphConfig;
  try {
    config = parseServicesSubgraphConfig(input);
  } catch (error) {
    failStart(error, undefined);
    return;
  }
  const logger = createLogger({ level: config.logLevel });
  let running;
  try {
    running = await createServicesSubgraph(config, { logger }).listen({ port: config.port, host: config.host });
  } catch (error) {
    failStart(error, logger);
    return;
  }
  process.stdout.write(`govgraph services subgraph ready at ${running.url}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'stopping');
    running.close().then(
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

function failStart(error: unknown, logger: Logger | undefined): void {
  if (logger) logger.error({ err: error }, 'services subgraph failed to start');
  const code = isGovgraphError(error) ? `[${error.code}] ` : '';
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`govgraph services subgraph failed to start: ${code}${message}\n`);
  if (isGovgraphError(error) && error.code === 'SDK_CONFIG_INVALID') process.stderr.write('Run with --help for the environment variables.\n');
  else if (!isGovgraphError(error) && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
}

void main();
