/** Every admin CLI command, in the order of the usage text. */
import type { AdminCommand } from './admin-command';
import { appsCreateCommand, appsListCommand, appsReactivateCommand, appsSuspendCommand } from './commands/apps-commands';
import { auditTailCommand } from './commands/audit-tail-command';
import { departmentsCreateCommand, departmentsListCommand } from './commands/departments-commands';
import { grantsAddCommand, grantsListCommand, grantsRevokeCommand } from './commands/grants-commands';
import { keysIssueCommand, keysListCommand, keysRevokeCommand, keysRotateCommand } from './commands/keys-commands';
import { subgraphsListCommand, subgraphsRegisterCommand } from './commands/subgraphs-commands';
import { tokensCreateCommand, tokensRevokeCommand } from './commands/tokens-commands';
import { usageCommand } from './commands/usage-command';

/** The commands, by name (`apps create`, `usage`). */
export const ADMIN_COMMANDS: readonly AdminCommand[] = Object.freeze([
  departmentsCreateCommand,
  departmentsListCommand,
  appsCreateCommand,
  appsListCommand,
  appsSuspendCommand,
  appsReactivateCommand,
  keysIssueCommand,
  keysListCommand,
  keysRotateCommand,
  keysRevokeCommand,
  grantsAddCommand,
  grantsListCommand,
  grantsRevokeCommand,
  subgraphsRegisterCommand,
  subgraphsListCommand,
  tokensCreateCommand,
  tokensRevokeCommand,
  auditTailCommand,
  usageCommand,
]);

/** The command groups (`departments`, `apps`, …, `usage`): the first word of every command. */
export const ADMIN_COMMAND_GROUPS: readonly string[] = Object.freeze([...new Set(ADMIN_COMMANDS.map((command) => command.name.split(' ')[0]!))]);
