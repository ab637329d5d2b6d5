/**
 * The licences subgraph's command: environment → `parseLicencesSubgraphConfig`
 * → `createLicencesSubgraph` → `listen`. The only file that reads
 * `process.env`. A bad config or a failed start (the licence library cannot
 * be opened) prints the reason to stderr and exits with status 1; SIGINT or
 * SIGTERM closes the server and the database.
 *
 * | variable              | meaning                                                        | default         |
 * |-----------------------|----------------------------------------------------------------|-----------------|
 * | PORT                  | port to listen on                                              | 4003            |
 * | HOST                  | interface to listen on                                         | 127.0.0.1       |
 * | LOG_LEVEL             | debug, info, warn, error, silent                               | info            |
 * | LICENCE_DB_URL        | the licence library: `file:/abs/path.db` or `postgresql://…`   | (required)      |
 * | LICENCE_DB_SCHEMA     | PostgreSQL schema of the tables                                | licence_library |
 * | LICENCE_DB_TIMEOUT_MS | timeout of each statement (ms)                                 | 5000            |
 * | GATEWAY_JWKS_URL      | verify the gateway's context token with its JWKS               | one of these three |
 * | GATEWAY_PUBLIC_KEY_JWK| verify it with the gateway's Ed25519 public key (JWK, JSON)    |                 |
 * | GOVGRAPH_DEV_MODE     | `1`: development only, every caller trusted                    |                 |
 */
import { createLogger, isGovgraphError, SECURITY_ENVIRONMENT_HELP, securityInputFromEnv } from '@govgraph/sdk';
import { createLicencesSubgraph } from './app';
import { parseLicencesSubgraphConfig, type LicencesSubgraphConfig } from './config';

async function main(): Promise<void> {
  const security = securityInputFromEnv(process.env);
  if (security === undefined) {
    process.stderr.write(`licences subgraph failed to start: no caller trust configured.\n${SECURITY_ENVIRONMENT_HELP}`);
    process.exitCode = 1;
    return;
  }
  let config: LicencesSubgraphConfig;
  try {
    config = parseLicencesSubgraphConfig({
      security,
      ...withoutUnset({
        port: process.env['PORT'],
        host: process.env['HOST'],
        logLevel: process.env['LOG_LEVEL'],
        licenceDbUrl: process.env['LICENCE_DB_URL'],
        licenceDbSchema: process.env['LICENCE_DB_SCHEMA'],
        timeoutMs: process.env['LICENCE_DB_TIMEOUT_MS'],
      }),
    });
  } catch (error) {
    failStart(error);
    return;
  }
  const logger = createLogger({ level: config.logLevel });
  const subgraph = createLicencesSubgraph(config, { logger });
  let running;
  try {
    running = await subgraph.listen({ port: config.port, host: config.host });
  } catch (error) {
    await subgraph.stop().catch(() => undefined);
    failStart(error);
    return;
  }
  process.stdout.write(`licences subgraph ready at ${running.url}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1);
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

/** Empty variables count as unset, so the defaults apply. */
function withoutUnset(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}

function failStart(error: unknown): void {
  const code = isGovgraphError(error) ? `[${error.code}] ` : '';
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`licences subgraph failed to start: ${code}${message}\n`);
  // The operator's console may see what a client never does: the driver's reason (the SQL source redacts passwords).
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) {
    const target = (cause as { target?: unknown }).target;
    process.stderr.write(`  because: ${cause.message}${typeof target === 'string' ? ` (${target})` : ''}\n`);
  }
  if (!isGovgraphError(error) && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
}

void main();
