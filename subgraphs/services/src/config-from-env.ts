/**
 * Turns environment variables into the input of `parseServicesSubgraphConfig`.
 * It takes the environment as an argument (only `main.ts` reads
 * `process.env`) and leaves every judgement to the parser: values are passed
 * on as the strings they are, so a config error shows what was set. Unset and
 * empty variables fall back to the defaults.
 *
 * | variable                    | config option                             |
 * |-----------------------------|-------------------------------------------|
 * | `PORT`                      | `port` (@default 4002)                    |
 * | `HOST`                      | `host` (@default 127.0.0.1)               |
 * | `LOG_LEVEL`                 | `logLevel` (@default info)                |
 * | `TIMEOUT_MS`                | `timeoutMs` (@default 5000)               |
 * | `CATALOG_DIR`               | `catalog.directory` (required; a relative path is taken from the working directory) |
 * | `CATALOG_ENCODING`          | `catalog.encoding` (@default gbk)         |
 * | `CATALOG_POLL_MS`           | `catalog.pollIntervalMs` (@default 2000)  |
 * | `CATALOG_SETTLE_MS`         | `catalog.settleMs` (@default 500)         |
 * | `CATALOG_PATTERN`           | `catalog.pattern` (@default `^catalog-\d{14}\.csv$`) |
 * | `CATALOG_MAX_BAD_ROW_RATIO` | `catalog.maxBadRowRatio` (@default 0.5)   |
 * | `CATALOG_ALLOW_EMPTY`       | `catalog.allowEmpty` (@default false)     |
 * | `GATEWAY_JWKS_URL`, `GATEWAY_PUBLIC_KEY_JWK`, `GOVGRAPH_DEV_MODE` | `security` (one is required; see the SDK's `securityInputFromEnv`) |
 */
import { resolve } from 'node:path';
import { securityInputFromEnv } from '@govgraph/sdk';

/** The environment, as `process.env` has it. */
export type Environment = Readonly<Record<string, string | undefined>>;

/** Builds the services subgraph's config input from `env`. */
export function servicesConfigFromEnv(env: Environment): Record<string, unknown> {
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };
  const pick = (entries: Record<string, string | undefined>): Record<string, string> =>
    Object.fromEntries(Object.entries(entries).filter((entry): entry is [string, string] => entry[1] !== undefined));

  const directory = value('CATALOG_DIR');
  const security = securityInputFromEnv(env);
  return {
    ...(security !== undefined ? { security } : {}),
    ...pick({ port: value('PORT'), host: value('HOST'), logLevel: value('LOG_LEVEL'), timeoutMs: value('TIMEOUT_MS') }),
    catalog: pick({
      directory: directory === undefined ? undefined : resolve(directory),
      encoding: value('CATALOG_ENCODING')?.toLowerCase(),
      pollIntervalMs: value('CATALOG_POLL_MS'),
      settleMs: value('CATALOG_SETTLE_MS'),
      pattern: value('CATALOG_PATTERN'),
      maxBadRowRatio: value('CATALOG_MAX_BAD_ROW_RATIO'),
      allowEmpty: value('CATALOG_ALLOW_EMPTY')?.toLowerCase(),
    }),
  };
}
