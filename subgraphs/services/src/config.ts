/**
 * The services subgraph's configuration: where it listens and where the
 * catalog's export files appear. One parser validates everything and reports
 * every problem at once, naming the option and the bad value; the catalog
 * options are judged by the file connector's own `parseFileSourceConfig`, so
 * their limits live in one place. Only `main.ts` turns the environment into
 * the input (see `config-from-env.ts`).
 */
import { ConfigError, integerOption, subgraphSecuritySchema, type SubgraphSecurity } from '@govgraph/sdk';
import { parseFileSourceConfig, type FileSourceConfig } from '@govgraph/connector-file';
import { z } from 'zod';
import { CATALOG_COLUMNS } from './service/service.mapping';

/** The catalog source's name, in logs and `/readyz`. */
export const CATALOG_SOURCE_NAME = 'service-catalog';
/** File names of catalog exports: `catalog-<YYYYMMDDHHmmss>.csv`. */
export const DEFAULT_CATALOG_PATTERN = '^catalog-\\d{14}\\.csv$';
/** Above this share of bad rows an export is refused and the previous one kept. */
export const DEFAULT_MAX_BAD_ROW_RATIO = 0.5;

/** The validated, frozen configuration of the services subgraph. */
export interface ServicesSubgraphConfig {
  /** @default 4002 */
  readonly port: number;
  /** @default '127.0.0.1' */
  readonly host: string;
  /** @default 'info' */
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /**
   * The time budget of a call to the catalog, in ms. The catalog is a
   * directory of files held in memory, so no query waits on it; the budget
   * bounds the readiness probe of `/readyz`.
   * @default 5000
   */
  readonly timeoutMs: number;
  /**
   * The catalog's file source: `directory` (required, absolute), `encoding`
   * (@default 'gbk'), `pollIntervalMs` (@default 2000), `settleMs` (@default
   * 500), `pattern` (@default `^catalog-\d{14}\.csv$`), `maxBadRowRatio`
   * (@default 0.5), `allowEmpty` (@default false). The name
   * (`service-catalog`) and the required columns are fixed.
   */
  readonly catalog: FileSourceConfig;
  /**
   * How the subgraph trusts callers: `{ mode: 'verify', jwksUrl | publicKeyJwk | jwks, … }` (the gateway's
   * signed context token on every request) or `{ mode: 'development' }` (every caller trusted; never in
   * production). Optional here, required by `createServicesSubgraph`. Env `GATEWAY_JWKS_URL`,
   * `GATEWAY_PUBLIC_KEY_JWK` or `GOVGRAPH_DEV_MODE=1`.
   */
  readonly security?: SubgraphSecurity;
}

/** The catalog options a caller may set. */
const CATALOG_OPTIONS = ['directory', 'encoding', 'pollIntervalMs', 'settleMs', 'pattern', 'maxBadRowRatio', 'allowEmpty'] as const;


const topLevelSchema = z.strictObject({
  port: integerOption(0, 65535, { rangeMessage: true }).default(4002),
  host: z.string({ error: 'must be a host name or address' }).trim().min(1, { error: 'must not be empty' }).default('127.0.0.1'),
  logLevel: z.enum(['debug', 'info', 'warn', 'error', 'silent'], { error: 'must be one of debug, info, warn, error, silent' }).default('info'),
  timeoutMs: integerOption(50, 60_000, { rangeMessage: true }).default(5000),
  catalog: z.unknown().optional(),
  security: subgraphSecuritySchema.optional(),
});

/** One problem of a config: the option's dotted path and what is wrong. */
interface ConfigProblem {
  readonly option: string;
  readonly problem: string;
}

/**
 * Validates the services subgraph's config (numbers and booleans may be
 * strings, as the environment gives them), applies defaults and returns it
 * frozen. Throws a `ConfigError` (`SDK_CONFIG_INVALID`) listing every problem.
 */
export function parseServicesSubgraphConfig(input: unknown): ServicesSubgraphConfig {
  const problems: ConfigProblem[] = [];
  const object = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : undefined;
  if (!object) throw configError([{ option: '(config)', problem: `must be an object (got ${show(input)})` }]);

  const topLevel = topLevelSchema.safeParse(object, { reportInput: true });
  if (!topLevel.success) {
    for (const issue of topLevel.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) problems.push({ option: key, problem: 'is not a known option' });
      } else {
        const option = issue.path.map(String).join('.');
        problems.push({ option, problem: `${issue.message}${'input' in issue && issue.input !== undefined ? ` (got ${show(issue.input)})` : ''}` });
      }
    }
  }

  const catalog = parseCatalog(object['catalog'], problems);
  if (problems.length > 0 || !topLevel.success || catalog === undefined) throw configError(problems);
  const { port, host, logLevel, timeoutMs, security } = topLevel.data;
  return Object.freeze({ port, host, logLevel, timeoutMs, catalog, ...(security ? { security } : {}) });
}

function parseCatalog(input: unknown, problems: ConfigProblem[]): FileSourceConfig | undefined {
  if (input === undefined) {
    problems.push({ option: 'catalog.directory', problem: 'is required (the directory the catalog exports appear in)' });
    return undefined;
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    problems.push({ option: 'catalog', problem: `must be an object (got ${show(input)})` });
    return undefined;
  }
  const options = input as Record<string, unknown>;
  const unknown = Object.keys(options).filter((key) => !(CATALOG_OPTIONS as readonly string[]).includes(key));
  for (const key of unknown) problems.push({ option: `catalog.${key}`, problem: 'is not a known option' });
  const known = Object.fromEntries(CATALOG_OPTIONS.filter((key) => options[key] !== undefined).map((key) => [key, options[key]]));
  try {
    const parsed = parseFileSourceConfig({
      pattern: DEFAULT_CATALOG_PATTERN,
      maxBadRowRatio: DEFAULT_MAX_BAD_ROW_RATIO,
      ...known,
      name: CATALOG_SOURCE_NAME,
      csv: { columns: [...CATALOG_COLUMNS] },
    });
    return unknown.length > 0 ? undefined : parsed;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const found = error.details?.['problems'];
    if (Array.isArray(found) && found.length > 0) {
      for (const problem of found as ConfigProblem[]) problems.push({ option: `catalog.${problem.option}`, problem: problem.problem });
    } else {
      problems.push({ option: 'catalog', problem: error.message });
    }
    return undefined;
  }
}

function configError(problems: readonly ConfigProblem[]): ConfigError {
  const list = problems.map((p) => `  - ${p.option}: ${p.problem}`).join('\n');
  return new ConfigError(`Invalid services subgraph config (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):\n${list}`, {
    details: { problems },
  });
}

function show(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
