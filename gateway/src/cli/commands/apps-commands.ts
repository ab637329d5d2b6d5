/** `govgraph apps create|list|suspend|reactivate`: the applications that call the gateway. */
import { integerOption, print, stringOption, type AdminCommand, type AdminCommandContext } from '../admin-command';
import { APPLICATION_FIELDS, type ApplicationRow } from '../admin-selections';
import { CliUsageError } from '../cli-usage-error';
import { formatRecord, formatTable } from '../format-table';

const PAGE = 200;

interface ApplicationPage {
  readonly nodes: ApplicationRow[];
  readonly pageInfo: { readonly endCursor: string | null; readonly hasNextPage: boolean };
}

/** Key/value lines of an application. */
export function applicationRecord(application: ApplicationRow): string {
  return formatRecord([
    ['id', application.id],
    ['name', application.name],
    ['department', application.department.code],
    ['contact', application.contact],
    ['status', application.status],
    ['created', application.createdAt],
  ]);
}

/** `apps create --name <name> --department <code> --contact <contact>` */
export const appsCreateCommand: AdminCommand = {
  name: 'apps create',
  synopsis: '--name <name> --department <code> --contact <contact>',
  summary: 'register an application of a department',
  args: [],
  options: { name: { type: 'string' }, department: { type: 'string' }, contact: { type: 'string' } },
  required: ['name', 'department', 'contact'],
  async run(ctx) {
    const { createApplication } = await ctx.client.request<{ createApplication: ApplicationRow }>(
      `mutation CreateApplication($input: CreateApplicationInput!) { createApplication(input: $input) { ${APPLICATION_FIELDS} } }`,
      { input: { name: stringOption(ctx, 'name'), departmentCode: stringOption(ctx, 'department'), contact: stringOption(ctx, 'contact') } },
    );
    print(ctx, createApplication, () => applicationRecord(createApplication));
  },
};

/** `apps list [--department <code>] [--status active|suspended] [--limit <n>]` */
export const appsListCommand: AdminCommand = {
  name: 'apps list',
  synopsis: '[--department <code>] [--status active|suspended] [--limit <n>]',
  summary: 'list applications, newest first (all pages unless --limit)',
  args: [],
  options: { department: { type: 'string' }, status: { type: 'string' }, limit: { type: 'string' } },
  async run(ctx) {
    const limit = integerOption(ctx, 'limit');
    if (limit === 0) throw new CliUsageError('--limit must be at least 1');
    const applications = await listApplications(ctx, limit);
    print(ctx, applications, () =>
      formatTable(applications, [
        { header: 'ID', value: (row) => row.id },
        { header: 'NAME', value: (row) => row.name },
        { header: 'DEPARTMENT', value: (row) => row.department.code },
        { header: 'STATUS', value: (row) => row.status },
        { header: 'CONTACT', value: (row) => row.contact },
        { header: 'CREATED', value: (row) => row.createdAt },
      ]),
    );
  },
};

async function listApplications(ctx: AdminCommandContext, limit: number | undefined): Promise<ApplicationRow[]> {
  const rows: ApplicationRow[] = [];
  let after: string | null = null;
  for (;;) {
    const first = Math.min(PAGE, limit === undefined ? PAGE : limit - rows.length);
    const { applications }: { applications: ApplicationPage } = await ctx.client.request<{ applications: ApplicationPage }>(
      `query Applications($departmentCode: String, $status: String, $first: Int, $after: String) {
        applications(departmentCode: $departmentCode, status: $status, first: $first, after: $after) {
          nodes { ${APPLICATION_FIELDS} } pageInfo { endCursor hasNextPage }
        }
      }`,
      { departmentCode: stringOption(ctx, 'department') ?? null, status: stringOption(ctx, 'status') ?? null, first, after },
    );
    rows.push(...applications.nodes);
    if (!applications.pageInfo.hasNextPage || (limit !== undefined && rows.length >= limit)) return rows;
    after = applications.pageInfo.endCursor;
  }
}

function statusCommand(name: 'suspend' | 'reactivate', mutation: 'suspendApplication' | 'reactivateApplication'): AdminCommand {
  return {
    name: `apps ${name}`,
    synopsis: '<appId>',
    summary: name === 'suspend' ? 'suspend an application: its keys stop working at once' : 'make a suspended application active again',
    args: ['appId'],
    options: {},
    async run(ctx) {
      const data = await ctx.client.request<Record<string, ApplicationRow>>(
        `mutation SetStatus($id: ID!) { ${mutation}(id: $id) { ${APPLICATION_FIELDS} } }`,
        { id: ctx.args[0] },
      );
      const application = data[mutation]!;
      print(ctx, application, () => applicationRecord(application));
    },
  };
}

/** `apps suspend <appId>` */
export const appsSuspendCommand = statusCommand('suspend', 'suspendApplication');
/** `apps reactivate <appId>` */
export const appsReactivateCommand = statusCommand('reactivate', 'reactivateApplication');
