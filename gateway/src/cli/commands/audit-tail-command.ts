/**
 * `govgraph audit tail`: the latest audit records as JSON lines, oldest
 * first, like `tail`; `--follow` then asks again every 2 s and prints what
 * is new. The gateway writes records in batches and a record's time is that
 * of its operation, so each poll looks back a minute before the newest
 * record seen and skips the ids already seen: a record stored late is
 * still printed, once.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { integerOption, stringOption, type AdminCommand, type AdminCommandContext } from '../admin-command';
import { AUDIT_RECORD_FIELDS } from '../admin-selections';
import { CliUsageError } from '../cli-usage-error';

/** How often `--follow` polls. */
export const AUDIT_FOLLOW_INTERVAL_MS = 2000;
/** How far before the newest record seen each poll looks. */
const LOOK_BACK_MS = 60_000;
const MAX_PAGE = 500;

interface AuditRecordRow {
  readonly id: string;
  readonly at: string;
  readonly [field: string]: unknown;
}

/** `audit tail [--app <appId>] [--kind operation|admin] [--limit 20] [--follow]` */
export const auditTailCommand: AdminCommand = {
  name: 'audit tail',
  synopsis: '[--app <appId>] [--kind operation|admin] [--limit <n>] [--follow]',
  summary: 'print the latest audit records as JSON lines; --follow polls every 2 s (Ctrl-C ends)',
  args: [],
  options: { app: { type: 'string' }, kind: { type: 'string' }, limit: { type: 'string' }, follow: { type: 'boolean' } },
  async run(ctx) {
    const limit = integerOption(ctx, 'limit') ?? 20;
    if (limit < 1 || limit > MAX_PAGE) throw new CliUsageError(`--limit must be from 1 to ${MAX_PAGE}`);
    const filter = { applicationId: stringOption(ctx, 'app') ?? null, kind: stringOption(ctx, 'kind') ?? null };
    const printed = new Map<string, number>();
    let newest = 0;
    const emit = (records: AuditRecordRow[]) => {
      for (const record of [...records].reverse()) {
        if (printed.has(record.id)) continue;
        const at = Date.parse(record.at);
        printed.set(record.id, at);
        newest = Math.max(newest, at);
        ctx.stdout(`${JSON.stringify(record)}\n`);
      }
    };
    emit(await fetchRecords(ctx, filter, limit));
    if (ctx.values['follow'] !== true) return;
    if (newest === 0) newest = ctx.now().getTime();
    // Records of the look-back window that --limit left out are old news: mark them seen, unprinted.
    const baseline = await fetchRecords(ctx, { ...filter, from: new Date(newest - LOOK_BACK_MS).toISOString() }, MAX_PAGE);
    for (const record of baseline) if (!printed.has(record.id)) printed.set(record.id, Date.parse(record.at));
    for (;;) {
      try {
        await sleep(AUDIT_FOLLOW_INTERVAL_MS, undefined, { signal: ctx.signal });
      } catch {
        return; // Ctrl-C
      }
      const from = new Date(newest - LOOK_BACK_MS);
      let records: AuditRecordRow[];
      try {
        records = await fetchRecords(ctx, { ...filter, from: from.toISOString() }, MAX_PAGE);
      } catch (error) {
        if (ctx.signal?.aborted) return; // Ctrl-C during a poll
        throw error;
      }
      emit(records);
      for (const [id, at] of printed) if (at < from.getTime()) printed.delete(id);
    }
  },
};

async function fetchRecords(ctx: AdminCommandContext, filter: Record<string, string | null>, first: number): Promise<AuditRecordRow[]> {
  const { auditRecords } = await ctx.client.request<{ auditRecords: { nodes: AuditRecordRow[] } }>(
    `query AuditTail($filter: AuditRecordFilter, $first: Int) { auditRecords(filter: $filter, first: $first) { nodes { ${AUDIT_RECORD_FIELDS} } } }`,
    { filter, first },
  );
  return auditRecords.nodes;
}
