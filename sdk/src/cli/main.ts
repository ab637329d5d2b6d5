#!/usr/bin/env node
/**
 * The `govgraph` executable (`bin` of `@govgraph/sdk`): runs {@link runCli}
 * with the process's arguments and exits with its code. The admin command
 * groups (`apps`, `grants`, `keys`, …) belong to the gateway package and are
 * dispatched to `@govgraph/gateway/cli`, loaded at run time by a computed
 * name so the SDK has no compile-time dependency on the gateway.
 */
import { runCli } from './run-cli';

/** The command groups `govgraph` hands to the gateway's admin CLI. */
export const ADMIN_COMMAND_GROUPS: readonly string[] = Object.freeze(['departments', 'apps', 'keys', 'grants', 'subgraphs', 'tokens', 'audit', 'usage']);

/** Where `govgraph` reads and writes (the admin commands also read `env`). */
export interface GovgraphIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Ends `audit tail --follow`. */
  readonly signal?: AbortSignal;
}

/** The gateway's `runAdminCli`. */
export type AdminCliRunner = (argv: readonly string[], io: GovgraphIo) => Promise<number>;

/** Loads `runAdminCli` from `@govgraph/gateway/cli`; `undefined` when the gateway package is not installed (or not built). */
export function loadAdminCli(): AdminCliRunner | undefined {
  const moduleName = ['@govgraph', 'gateway', 'cli'].join('/');
  try {
    return (require(moduleName) as { runAdminCli: AdminCliRunner }).runAdminCli;
  } catch (error) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    // Only the gateway's own absence; a module missing inside an installed gateway is a real error.
    const aboutGateway = typeof message === 'string' && (message.includes(moduleName) || /gateway[\\/]dist[\\/]cli/.test(message));
    if ((code === 'MODULE_NOT_FOUND' && aboutGateway) || code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') return undefined;
    throw error;
  }
}

/** Runs `govgraph <argv>`: admin groups go to the gateway's CLI, the rest to {@link runCli}. */
export async function runGovgraph(argv: readonly string[], io: GovgraphIo, load: () => AdminCliRunner | undefined = loadAdminCli): Promise<number> {
  const [group] = argv;
  if (group === undefined || !ADMIN_COMMAND_GROUPS.includes(group)) return runCli(argv, io);
  const runAdminCli = load();
  if (!runAdminCli) {
    io.stderr(
      `govgraph ${group}: the admin commands come with the gateway package @govgraph/gateway, which is not installed here ` +
        '(or not built: npx tsc -b gateway).\n',
    );
    return 1;
  }
  return runAdminCli(argv, io);
}

if (require.main === module) {
  const interrupted = new AbortController();
  // Only the admin commands listen for Ctrl-C (to end `audit tail --follow` cleanly); a second one kills.
  if (ADMIN_COMMAND_GROUPS.includes(process.argv[2] ?? '')) process.once('SIGINT', () => interrupted.abort());
  runGovgraph(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    signal: interrupted.signal,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`govgraph: ${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
