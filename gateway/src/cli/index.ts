export { runAdminCli, type AdminCliIo } from './run-admin-cli';
export { ADMIN_COMMANDS, ADMIN_COMMAND_GROUPS } from './admin-commands';
export { adminUsage, DEFAULT_ADMIN_URL } from './admin-cli-usage';
export { createAdminClient, AdminApiError, type AdminClient, type AdminClientOptions, type AdminFetch } from './admin-client';
export type { AdminCommand, AdminCommandContext } from './admin-command';
export { CliUsageError } from './cli-usage-error';
