/**
 * `sqlSource`: a department's relational database as a {@link Source}.
 * Resolvers and loaders call `query` and `queryByKeys`; the statement
 * language is SQL with `$1 … $n` placeholders in every dialect (see
 * `statement.ts`), so a subgraph moves from SQLite to PostgreSQL by changing
 * its URL.
 */
import {
  BadGatewayError,
  UpstreamTimeoutError,
  createCallDeadline,
  createResiliencePolicy,
  createSilentLogger,
  getRequestScope,
  isGovgraphError,
  resolveCapabilities,
  type CapabilityManifest,
  type HealthReport,
  type Logger,
  type Source,
  type SourceStartContext,
} from '@govgraph/sdk';
import type { SqlDialect, SqlSourceConfig } from './config';
import { createSqlClient, type SqlClient, type SqlKey } from './client';
import type { SqlFailure } from './mapping';
import { isIdempotentStatement } from './sql-idempotency';
import { parseStatement, type ParsedStatement } from './statement';
import { keysetPageOf, planKeysetQuery, type SqlKeysetPage, type SqlKeysetQuery } from './keyset';

/**
 * The health probe's own limit, so `/readyz` answers quickly even when
 * `timeoutMs` is long, and within the subgraph's readiness budget (2000 ms
 * by default) so the probe's own detail is reported rather than a timeout.
 */
const HEALTH_TIMEOUT_MS = 1500;

/** Options of one statement. */
export interface SqlQueryOptions {
  /** A name for logs, e.g. `'licencesByHolder'`. @default 'query' */
  readonly operation?: string;
}

/** Options of a batch look-up. */
export interface SqlQueryByKeysOptions extends SqlQueryOptions {
  /** Values of `$1 … $n` besides the key list (e.g. a status filter). @default [] */
  readonly params?: readonly unknown[];
}

/** Statements sent to the database since start. Tests use it to prove batching; dashboards to watch a source. */
export interface SqlSourceStats {
  /** Statements sent by `query` and `queryByKeys` (health probes and the start-up check are not counted). */
  readonly queries: number;
  /** Of those, the ones that failed (timeouts included). */
  readonly failures: number;
  /** Of the failures, the ones that timed out. */
  readonly timeouts: number;
}

/** A SQL source: the lifecycle of every source plus parameterised statements. */
export interface SqlSource extends Source {
  readonly kind: 'sql';
  readonly dialect: SqlDialect;
  /** The database's capability manifest, defaults applied (`config.capabilities`, or the defaults and `timeoutMs`). */
  readonly capabilities: CapabilityManifest;
  /**
   * Runs one statement with `$1 … $n` placeholders bound to `params` and
   * returns its rows as the driver gives them (not validated: map them in the
   * subgraph). A statement that returns no rows resolves to `[]`.
   *
   * `Row` is what the caller asserts the rows look like; nothing checks it.
   */
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[], options?: SqlQueryOptions): Promise<Row[]>;
  /**
   * Looks up many keys in one statement: `text` contains `in ($keys)` once,
   * e.g. `select * from licences where holder_id in ($keys)`. Keys are
   * de-duplicated; an empty list resolves to `[]` without a statement; more
   * than `maxKeysPerStatement` keys are split over several statements. Rows
   * come in the database's order, not the keys' order: a batch loader
   * groups them by key.
   */
  queryByKeys<Row = Record<string, unknown>>(
    text: string,
    keys: readonly SqlKey[],
    options?: SqlQueryByKeysOptions,
  ): Promise<Row[]>;
  /**
   * One page of a keyset-paginated listing (see `keyset.ts`): `text` is a
   * `select … from … where …` without `order by`/`limit`; rows come ordered
   * by `keys`, at most `limit` of them, and `nextCursor` (or `null` on the
   * last page) is passed back as `after` for the next page. A malformed or
   * foreign cursor, or a limit outside 1–1000, is a `BadRequestError`.
   */
  queryKeyset<Row = Record<string, unknown>>(query: SqlKeysetQuery): Promise<SqlKeysetPage<Row>>;
  /** Counters since start. */
  stats(): SqlSourceStats;
}

/** Creates a SQL source from a parsed config. Nothing is opened until `start()`. */
export function sqlSource(config: SqlSourceConfig): SqlSource {
  const counters = { queries: 0, failures: 0, timeouts: 0 };
  const capabilities = config.capabilities ?? resolveCapabilities(undefined, { timeoutMs: config.timeoutMs });
  const policy = createResiliencePolicy({ source: config.name, capabilities });
  const quotedName = JSON.stringify(config.name);
  let state: 'new' | 'started' | 'stopped' = 'new';
  let client: SqlClient | undefined;
  let logger: Logger = createSilentLogger();

  function activeClient(): SqlClient {
    if (client) return client;
    throw new BadGatewayError(`SQL source ${JSON.stringify(config.name)} is ${state === 'stopped' ? 'stopped' : 'not started'}`, {
      details: { source: config.name },
    });
  }

  async function send(
    active: SqlClient,
    statement: ParsedStatement,
    params: readonly unknown[],
    keys: readonly SqlKey[] | undefined,
    operation: string,
  ): Promise<unknown[]> {
    const rendered = active.render(statement, params, keys);
    const scope = getRequestScope();
    const requestId = scope?.requestId;
    const started = performance.now();
    // The deadline bounds waiting (for a slot, a token, a backoff); each statement is bounded by the database's own timeout.
    const deadline = createCallDeadline(capabilities.timeoutMs, scope?.signal);
    const settle = (error: unknown): unknown => {
      if (isGovgraphError(error) || !deadline.signal.aborted) return error;
      if (!deadline.timedOut) return deadline.callerReason ?? error;
      return new UpstreamTimeoutError(`SQL source ${quotedName} did not answer within ${capabilities.timeoutMs} ms`, { cause: error, details: { source: config.name } });
    };
    counters.queries += 1;
    try {
      const rows = await policy.execute(
        {
          operation,
          idempotent: isIdempotentStatement(statement, operation, { readonly: config.readonly, capabilities }),
          signal: deadline.signal,
          expiresAt: deadline.expiresAt,
          settle,
        },
        () => active.execute(rendered),
      );
      const durationMs = Math.round(performance.now() - started);
      logger.debug({ source: config.name, operation, rows: rows.length, durationMs, requestId }, 'sql statement');
      return rows;
    } catch (error) {
      counters.failures += 1;
      if (error instanceof UpstreamTimeoutError) counters.timeouts += 1;
      const durationMs = Math.round(performance.now() - started);
      const cause = (isGovgraphError(error) ? error.cause : undefined) as SqlFailure | undefined;
      logger.warn(
        {
          source: config.name,
          operation,
          durationMs,
          requestId,
          code: isGovgraphError(error) ? error.code : undefined,
          dbCode: cause?.dbCode,
          statement: statement.text,
        },
        'sql statement failed',
      );
      throw error;
    } finally {
      deadline.dispose();
    }
  }

  return {
    kind: 'sql',
    name: config.name,
    dialect: config.dialect,
    capabilities,
    circuit: policy.circuit,

    async start(ctx: SourceStartContext) {
      if (state !== 'new') throw new Error(`SQL source ${JSON.stringify(config.name)} was already started`);
      logger = ctx.logger;
      policy.useMetrics(ctx.metrics);
      const created = createSqlClient(config, logger);
      await created.open();
      client = created;
      state = 'started';
      logger.info({ source: config.name, dialect: config.dialect, readonly: config.readonly }, 'SQL source started');
    },

    async query<Row>(text: string, params: readonly unknown[] = [], options: SqlQueryOptions = {}): Promise<Row[]> {
      const statement = parseStatement(text, config.dialect);
      if (statement.keyLists > 0) throw new TypeError('query: use queryByKeys for a statement with in ($keys)');
      assertParams(statement, params, 'query');
      const rows = await send(activeClient(), statement, params, undefined, options.operation ?? 'query');
      return rows as Row[];
    },

    async queryByKeys<Row>(text: string, keys: readonly SqlKey[], options: SqlQueryByKeysOptions = {}): Promise<Row[]> {
      const statement = parseStatement(text, config.dialect);
      if (statement.keyLists !== 1) throw new TypeError('queryByKeys: the statement must contain "in ($keys)" exactly once');
      const params = options.params ?? [];
      assertParams(statement, params, 'queryByKeys');
      const unique = uniqueKeys(keys);
      if (unique.length === 0) return [];
      const active = activeClient();
      const operation = options.operation ?? 'queryByKeys';
      const rows: unknown[] = [];
      for (let from = 0; from < unique.length; from += config.maxKeysPerStatement) {
        const chunk = unique.slice(from, from + config.maxKeysPerStatement);
        for (const row of await send(active, statement, params, chunk, operation)) rows.push(row);
      }
      return rows as Row[];
    },

    async queryKeyset<Row>(query: SqlKeysetQuery): Promise<SqlKeysetPage<Row>> {
      const plan = planKeysetQuery(query, parseStatement(query.text, config.dialect), config.dialect);
      const statement = parseStatement(plan.text, config.dialect);
      assertParams(statement, plan.params, 'queryKeyset');
      const rows = await send(activeClient(), statement, plan.params, undefined, query.operation ?? 'queryKeyset');
      return keysetPageOf<Row>(plan, rows, config.name);
    },

    stats() {
      return Object.freeze({ ...counters });
    },

    async checkHealth(): Promise<HealthReport> {
      if (!client) return { status: 'down', detail: state === 'stopped' ? 'stopped' : 'not started' };
      const started = performance.now();
      try {
        await client.ping(Math.min(config.timeoutMs, HEALTH_TIMEOUT_MS));
        return policy.withCircuit({ status: 'up', latencyMs: Math.round(performance.now() - started) });
      } catch (error) {
        const detail = isGovgraphError(error) ? error.message : 'health check failed';
        return policy.withCircuit({ status: 'down', detail, latencyMs: Math.round(performance.now() - started) });
      }
    },

    async stop() {
      if (state === 'stopped') return;
      state = 'stopped';
      const open = client;
      client = undefined;
      policy.rejectWaiting(new BadGatewayError(`SQL source ${quotedName} is stopped`, { details: { source: config.name } }));
      await open?.close();
    },
  };
}

function assertParams(statement: ParsedStatement, params: readonly unknown[], operation: string): void {
  if (!Array.isArray(params)) throw new TypeError(`${operation}: params must be an array`);
  if (params.length !== statement.paramCount) {
    throw new TypeError(`${operation}: the statement uses $1 … $${statement.paramCount} but ${params.length} params were given`);
  }
}

/** Keys in first-seen order without duplicates; each must be a string or a finite number. */
function uniqueKeys(keys: readonly SqlKey[]): SqlKey[] {
  if (!Array.isArray(keys)) throw new TypeError('queryByKeys: keys must be an array');
  const unique = new Set<SqlKey>();
  for (const key of keys) {
    if (typeof key !== 'string' && !(typeof key === 'number' && Number.isFinite(key))) {
      throw new TypeError(`queryByKeys: a key must be a string or a finite number, got ${typeof key}`);
    }
    unique.add(key);
  }
  return [...unique];
}
