/**
 * The {@link AuditSink} over the Prisma registry. A batch is written as raw
 * multi-row `INSERT`s with positional parameters ({@link multiRowInsert}),
 * not `createMany`: the audit stream is the registry's hottest write, and
 * Prisma's query compiler cost more CPU than the insert itself. Chunks stay
 * under the bind-parameter limits and run in one transaction, so a batch is
 * stored whole or not at all. Ids are time-ordered UUIDs (version 7,
 * `time-ordered-id.ts`; the column is a plain string id, `cuid()` is only
 * Prisma's default), timestamps are bound as
 * `Date`, stored in the format Prisma itself writes.
 */
import type { AuditedCoordinate, AuditSink } from '../stores/audit-sink';
import { multiRowInsert, type SqlValue } from './multi-row-insert';
import type { RegistryClient } from './registry-client';
import { registryProviderOf } from './registry-provider-of';
import { createTimeOrderedIdGenerator } from './time-ordered-id';

const COLUMNS = [
  'id',
  'at',
  'kind',
  'applicationId',
  'userSubjectHash',
  'operationName',
  'operationHash',
  'coordinates',
  'maxGrade',
  'purpose',
  'outcome',
  'durationMs',
  'subgraphs',
  'requestId',
  'actor',
  'action',
] as const;

/** Creates an audit sink writing to `prisma`. */
export function createPrismaAuditSink(prisma: RegistryClient): AuditSink {
  const provider = registryProviderOf(prisma);
  const nextId = createTimeOrderedIdGenerator();
  // The gateway hands every record of one (document, operation) the same coordinates array: serialise it once.
  const coordinatesJson = new WeakMap<readonly AuditedCoordinate[], string>();
  const jsonOf = (coordinates: readonly AuditedCoordinate[]): string => {
    let json = coordinatesJson.get(coordinates);
    if (json === undefined) coordinatesJson.set(coordinates, (json = JSON.stringify(coordinates)));
    return json;
  };
  return {
    async write(records) {
      if (records.length === 0) return;
      const rows = records.map((record): SqlValue[] => [
        nextId(),
        record.at,
        record.kind,
        record.applicationId ?? null,
        record.userSubjectHash ?? null,
        record.operationName ?? null,
        record.operationHash,
        jsonOf(record.coordinates),
        record.maxGrade,
        record.purpose ?? null,
        record.outcome,
        Math.round(record.durationMs),
        JSON.stringify(record.subgraphs),
        record.requestId,
        record.actor ?? null,
        record.action ?? null,
      ]);
      await multiRowInsert(prisma, provider, { table: 'AuditRecord', columns: COLUMNS, rows });
    },
  };
}
