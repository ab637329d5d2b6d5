/**
 * The services subgraph's command: environment → `parseServicesSubgraphConfig`
 * → `createServicesSubgraph` → `listen`. The only file that reads
 * `process.env`. A bad config or a failed start (no catalog export, an
 * unreadable directory) prints a readable message and exits with status 1;
 * SIGINT and SIGTERM close the server and the catalog source.
 * The variables are listed in `config-from-env.ts` and the README.
 */
import { runSubgraphMain } from '@govgraph/sdk';
import { createServicesSubgraph } from './app';
import { parseServicesSubgraphConfig } from './config';
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

void runSubgraphMain({
  name: 'govgraph services subgraph',
  help: USAGE,
  configFromEnv: servicesConfigFromEnv,
  parseConfig: parseServicesSubgraphConfig,
  create: createServicesSubgraph,
});
