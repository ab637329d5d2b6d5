/**
 * `npm start`: the whole platform on embedded defaults (no external server),
 * on the README's ports. The only reader of the environment here:
 *
 * | variable | meaning | default |
 * |---|---|---|
 * | `GOVGRAPH_DATA_DIR` | catalog exports and the SQLite licence library | `.data` |
 * | `GOVGRAPH_SEED` | seed of the simulated province | 20260101 |
 * | `GOVGRAPH_HOST` | interface every server binds | 127.0.0.1 |
 * | `GATEWAY_PORT` | the gateway's port | 4000 |
 * | `LICENCE_DB_URL` | `postgresql://…` to keep the licence library in PostgreSQL | SQLite file |
 * | `GOVGRAPH_ACCESS_CONTROL` | `enforce` (registry, demo keys, admin API, policy chain) or `open` | enforce |
 * | `REGISTRY_URL` (or `DATABASE_URL`) | the registry; `postgresql://…` for PostgreSQL | SQLite file in the data directory |
 * | `LOG_LEVEL` | log level of subgraphs and legacy systems (JSON lines on stdout) | warn |
 *
 * Ctrl-C (SIGINT) or SIGTERM stops every server it started.
 */
import { resolve } from 'node:path';
import { createLogger } from '@govgraph/sdk';
import { DEFAULT_PLATFORM_PORTS } from './platform-options';
import { startPlatform, type Platform } from './start-platform';

const FIRST_QUERY = `{
  personByIdNumber(idNumber: "320311198004051910") {
    name
    licences { number type { name } status }
    cases { number status service { name } }
  }
}`;

async function main(): Promise<void> {
  const env = process.env;
  const level = (env.LOG_LEVEL ?? 'warn') as 'debug' | 'info' | 'warn' | 'error' | 'silent';
  const seed = env.GOVGRAPH_SEED === undefined ? undefined : Number(env.GOVGRAPH_SEED);
  if (seed !== undefined && !Number.isSafeInteger(seed)) throw new Error(`GOVGRAPH_SEED must be an integer, got "${env.GOVGRAPH_SEED}"`);
  const gatewayPort = env.GATEWAY_PORT === undefined ? DEFAULT_PLATFORM_PORTS.gateway : Number(env.GATEWAY_PORT);
  if (!Number.isInteger(gatewayPort) || gatewayPort < 0 || gatewayPort > 65535) throw new Error(`GATEWAY_PORT must be a port number, got "${env.GATEWAY_PORT}"`);

  const accessControl = env.GOVGRAPH_ACCESS_CONTROL ?? 'enforce';
  if (accessControl !== 'enforce' && accessControl !== 'open') {
    throw new Error(`GOVGRAPH_ACCESS_CONTROL must be enforce or open, got "${accessControl}"`);
  }

  const started = Date.now();
  process.stdout.write('govgraph: starting the simulated legacy systems, five subgraphs and the gateway…\n');
  const platform = await startPlatform({
    dataDirectory: resolve(env.GOVGRAPH_DATA_DIR ?? '.data'),
    ...(seed !== undefined ? { seed } : {}),
    host: env.GOVGRAPH_HOST ?? '127.0.0.1',
    ports: { ...DEFAULT_PLATFORM_PORTS, gateway: gatewayPort },
    ...(env.LICENCE_DB_URL ? { licenceDbUrl: env.LICENCE_DB_URL } : {}),
    ...(env.REGISTRY_URL || env.DATABASE_URL ? { registryUrl: (env.REGISTRY_URL || env.DATABASE_URL)! } : {}),
    accessControl,
    logger: createLogger({ level }),
    gatewayLogLevel: level,
  });

  const lines = [
    '',
    `govgraph is up in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    '',
    `  GraphQL endpoint and GraphiQL:  ${platform.graphqlUrl}`,
    ...Object.entries(platform.subgraphs).map(([name, subgraph]) => `  subgraph ${name.padEnd(16)} ${subgraph.url}`),
    `  legacy: population registry (SOAP) ${platform.legacy.population.url}?wsdl`,
    `          legal-person registry (REST) ${platform.legacy.legalPerson.url}`,
    `          case-handling system (REST)  ${platform.legacy.cases.url}`,
    `          catalog exports (GBK CSV)    ${platform.legacy.catalog.directory}`,
    `          licence library (SQL)        ${platform.legacy.licenceLibrary.url}`,
    `          social insurance (SOAP 1.2)  ${platform.legacy.socialInsurance.url}?wsdl`,
    ...accessLines(platform.access),
    '',
    'Try a first query:',
    '',
    `  curl -s ${platform.graphqlUrl} -H 'content-type: application/json' \\`,
    ...(platform.access.secrets ? [`    -H 'x-api-key: ${platform.access.secrets.sensitiveApiKey}' \\`] : []),
    `    -d '${JSON.stringify({ query: FIRST_QUERY.replace(/\s+/g, ' ') })}'`,
    '',
    'Press Ctrl-C to stop everything.',
    '',
  ];
  process.stdout.write(lines.join('\n'));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping every server…\n`);
    platform
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        process.stderr.write(`error while stopping: ${String(error)}\n`);
        process.exit(1);
      });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

function accessLines(access: Platform['access']): string[] {
  if (!access.secrets) {
    return ['', '  ACCESS CONTROL IS OFF (GOVGRAPH_ACCESS_CONTROL=open): every caller may read every field, unmasked.'];
  }
  return [
    '',
    `  admin API                        ${access.adminUrl}`,
    '',
    'Demo credentials (local demonstration only; kept in the data directory, mode 600):',
    `  x-api-key of the L4 application, every mask cleared:  ${access.secrets.sensitiveApiKey}`,
    `  x-api-key of the L3 application, masks on:            ${access.secrets.standardApiKey}`,
    `  admin token (platform admin):  ${access.secrets.adminToken}`,
    `    e.g. GOVGRAPH_ADMIN_URL=${access.adminUrl} GOVGRAPH_ADMIN_TOKEN=${access.secrets.adminToken} npx govgraph apps list`,
  ];
}

main().catch((error: unknown) => {
  process.stderr.write(`govgraph could not start:\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
