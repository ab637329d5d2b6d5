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
import { runSubgraphMain } from '@govgraph/sdk';
import { createLicencesSubgraph } from './app';
import { parseLicencesSubgraphConfig } from './config';

void runSubgraphMain({
  name: 'licences subgraph',
  configFromEnv: () => ({
    port: process.env['PORT'],
    host: process.env['HOST'],
    logLevel: process.env['LOG_LEVEL'],
    licenceDbUrl: process.env['LICENCE_DB_URL'],
    licenceDbSchema: process.env['LICENCE_DB_SCHEMA'],
    timeoutMs: process.env['LICENCE_DB_TIMEOUT_MS'],
  }),
  parseConfig: parseLicencesSubgraphConfig,
  create: createLicencesSubgraph,
});
