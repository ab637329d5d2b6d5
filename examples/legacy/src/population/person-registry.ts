/**
 * The population registry's in-memory tables: persons by record id, by
 * resident ID number, and sorted by name for prefix search (binary search,
 * so a search costs O(log n + page) even on the full dataset).
 */
import type { PersonRecord } from '../data/types';
import { slicePage, type PageRequest } from '../harness';

/** Read access to the registry's persons. */
export interface PersonRegistry {
  getByIdNumber(idNumber: string): PersonRecord | undefined;
  /** Found persons only, each once. */
  getManyByIdNumbers(idNumbers: readonly string[]): PersonRecord[];
  /** Found persons only, each once (keys are internal record ids `P…`). */
  getManyByIds(ids: readonly string[]): PersonRecord[];
  /** Persons whose name starts with `prefix` (empty = everyone), ordered by name then id. */
  searchByNamePrefix(prefix: string, page: PageRequest): { total: number; items: PersonRecord[] };
}

/** Indexes the given persons. Ids and ID numbers must be unique. */
export function createPersonRegistry(persons: readonly PersonRecord[]): PersonRegistry {
  const byId = new Map<string, PersonRecord>();
  const byIdNumber = new Map<string, PersonRecord>();
  for (const person of persons) {
    if (byId.has(person.id)) throw new Error(`duplicate person id ${person.id}`);
    if (byIdNumber.has(person.idNumber)) throw new Error(`duplicate person ID number for ${person.id}`);
    byId.set(person.id, person);
    byIdNumber.set(person.idNumber, person);
  }
  const byName = [...persons].sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id));
  const many = (index: ReadonlyMap<string, PersonRecord>, keys: readonly string[]): PersonRecord[] =>
    [...new Set(keys)].flatMap((key) => {
      const person = index.get(key);
      return person ? [person] : [];
    });
  return {
    getByIdNumber: (idNumber) => byIdNumber.get(idNumber),
    getManyByIdNumbers: (idNumbers) => many(byIdNumber, idNumbers),
    getManyByIds: (ids) => many(byId, ids),
    searchByNamePrefix(prefix, page) {
      const start = firstIndex(byName, (p) => p.name >= prefix);
      const end = firstIndex(byName, (p) => p.name > prefix && !p.name.startsWith(prefix));
      const matches = byName.slice(start, end);
      return { total: matches.length, items: slicePage(matches, page) };
    },
  };
}

/** First index where a monotone (false…true) predicate holds; `items.length` if never. */
function firstIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (predicate(items[middle] as T)) high = middle;
    else low = middle + 1;
  }
  return low;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
