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
import { runSubgraphMain } from '@govgraph/sdk';
import { createSocialInsuranceSubgraph } from './app';
import { parseSocialInsuranceSubgraphConfig } from './config';

void runSubgraphMain({
  name: 'social-insurance subgraph',
  showErrorCode: false,
  announce: 'log',
  configFromEnv: (env) => ({
    url: env['SOCIAL_INSURANCE_URL'],
    wsdlUrl: env['SOCIAL_INSURANCE_WSDL_URL'],
    username: env['SOCIAL_INSURANCE_USERNAME'],
    password: env['SOCIAL_INSURANCE_PASSWORD'],
    timeoutMs: env['SOCIAL_INSURANCE_TIMEOUT_MS'],
    port: env['PORT'],
    host: env['HOST'],
    logLevel: env['LOG_LEVEL'],
  }),
  parseConfig: parseSocialInsuranceSubgraphConfig,
  create: createSocialInsuranceSubgraph,
});
