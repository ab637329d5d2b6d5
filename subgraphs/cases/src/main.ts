/**
 * Runs the cases subgraph: environment → configuration → listen. The only
 * reader of `process.env` in this package.
 *
 * | variable | meaning | default |
 * |---|---|---|
 * | `CASES_URL` | base URL of the city case-handling system | required |
 * | `CASES_TIMEOUT_MS` | deadline of one call to it | 5000 |
 * | `PORT` | port to listen on | 4004 |
 * | `HOST` | address to bind | 127.0.0.1 |
 * | `LOG_LEVEL` | debug, info, warn, error, silent | info |
 * | `GATEWAY_JWKS_URL` | verify the gateway's context token with its JWKS | one of these three |
 * | `GATEWAY_PUBLIC_KEY_JWK` | verify it with the gateway's Ed25519 public key (JWK, JSON) | |
 * | `GOVGRAPH_DEV_MODE` | `1`: development only, every caller trusted | |
 *
 * Exits 1 with a readable message when the configuration is invalid or the
 * server cannot start; SIGINT/SIGTERM close it gracefully.
 */
import { createLogger, isGovgraphError, SECURITY_ENVIRONMENT_HELP, securityInputFromEnv } from '@govgraph/sdk';
import { createCasesSubgraph } from './app';
import { parseCasesSubgraphConfig } from './config';

async function main(): Promise<void> {
  const env = process.env;
  const security = securityInputFromEnv(env);
  if (security === undefined) {
    process.stderr.write(`cases subgraph failed to start: no caller trust configured.\n${SECURITY_ENVIRONMENT_HELP}`);
    process.exit(1);
  }
  const config = parseCasesSubgraphConfig({
    security,
    ...Object.fromEntries(
      Object.entries({
        casesUrl: env['CASES_URL'],
        timeoutMs: env['CASES_TIMEOUT_MS'],
        port: env['PORT'],
        host: env['HOST'],
        logLevel: env['LOG_LEVEL'],
      }).filter(([, value]) => value !== undefined && value !== ''),
    ),
  });
  const logger = createLogger({ level: config.logLevel });
  const running = await createCasesSubgraph(config, { logger }).listen({ port: config.port, host: config.host });
  let closing = false;
  const close = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'closing the cases subgraph');
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'the cases subgraph did not close cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
}

main().catch((error: unknown) => {
  const message = isGovgraphError(error) || error instanceof Error ? error.message : String(error);
  process.stderr.write(`cases subgraph failed to start: ${message}\n`);
  process.exit(1);
});
