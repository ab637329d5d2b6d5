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
import { runSubgraphMain } from '@govgraph/sdk';
import { createCasesSubgraph } from './app';
import { parseCasesSubgraphConfig } from './config';

void runSubgraphMain({
  name: 'cases subgraph',
  showErrorCode: false,
  announce: 'log',
  configFromEnv: (env) => ({
    casesUrl: env['CASES_URL'],
    timeoutMs: env['CASES_TIMEOUT_MS'],
    port: env['PORT'],
    host: env['HOST'],
    logLevel: env['LOG_LEVEL'],
  }),
  parseConfig: parseCasesSubgraphConfig,
  create: createCasesSubgraph,
});
