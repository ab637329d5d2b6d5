/**
 * The admin commands of `govgraph` (`apps create`, `grants add`, `keys
 * rotate`, `audit tail`, …) as a function of the arguments, so tests run it
 * in-process: parses with `node:util` `parseArgs`, checks arguments and
 * required options (all problems at once), then calls the admin API over
 * HTTP. Returns the exit status: 0 ok, 1 refused or failed, 2 usage error.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AdminApiError, createAdminClient, type AdminFetch } from './admin-client';
import type { AdminCommand } from './admin-command';
import { adminUsage, commandUsage, DEFAULT_ADMIN_URL } from './admin-cli-usage';
import { ADMIN_COMMANDS } from './admin-commands';
import { CliUsageError } from './cli-usage-error';

/** Where the admin CLI reads and writes. */
export interface AdminCliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** `GOVGRAPH_ADMIN_URL`, `GOVGRAPH_ADMIN_TOKEN`. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** @default undici's fetch */
  readonly fetch?: AdminFetch;
  /** Ends `audit tail --follow` and aborts requests in flight (wire it to SIGINT). */
  readonly signal?: AbortSignal;
  /** @default the system clock */
  readonly now?: () => Date;
}

/** Runs one admin command; resolves to its exit status. */
export async function runAdminCli(argv: readonly string[], io: AdminCliIo): Promise<number> {
  const command = findCommand(argv);
  if (!command) {
    const wantsHelp = argv.length === 0 || argv.some((arg) => arg === '--help' || arg === '-h');
    if (wantsHelp && argv.filter((arg) => !arg.startsWith('-')).length <= 1) {
      io.stdout(adminUsage());
      return argv.length === 0 ? 2 : 0;
    }
    io.stderr(`govgraph: unknown command "${argv.filter((arg) => !arg.startsWith('-')).slice(0, 2).join(' ')}"\n\n${adminUsage()}`);
    return 2;
  }
  try {
    const rest = argv.slice(command.name.split(' ').length);
    const parsed = parseArgs({ args: [...rest], allowPositionals: true, strict: true, options: optionsOf(command) });
    const values = parsed.values as Record<string, string | boolean | undefined>;
    if (values['help'] === true) {
      io.stdout(commandUsage(command));
      return 0;
    }
    const problems: string[] = [];
    const missingArgs = command.args.slice(parsed.positionals.length);
    if (missingArgs.length > 0) problems.push(`missing ${missingArgs.map((name) => `<${name}>`).join(' ')}`);
    if (parsed.positionals.length > command.args.length) problems.push(`unexpected arguments: ${parsed.positionals.slice(command.args.length).join(' ')}`);
    for (const option of command.required ?? []) if (values[option] === undefined) problems.push(`--${option} is required`);
    const token = stringValue(values['token']) ?? nonEmpty(io.env['GOVGRAPH_ADMIN_TOKEN']);
    if (token === undefined) problems.push('an admin token is required: --token or GOVGRAPH_ADMIN_TOKEN');
    if (problems.length > 0) throw new CliUsageError(problems.join('; '));
    const url = stringValue(values['admin-url']) ?? (ownsUrl(command) ? undefined : stringValue(values['url'])) ?? nonEmpty(io.env['GOVGRAPH_ADMIN_URL']) ?? DEFAULT_ADMIN_URL;
    await command.run({
      client: createAdminClient({ url, token: token!, fetch: io.fetch, signal: io.signal }),
      json: values['json'] === true,
      args: parsed.positionals,
      values,
      stdout: io.stdout,
      stderr: io.stderr,
      now: io.now ?? (() => new Date()),
      signal: io.signal,
    });
    return 0;
  } catch (error) {
    if (error instanceof CliUsageError || isParseArgsError(error)) {
      io.stderr(`govgraph ${command.name}: ${(error as Error).message}\n\n${commandUsage(command)}`);
      return 2;
    }
    if (error instanceof AdminApiError) {
      io.stderr(`govgraph ${command.name}: [${error.code}] ${error.message}\n`);
      return 1;
    }
    io.stderr(`govgraph ${command.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function findCommand(argv: readonly string[]): AdminCommand | undefined {
  const [group, name] = argv;
  return ADMIN_COMMANDS.find((command) => command.name === `${group} ${name}`) ?? ADMIN_COMMANDS.find((command) => command.name === group);
}

/** A command that has its own `--url` (`subgraphs register`) takes the admin API's as `--admin-url` only. */
function ownsUrl(command: AdminCommand): boolean {
  return 'url' in command.options;
}

function optionsOf(command: AdminCommand): NonNullable<ParseArgsConfig['options']> {
  return {
    ...(ownsUrl(command) ? {} : { url: { type: 'string' } }),
    'admin-url': { type: 'string' },
    token: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    ...command.options,
  };
}

function stringValue(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? nonEmpty(value) : undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}
