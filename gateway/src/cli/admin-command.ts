/**
 * The shape of one admin CLI command (`apps create`, `keys rotate`, …): its
 * arguments and options, declared once so `runAdminCli` can parse and check
 * them (`node:util` `parseArgs`) and print its usage, and a `run` that talks
 * to the admin API through the context.
 */
import type { AdminClient } from './admin-client';
import { CliUsageError } from './cli-usage-error';

/** Everything a command runs with. */
export interface AdminCommandContext {
  readonly client: AdminClient;
  /** `--json`: print JSON instead of tables. */
  readonly json: boolean;
  /** The command's positional arguments, in {@link AdminCommand.args} order. */
  readonly args: readonly string[];
  /** The parsed options. */
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly now: () => Date;
  /** Aborted on Ctrl-C (ends `audit tail --follow`). */
  readonly signal: AbortSignal | undefined;
}

/** One command. */
export interface AdminCommand {
  /** `apps create`, or `usage` for a group without sub-commands. */
  readonly name: string;
  /** Arguments and options, for the usage text: `<appId> [--expires <when>]`. */
  readonly synopsis: string;
  readonly summary: string;
  /** Names of required positional arguments. */
  readonly args: readonly string[];
  /** The command's own options (`--url`, `--token`, `--json`, `--help` are common to all). */
  readonly options: Readonly<Record<string, { readonly type: 'string' | 'boolean' }>>;
  /** Options that must be given. */
  readonly required?: readonly string[];
  run(ctx: AdminCommandContext): Promise<void>;
}

/** The string value of option `name` (declared `string`). */
export function stringOption(ctx: AdminCommandContext, name: string): string | undefined {
  const value = ctx.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A whole number option. @throws CliUsageError */
export function integerOption(ctx: AdminCommandContext, name: string): number | undefined {
  const value = stringOption(ctx, name);
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new CliUsageError(`--${name} must be a whole number (got "${value}")`);
  return Number(value);
}

/** A comma-separated list option (`--targets Query.person,subgraph:licences`). */
export function listOption(ctx: AdminCommandContext, name: string): string[] | undefined {
  const value = stringOption(ctx, name);
  return value?.split(',').map((each) => each.trim()).filter((each) => each.length > 0);
}

/** Prints `value` as JSON with `--json`, otherwise what `human` renders. */
export function print(ctx: AdminCommandContext, value: unknown, human: () => string): void {
  ctx.stdout(ctx.json ? `${JSON.stringify(value, null, 2)}\n` : human());
}
