/**
 * The users subgraph's command: environment → `parseUsersSubgraphConfig` →
 * `createUsersSubgraph` → `listen`. The only file that reads `process.env`.
 * A bad configuration or a failed start (e.g. the population registry's WSDL
 * cannot be read) prints a readable message and exits with status 1;
 * SIGINT/SIGTERM close the server and the sources.
 *
 * | variable           | meaning                                          | default     |
 * |--------------------|--------------------------------------------------|-------------|
 * | `PORT`             | port to listen on                                | `4001`      |
 * | `HOST`             | interface to listen on                           | `127.0.0.1` |
 * | `LOG_LEVEL`        | debug, info, warn, error, silent                 | `info`      |
 * | `POPULATION_URL`   | population registry SOAP endpoint (WSDL at `?wsdl`) | required |
 * | `LEGAL_PERSON_URL` | legal-person registry base URL                   | required    |
 * | `LEGACY_TIMEOUT_MS`| deadline of one call to either registry (ms)     | `5000`      |
 * | `GATEWAY_JWKS_URL` | verify the gateway's context token with its JWKS  | one of these three |
 * | `GATEWAY_PUBLIC_KEY_JWK` | verify it with the gateway's Ed25519 public key (JWK, JSON) | |
 * | `GOVGRAPH_DEV_MODE`| `1`: development only, every caller trusted      |             |
 */
import { createLogger, isGovgraphError, SECURITY_ENVIRONMENT_HELP, securityInputFromEnv, type RunningSubgraph } from '@govgraph/sdk';
import { createUsersSubgraph } from './app';
import { parseUsersSubgraphConfig, type UsersSubgraphConfig } from './config';

const ENVIRONMENT = `Environment (config option in brackets):
  POPULATION_URL     [populationUrl]   population registry SOAP endpoint, e.g. http://127.0.0.1:4101/population (required)
  LEGAL_PERSON_URL   [legalPersonUrl]  legal-person registry base URL, e.g. http://127.0.0.1:4102 (required)
  LEGACY_TIMEOUT_MS  [timeoutMs]       deadline of one registry call in ms (default 5000)
  PORT [port] (default 4001)   HOST [host] (default 127.0.0.1)   LOG_LEVEL [logLevel] (default info)
  GATEWAY_JWKS_URL | GATEWAY_PUBLIC_KEY_JWK | GOVGRAPH_DEV_MODE=1  [security] (one is required)
`;

async function main(): Promise<void> {
  const security = securityInputFromEnv(process.env);
  if (security === undefined) {
    process.stderr.write(`users subgraph failed to start: no caller trust configured.\n${SECURITY_ENVIRONMENT_HELP}`);
    process.exitCode = 1;
    return;
  }
  let config: UsersSubgraphConfig;
  try {
    config = parseUsersSubgraphConfig({ ...configInputFromEnv(process.env), security });
  } catch (error) {
    failStart(error, true);
    return;
  }
  const logger = createLogger({ level: config.logLevel });
  const subgraph = createUsersSubgraph(config, { logger });
  let running: RunningSubgraph;
  try {
    running = await subgraph.listen({ port: config.port, host: config.host });
  } catch (error) {
    await subgraph.stop().catch(() => undefined);
    failStart(error, false);
    return;
  }
  logger.info({ url: running.url }, 'users subgraph ready');

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

/** Environment variables → config input; values are judged by the config schema, not here. */
function configInputFromEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const input: Record<string, string> = {};
  const set = (option: string, variable: string): void => {
    const value = env[variable]?.trim();
    if (value !== undefined && value !== '') input[option] = value;
  };
  set('populationUrl', 'POPULATION_URL');
  set('legalPersonUrl', 'LEGAL_PERSON_URL');
  set('timeoutMs', 'LEGACY_TIMEOUT_MS');
  set('port', 'PORT');
  set('host', 'HOST');
  set('logLevel', 'LOG_LEVEL');
  return input;
}

function failStart(error: unknown, showEnvironment: boolean): void {
  const code = isGovgraphError(error) ? `[${error.code}] ` : '';
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`users subgraph failed to start: ${code}${message}\n`);
  if (showEnvironment) process.stderr.write(ENVIRONMENT);
  process.exitCode = 1;
}

void main();
