/**
 * The look-up structures over one catalog snapshot, built once when an
 * export is loaded and then only read: services by code (O(1)), by
 * department (O(1) to the department's code-ordered list), the sorted
 * department list, and a text index for search. A new export gets a new
 * index; an index never changes, so a request that holds one sees one
 * consistent catalog.
 */
import { createServiceTextIndex } from './service-text-index';
import type { Service } from './service.type';

/** A slice of an ordered result and how many results there are in all. */
export interface ServiceSlice {
  readonly items: readonly Service[];
  readonly total: number;
}

/** The read-only index of one catalog snapshot. */
export interface ServiceIndex {
  /** The records it was built from (the file source's snapshot array; identity tells snapshots apart). */
  readonly records: readonly Service[];
  /** How many services the snapshot holds. */
  readonly size: number;
  /** The service with this code, if any. */
  byCode(code: string): Service | undefined;
  /** The services found for these codes (missing codes are left out; repeated codes give one). */
  byCodes(codes: readonly string[]): Service[];
  /** The department's services in code order, from `offset`, at most `limit`. */
  byDepartment(department: string, offset: number, limit: number): ServiceSlice;
  /** Services whose code or name contains `text` (case-insensitive), in code order, from `offset`, at most `limit`. */
  search(text: string, offset: number, limit: number): ServiceSlice;
  /** Every department that handles at least one service, in code-point order, each once. */
  departments(): readonly string[];
}

/** Code-point order: the same on every machine, whatever its locale. */
export function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Builds the index of a snapshot. The records are not copied or changed. */
export function buildServiceIndex(records: readonly Service[]): ServiceIndex {
  const byCode = new Map<string, Service>();
  const byDepartment = new Map<string, Service[]>();
  const sorted: Service[] = [];
  // The file source keeps codes unique; should two rows share a code anyway, the first in file order wins.
  for (const service of [...records].sort((a, b) => compareCodePoints(a.code, b.code))) {
    if (byCode.has(service.code)) continue;
    sorted.push(service);
    byCode.set(service.code, service);
    const list = byDepartment.get(service.department);
    if (list) list.push(service);
    else byDepartment.set(service.department, [service]);
  }
  const departments = Object.freeze([...byDepartment.keys()].sort(compareCodePoints));
  const text = createServiceTextIndex(sorted, (service) => [service.code, service.name]);

  return {
    records,
    size: sorted.length,
    byCode: (code) => byCode.get(code),
    byCodes(codes) {
      const found: Service[] = [];
      for (const code of new Set(codes)) {
        const service = byCode.get(code);
        if (service) found.push(service);
      }
      return found;
    },
    byDepartment(department, offset, limit) {
      const list = byDepartment.get(department) ?? [];
      return { items: list.slice(offset, offset + limit), total: list.length };
    },
    search(query, offset, limit) {
      const positions = text.search(query);
      return { items: positions.slice(offset, offset + limit).map((position) => sorted[position]!), total: positions.length };
    },
    departments: () => departments,
  };
}
