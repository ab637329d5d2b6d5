/**
 * Configuration of the licences subgraph: where it listens and where the
 * licence library is. One zod schema for this subgraph's own options; the
 * database options are checked by the SQL connector's own parser, and the
 * problems of both are reported together, naming this config's options, so
 * an operator fixes everything in one round trip. Only `main.ts` turns the
 * environment into the input.
 */
import { z } from 'zod';
import { ConfigError, integerOption, isGovgraphError, subgraphSecuritySchema, type SubgraphSecurity } from '@govgraph/sdk';
import { parseSqlSourceConfig, type SqlSourceConfig } from '@govgraph/connector-sql';

/** The port the licences subgraph listens on unless told otherwise. */
export const DEFAULT_LICENCES_PORT = 4003;

/** The PostgreSQL schema of the licence library unless told otherwise (the simulator's default). */
export const DEFAULT_LICENCE_DB_SCHEMA = 'licence_library';

/** The name of the licence library source in logs, errors and `/readyz`. */
const SOURCE_NAME = 'licence-library';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;

const schema = z.strictObject({
  port: integerOption(0, 65_535).default(DEFAULT_LICENCES_PORT),
  host: z.string().min(1).default('127.0.0.1'),
  logLevel: z.enum(LOG_LEVELS).default('info'),
  licenceDbUrl: z.string().min(1),
  licenceDbSchema: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case PostgreSQL identifier').optional(),
  timeoutMs: integerOption(1, 600_000).default(5000),
  security: subgraphSecuritySchema.optional(),
});

/** What {@link parseLicencesSubgraphConfig} accepts; numbers may be strings (from the environment). */
export type LicencesSubgraphConfigInput = z.input<typeof schema>;

/** The parsed, frozen configuration of the licences subgraph. */
export interface LicencesSubgraphConfig {
  /** Port of `listen`; 0 picks a free one. @default 4003 */
  readonly port: number;
  /** Interface of `listen`. @default '127.0.0.1' */
  readonly host: string;
  /** @default 'info' */
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /**
   * The licence library: `file:/abs/path.db` (SQLite) or `postgresql://…`,
   * with its PostgreSQL schema (@default 'licence_library') and the timeout
   * of each statement (`timeoutMs`, @default 5000), parsed by the SQL connector.
   */
  readonly licenceDb: SqlSourceConfig;
  /**
   * How the subgraph trusts callers: `{ mode: 'verify', jwksUrl | publicKeyJwk | jwks, … }` (the gateway's
   * signed context token on every request) or `{ mode: 'development' }` (every caller trusted; never in
   * production). Optional here, required by `createLicencesSubgraph`. Env `GATEWAY_JWKS_URL`,
   * `GATEWAY_PUBLIC_KEY_JWK` or `GOVGRAPH_DEV_MODE=1`.
   */
  readonly security?: SubgraphSecurity;
}

/** Which option of this config each SQL source option came from. */
const SQL_OPTION_NAMES: Readonly<Record<string, string>> = { url: 'licenceDbUrl', schema: 'licenceDbSchema', timeoutMs: 'timeoutMs' };

/**
 * Validates the configuration and returns it frozen, with defaults applied.
 * @throws ConfigError (`SDK_CONFIG_INVALID`) listing every problem, each
 *   naming the option and its value; `details.problems` holds them as data.
 */
export function parseLicencesSubgraphConfig(input: unknown): LicencesSubgraphConfig {
  const problems: { option: string; problem: string }[] = [];
  const own = schema.safeParse(input, { reportInput: true });
  if (!own.success) {
    for (const issue of own.error.issues) problems.push(describeIssue(issue));
  }

  const raw = (input !== null && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  let licenceDb: SqlSourceConfig | undefined;
  if (typeof raw['licenceDbUrl'] === 'string' && raw['licenceDbUrl'] !== '') {
    const url = raw['licenceDbUrl'];
    const postgres = /^postgres(ql)?:\/\//i.test(url);
    const schemaName = raw['licenceDbSchema'] ?? (postgres ? DEFAULT_LICENCE_DB_SCHEMA : undefined);
    const ownProblems = new Set(problems.map((p) => p.option));
    try {
      licenceDb = parseSqlSourceConfig({
        name: SOURCE_NAME,
        url,
        ...(schemaName !== undefined && !ownProblems.has('licenceDbSchema') ? { schema: schemaName } : {}),
        ...(own.success ? { timeoutMs: own.data.timeoutMs } : {}),
      });
    } catch (error) {
      if (!isGovgraphError(error)) throw error;
      for (const problem of (error.details?.['problems'] ?? []) as { option: string; problem: string }[]) {
        const option = SQL_OPTION_NAMES[problem.option] ?? `licenceDb.${problem.option}`;
        if (!ownProblems.has(option)) problems.push({ option, problem: problem.problem });
      }
    }
  }

  if (problems.length > 0 || !own.success || !licenceDb) {
    const lines = problems.map((p) => `  - ${p.option}: ${p.problem}`);
    throw new ConfigError(`Invalid licences subgraph config (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${lines.join('\n')}`, {
      details: { problems },
    });
  }
  const { port, host, logLevel, security } = own.data;
  return Object.freeze({ port, host, logLevel, licenceDb, ...(security ? { security } : {}) });
}

function describeIssue(issue: z.core.$ZodIssue): { option: string; problem: string } {
  const option = issue.path.map(String).join('.') || '(config)';
  if (issue.code === 'unrecognized_keys') return { option: issue.keys.join(', '), problem: 'is not a known option' };
  const got = issue.input === undefined ? '' : ` (got ${JSON.stringify(issue.input)})`;
  return { option, problem: `${problemText(issue)}${got}` };
}

function problemText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return issue.expected === 'int' ? 'must be an integer' : `must be a ${issue.expected}`;
    case 'too_small':
      return issue.origin === 'string' ? 'must not be empty' : `must be at least ${issue.minimum}`;
    case 'too_big':
      return `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    default:
      return issue.message;
  }
}
