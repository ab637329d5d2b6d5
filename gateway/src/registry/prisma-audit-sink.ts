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
 *
 * A record's coordinates are stored once per distinct list, in
 * `AuditCoordinateSet` (id: hex sha256 of the JSON), and the record names its
 * set (`coordinateSetId`): every run of one operation touches the same list,
 * which was most of a row's bytes (about 700 of 950 on the platform's tour)
 * and most of the insert's cost (bench/src/audit-sink.ts). The sets of a batch
 * are inserted first, in the same transaction, `ON CONFLICT DO NOTHING`, so a
 * record never names a set that is not stored.
 */
import { sha256Hex } from '../policy/sha256-hex';
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
  'coordinateSetId',
  'maxGrade',
  'purpose',
  'outcome',
  'durationMs',
  'subgraphs',
  'requestId',
  'actor',
  'action',
] as const;

const SET_COLUMNS = ['id', 'coordinates'] as const;
const KEEP_STORED_SET = 'ON CONFLICT ("id") DO NOTHING';

/** A coordinate list as stored: its JSON and the id of its set. */
interface StoredCoordinates {
  readonly id: string;
  readonly json: string;
}

/** Creates an audit sink writing to `prisma`. */
export function createPrismaAuditSink(prisma: RegistryClient): AuditSink {
  const provider = registryProviderOf(prisma);
  const nextId = createTimeOrderedIdGenerator();
  // The gateway hands every record of one (document, operation) the same coordinates array: serialise and hash it once.
  const stored = new WeakMap<readonly AuditedCoordinate[], StoredCoordinates>();
  const storedOf = (coordinates: readonly AuditedCoordinate[]): StoredCoordinates => {
    let known = stored.get(coordinates);
    if (known === undefined) {
      const json = JSON.stringify(coordinates);
      stored.set(coordinates, (known = { id: sha256Hex(json), json }));
    }
    return known;
  };
  return {
    async write(records) {
      if (records.length === 0) return;
      const sets = new Map<string, string>();
      const rows = records.map((record): SqlValue[] => {
        const coordinates = storedOf(record.coordinates);
        sets.set(coordinates.id, coordinates.json);
        return [
          nextId(),
          record.at,
          record.kind,
          record.applicationId ?? null,
          record.userSubjectHash ?? null,
          record.operationName ?? null,
          record.operationHash,
          coordinates.id,
          record.maxGrade,
          record.purpose ?? null,
          record.outcome,
          Math.round(record.durationMs),
          JSON.stringify(record.subgraphs),
          record.requestId,
          record.actor ?? null,
          record.action ?? null,
        ];
      });
      await multiRowInsert(
        prisma,
        provider,
        { table: 'AuditCoordinateSet', columns: SET_COLUMNS, rows: [...sets].map(([id, json]) => [id, json]), suffix: KEEP_STORED_SET },
        { table: 'AuditRecord', columns: COLUMNS, rows },
      );
    },
  };
}
