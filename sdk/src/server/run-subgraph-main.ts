/**
 * The body of every subgraph's `main.ts`: environment → config → listen →
 * close on SIGINT/SIGTERM, with the same messages and exit codes everywhere,
 * so a package's `main.ts` only says how its variables map to config options.
 */
import { isGovgraphError } from '../errors';
import { createLogger, type Logger } from '../logger';
import { SECURITY_ENVIRONMENT_HELP, securityInputFromEnv } from '../security';
import type { ListenOptions, RunningSubgraph } from './create-subgraph';

/** What `create` must return: something that can listen, and optionally release its sources when listening fails. */
export interface ListenableSubgraph {
  listen(options?: ListenOptions): Promise<RunningSubgraph>;
  stop?(): Promise<void>;
}

/** Where shutdown signals come from (`process` by default; an `EventEmitter` in tests). */
export interface SignalSource {
  on(signal: 'SIGINT' | 'SIGTERM', listener: (signal: NodeJS.Signals) => void): unknown;
}

/** The parts of a parsed subgraph config that `runSubgraphMain` reads. */
export interface SubgraphMainConfig {
  readonly port: number;
  readonly host: string;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

/** Options of {@link runSubgraphMain}. */
export interface RunSubgraphMainOptions<TConfig extends SubgraphMainConfig> {
  /** Starts every message, e.g. `'licences subgraph'` → `licences subgraph failed to start: …`. */
  readonly name: string;
  /** Usage text printed to stdout for `--help`/`-h` (then nothing starts). Without it `--help` is not special. */
  readonly help?: string;
  /**
   * After a config error, print the whole `help` to stderr (`'full'`) or the
   * hint `Run with --help for the environment variables.` (`'hint'`).
   * Nothing is printed without `help`.
   * @default 'hint'
   */
  readonly helpOnConfigError?: 'full' | 'hint';
  /**
   * Environment variables → config input, without `security` (taken from
   * `securityInputFromEnv`). Top-level entries that are `undefined` or `''`
   * are dropped (an empty variable counts as unset, so the default applies);
   * values are otherwise left for the config schema to judge.
   */
  configFromEnv(env: NodeJS.ProcessEnv): Record<string, unknown>;
  /** The package's `parseXSubgraphConfig`; its `ConfigError` is reported and exits 1. */
  parseConfig(input: unknown): TConfig;
  /** The package's `createXSubgraph`; it must not listen yet. */
  create(config: TConfig, options: { logger: Logger }): ListenableSubgraph;
  /**
   * Prefix failures with the error's code (`[SDK_CONFIG_INVALID] …`).
   * @default true
   */
  readonly showErrorCode?: boolean;
  /**
   * Say "ready" on stdout (`<name> ready at <url>`) or as an info log line
   * (`<name> ready`, with `url`).
   * @default 'stdout'
   */
  readonly announce?: 'stdout' | 'log';
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** @default process.argv */
  readonly argv?: readonly string[];
  /** @default process.stdout */
  readonly stdout?: { write(text: string): unknown };
  /** @default process.stderr */
  readonly stderr?: { write(text: string): unknown };
  /** @default process.exit */
  readonly exit?: (code: number) => void;
  /** @default process */
  readonly signals?: SignalSource;
  /** @default createLogger({ level: config.logLevel }) */
  readonly createLogger?: (config: TConfig) => Logger;
}

/**
 * Runs a subgraph as a command. No caller trust configured, a bad config or
 * a failed start print `<name> failed to start: …` to stderr and exit 1. The
 * first SIGINT/SIGTERM closes the server and the sources, then exits 0 (1 if
 * closing failed); a second signal exits 1 at once.
 * @returns the running subgraph, or `undefined` when it did not start (or `--help`)
 */
export async function runSubgraphMain<TConfig extends SubgraphMainConfig>(
  options: RunSubgraphMainOptions<TConfig>,
): Promise<RunningSubgraph | undefined> {
  const env = options.env ?? process.env;
  const argv = options.argv ?? process.argv;
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const signals = options.signals ?? process;
  const { name, help } = options;

  const fail = (error: unknown): undefined => {
    stderr.write(`${name} failed to start: ${describeFailure(error, options.showErrorCode ?? true)}`);
    exit(1);
    return undefined;
  };

  if (help !== undefined && (argv.includes('--help') || argv.includes('-h'))) {
    stdout.write(help);
    return undefined;
  }
  const security = securityInputFromEnv(env);
  if (security === undefined) {
    stderr.write(`${name} failed to start: no caller trust configured.\n${SECURITY_ENVIRONMENT_HELP}`);
    exit(1);
    return undefined;
  }
  let config: TConfig;
  try {
    config = options.parseConfig({ ...withoutUnset(options.configFromEnv(env)), security });
  } catch (error) {
    stderr.write(`${name} failed to start: ${describeFailure(error, options.showErrorCode ?? true)}`);
    if (help !== undefined) stderr.write((options.helpOnConfigError ?? 'hint') === 'full' ? help : 'Run with --help for the environment variables.\n');
    exit(1);
    return undefined;
  }
  const logger = options.createLogger?.(config) ?? createLogger({ level: config.logLevel });
  let running: RunningSubgraph;
  let subgraph: ListenableSubgraph | undefined;
  try {
    subgraph = options.create(config, { logger });
    running = await subgraph.listen({ port: config.port, host: config.host });
  } catch (error) {
    logger.error({ err: error }, `${name} failed to start`);
    await subgraph?.stop?.().catch(() => undefined);
    return fail(error);
  }
  if ((options.announce ?? 'stdout') === 'stdout') stdout.write(`${name} ready at ${running.url}\n`);
  else logger.info({ url: running.url }, `${name} ready`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      exit(1);
      return;
    }
    stopping = true;
    logger.info({ signal }, `stopping the ${name}`);
    running.close().then(
      () => {
        logger.info(`${name} stopped`);
        exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, `the ${name} did not close cleanly`);
        exit(1);
      },
    );
  };
  signals.on('SIGINT', stop);
  signals.on('SIGTERM', stop);
  return running;
}

/**
 * `[CODE] message` and, for the operator's console only, the cause's reason
 * (a driver's message; the SQL source redacts passwords) and the stack of an
 * error that is not one of ours (a bug, not a condition).
 */
function describeFailure(error: unknown, showErrorCode: boolean): string {
  const code = showErrorCode && isGovgraphError(error) ? `[${error.code}] ` : '';
  const message = error instanceof Error ? error.message : String(error);
  let text = `${code}${message}\n`;
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) {
    const target = (cause as { target?: unknown }).target;
    text += `  because: ${cause.message}${typeof target === 'string' ? ` (${target})` : ''}\n`;
  }
  if (!isGovgraphError(error) && error instanceof Error && error.stack) text += `${error.stack}\n`;
  return text;
}

/** Drops the entries an unset or empty variable produced. */
function withoutUnset(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && value !== ''));
}
