/**
 * The {@link AuditSink} over the Prisma registry: one `createMany` per chunk
 * of 500 records (well under SQLite's and PostgreSQL's bind-parameter limits),
 * all chunks of a batch in one transaction, so a batch is stored whole or not at all.
 */
import type { AuditSink } from '../stores/audit-sink';
import type { RegistryClient } from './registry-client';

const CHUNK = 500;

/** Creates an audit sink writing to `prisma`. */
export function createPrismaAuditSink(prisma: RegistryClient): AuditSink {
  return {
    async write(records) {
      if (records.length === 0) return;
      const rows = records.map((record) => ({
        at: record.at,
        kind: record.kind,
        applicationId: record.applicationId ?? null,
        userSubjectHash: record.userSubjectHash ?? null,
        operationName: record.operationName ?? null,
        operationHash: record.operationHash,
        coordinates: JSON.stringify(record.coordinates),
        maxGrade: record.maxGrade,
        purpose: record.purpose ?? null,
        outcome: record.outcome,
        durationMs: Math.round(record.durationMs),
        subgraphs: JSON.stringify(record.subgraphs),
        requestId: record.requestId,
        actor: record.actor ?? null,
        action: record.action ?? null,
      }));
      const chunks = [];
      for (let start = 0; start < rows.length; start += CHUNK) {
        chunks.push(prisma.auditRecord.createMany({ data: rows.slice(start, start + CHUNK) }));
      }
      await prisma.$transaction(chunks);
    },
  };
}
