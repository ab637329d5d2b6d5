/** The admin CLI's usage texts: the overview and one command's. */
import { DEFAULT_ADMIN_PORT, ADMIN_GRAPHQL_PATH } from '../admin/admin-graphql-path';
import type { AdminCommand } from './admin-command';
import { ADMIN_COMMANDS } from './admin-commands';
import { displayWidth } from './format-table';

/** The admin API URL when neither `--url` nor `GOVGRAPH_ADMIN_URL` is given. */
export const DEFAULT_ADMIN_URL = `http://127.0.0.1:${DEFAULT_ADMIN_PORT}${ADMIN_GRAPHQL_PATH}`;

const COMMON = `Common options:
  --url <url>        the admin API (env GOVGRAPH_ADMIN_URL; default ${DEFAULT_ADMIN_URL});
                     --admin-url for \`subgraphs register\`, whose --url is the subgraph's
  --token <token>    an admin token (env GOVGRAPH_ADMIN_TOKEN)
  --json             print JSON instead of tables
  -h, --help         show this text

Exit status: 0 ok, 1 refused or failed (message on stderr), 2 usage error.
`;

/** The overview (`govgraph apps --help`, or a usage error without a command). */
export function adminUsage(): string {
  const lines = ADMIN_COMMANDS.map((command) => `  govgraph ${command.name} ${command.synopsis}`.trimEnd());
  const width = Math.max(...ADMIN_COMMANDS.map((command) => displayWidth(`govgraph ${command.name}`)));
  const summaries = ADMIN_COMMANDS.map((command) => `  ${`govgraph ${command.name}`.padEnd(width)}  ${command.summary}`);
  return `Usage (admin API commands):\n${lines.join('\n')}\n\n${summaries.join('\n')}\n\n${COMMON}`;
}

/** One command's usage. */
export function commandUsage(command: AdminCommand): string {
  return `Usage: govgraph ${command.name} ${command.synopsis}`.trimEnd() + `\n\n${command.summary}.\n\n${COMMON}`;
}
