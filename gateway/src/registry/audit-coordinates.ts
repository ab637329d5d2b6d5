/**
 * The coordinates of stored audit records. Records written since coordinate
 * sets name an `AuditCoordinateSet` (prisma-audit-sink.ts); records written
 * before carry their JSON inline. Readers get the JSON either way, with the
 * sets of one page read in one query.
 */
import type { RegistryClient } from './registry-client';

/** The columns of an audit record that say where its coordinates are. */
export interface AuditCoordinatesColumns {
  readonly id: string;
  readonly coordinates: string | null;
  readonly coordinateSetId: string | null;
}

/**
 * `records` with `coordinates` as JSON text, read from their sets where they name one.
 * @throws Error naming the record when its set is not stored (the sink writes a set before any record naming it)
 */
export async function withAuditCoordinates<T extends AuditCoordinatesColumns>(
  prisma: RegistryClient,
  records: readonly T[],
): Promise<(T & { readonly coordinates: string })[]> {
  const ids = [...new Set(records.flatMap((record) => (record.coordinates === null && record.coordinateSetId !== null ? [record.coordinateSetId] : [])))];
  const sets = new Map<string, string>();
  if (ids.length > 0) {
    for (const set of await prisma.auditCoordinateSet.findMany({ where: { id: { in: ids } } })) sets.set(set.id, set.coordinates);
  }
  return records.map((record) => {
    if (record.coordinates !== null) return { ...record, coordinates: record.coordinates };
    const json = record.coordinateSetId === null ? undefined : sets.get(record.coordinateSetId);
    if (json === undefined) {
      throw new Error(`Audit record ${record.id} names coordinate set ${JSON.stringify(record.coordinateSetId)}, which is not stored.`);
    }
    return { ...record, coordinates: json };
  });
}
