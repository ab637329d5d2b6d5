/** `govgraph usage <appId>`: requests per UTC day, for quotas and reports. */
import { print, stringOption, type AdminCommand } from '../admin-command';
import { formatTable } from '../format-table';

interface UsageRow {
  readonly applicationId: string;
  readonly day: string;
  readonly requests: number;
}

/** `usage <appId> [--from YYYY-MM-DD] [--to YYYY-MM-DD]` */
export const usageCommand: AdminCommand = {
  name: 'usage',
  synopsis: '<appId> [--from <YYYY-MM-DD>] [--to <YYYY-MM-DD>]',
  summary: 'requests of an application per UTC day (from and to inclusive)',
  args: ['appId'],
  options: { from: { type: 'string' }, to: { type: 'string' } },
  async run(ctx) {
    const { usage } = await ctx.client.request<{ usage: UsageRow[] }>(
      'query Usage($applicationId: ID, $from: String, $to: String) { usage(applicationId: $applicationId, from: $from, to: $to) { applicationId day requests } }',
      { applicationId: ctx.args[0], from: stringOption(ctx, 'from') ?? null, to: stringOption(ctx, 'to') ?? null },
    );
    print(ctx, usage, () => {
      const total = usage.reduce((sum, row) => sum + row.requests, 0);
      return formatTable(usage, [
        { header: 'DAY', value: (row) => row.day },
        { header: 'REQUESTS', value: (row) => row.requests },
      ]) + (usage.length > 0 ? `total ${total}\n` : '');
    });
  },
};
