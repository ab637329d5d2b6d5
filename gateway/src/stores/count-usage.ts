/**
 * Usage counters fed from the audit stream: every audited operation of an
 * application adds one request to its (application, UTC day) counter, in the
 * same batches the audit writer flushes, never per request.
 */
import type { Logger } from '../logger';
import type { AuditRecordInput, AuditSink } from './audit-sink';
import { usageDay, type UsageCount, type UsageCounterStore } from './usage-counter-store';

/** Sums the operation records of a batch per application and day. */
export function usageOf(records: readonly AuditRecordInput[]): UsageCount[] {
  // application → day → requests: no key built and no object made per record.
  const counts = new Map<string, Map<string, number>>();
  for (const record of records) {
    if (record.kind !== 'operation' || !record.applicationId) continue;
    const day = usageDay(record.at);
    let byDay = counts.get(record.applicationId);
    if (!byDay) counts.set(record.applicationId, (byDay = new Map()));
    byDay.set(day, (byDay.get(day) ?? 0) + 1);
  }
  const usage: UsageCount[] = [];
  for (const [applicationId, byDay] of counts) {
    for (const [day, requests] of byDay) usage.push({ applicationId, day, requests });
  }
  return usage;
}

/**
 * Wraps an audit sink so each batch it stores also adds to the usage
 * counters. The audit record is the record of truth: it is written first, and
 * a failure to count is logged, not retried (a retry would write the audit
 * batch twice).
 */
export function withUsageCounting(sink: AuditSink, usage: UsageCounterStore, logger: Logger): AuditSink {
  return {
    async write(records) {
      await sink.write(records);
      const increments = usageOf(records);
      if (increments.length === 0) return;
      try {
        await usage.add(increments);
      } catch (error) {
        logger.error({ err: error, applications: increments.length }, 'usage counters could not be updated');
      }
    },
  };
}
