/**
 * Runs the social-insurance subgraph: environment → configuration → listen. The only
 * reader of `process.env` in this package.
 *
 * | variable | meaning | default |
 * |---|---|---|
 * | `SOCIAL_INSURANCE_URL` | Endpoint of the legacy SOAP service, where calls are POSTed | required |
 * | `SOCIAL_INSURANCE_WSDL_URL` | Where the WSDL is read at start (and probed for readiness) | the endpoint + ?wsdl |
 * | `SOCIAL_INSURANCE_USERNAME` | WS-Security UsernameToken user | required |
 * | `SOCIAL_INSURANCE_PASSWORD` | its password (never logged) | required |
 * | `SOCIAL_INSURANCE_TIMEOUT_MS` | Deadline of one call to the legacy system, in milliseconds (1 … 600000) | 5000 |
 * | `PORT` | Port `main.ts` listens on | 4005 |
 * | `HOST` | Address `main.ts` binds | 127.0.0.1 |
 * | `LOG_LEVEL` | Level of the default logger | info |
 * | `GATEWAY_JWKS_URL` | verify the gateway's context token with its JWKS | one of these three |
 * | `GATEWAY_PUBLIC_KEY_JWK` | verify it with the gateway's Ed25519 public key (JWK, JSON) | |
 * | `GOVGRAPH_DEV_MODE` | `1`: development only, every caller trusted | |
 *
 * Exits 1 with a readable message when the configuration is invalid or the
 * server cannot start; SIGINT/SIGTERM close it gracefully.
 */
import { createLogger, isGovgraphError, SECURITY_ENVIRONMENT_HELP, securityInputFromEnv } from '@govgraph/sdk';
import { createSocialInsuranceSubgraph } from './app';
import { parseSocialInsuranceSubgraphConfig } from './config';

async function main(): Promise<void> {
  const env = process.env;
  const security = securityInputFromEnv(env);
  if (security === undefined) {
    process.stderr.write(`social-insurance subgraph failed to start: no caller trust configured.\n${SECURITY_ENVIRONMENT_HELP}`);
    process.exit(1);
  }
  const config = parseSocialInsuranceSubgraphConfig({
    security,
    ...Object.fromEntries(
      Object.entries({
        url: env['SOCIAL_INSURANCE_URL'],
        wsdlUrl: env['SOCIAL_INSURANCE_WSDL_URL'],
        username: env['SOCIAL_INSURANCE_USERNAME'],
        password: env['SOCIAL_INSURANCE_PASSWORD'],
        timeoutMs: env['SOCIAL_INSURANCE_TIMEOUT_MS'],
        port: env['PORT'],
        host: env['HOST'],
        logLevel: env['LOG_LEVEL'],
      }).filter(([, value]) => value !== undefined && value !== ''),
    ),
  });
  const logger = createLogger({ level: config.logLevel });
  const running = await createSocialInsuranceSubgraph(config, { logger }).listen({ port: config.port, host: config.host });
  logger.info({ url: running.url }, 'the social-insurance subgraph is listening');
  let closing = false;
  const close = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'closing the social-insurance subgraph');
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'the social-insurance subgraph did not close cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
}

main().catch((error: unknown) => {
  const message = isGovgraphError(error) || error instanceof Error ? error.message : String(error);
  process.stderr.write(`social-insurance subgraph failed to start: ${message}\n`);
  process.exit(1);
});
