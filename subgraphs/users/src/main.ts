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
import { runSubgraphMain } from '@govgraph/sdk';
import { createUsersSubgraph } from './app';
import { parseUsersSubgraphConfig } from './config';

const ENVIRONMENT = `Environment (config option in brackets):
  POPULATION_URL     [populationUrl]   population registry SOAP endpoint, e.g. http://127.0.0.1:4101/population (required)
  LEGAL_PERSON_URL   [legalPersonUrl]  legal-person registry base URL, e.g. http://127.0.0.1:4102 (required)
  LEGACY_TIMEOUT_MS  [timeoutMs]       deadline of one registry call in ms (default 5000)
  PORT [port] (default 4001)   HOST [host] (default 127.0.0.1)   LOG_LEVEL [logLevel] (default info)
  GATEWAY_JWKS_URL | GATEWAY_PUBLIC_KEY_JWK | GOVGRAPH_DEV_MODE=1  [security] (one is required)
`;

void runSubgraphMain({
  name: 'users subgraph',
  help: ENVIRONMENT,
  helpOnConfigError: 'full',
  announce: 'log',
  // Environment variables → config input; values are judged by the config schema, not here.
  configFromEnv: (env) => ({
    populationUrl: env['POPULATION_URL']?.trim(),
    legalPersonUrl: env['LEGAL_PERSON_URL']?.trim(),
    timeoutMs: env['LEGACY_TIMEOUT_MS']?.trim(),
    port: env['PORT']?.trim(),
    host: env['HOST']?.trim(),
    logLevel: env['LOG_LEVEL']?.trim(),
  }),
  parseConfig: parseUsersSubgraphConfig,
  create: createUsersSubgraph,
});
