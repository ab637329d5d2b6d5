/**
 * Per-request loaders of licences: by holder (`Person.licences` and
 * `Enterprise.licences` share it, so a page of persons and enterprises costs
 * one statement) and by number (`licence`, `verifyLicence`, `_entities`).
 */
import { createBatchLoader, createGroupedLoader } from '@govgraph/sdk';
import type { SqlSource } from '@govgraph/connector-sql';
import { readKey } from '../row-reader';
import { settle, unwrap, type ReadResult } from '../read-result';
import { LICENCE_SELECT, mapLicenceRow } from './licence.mapping';
import type { Licence } from './licence.type';

/** One `licences` row: its keys, and the licence or why it could not be read. */
export interface LicenceEntry {
  readonly number: string;
  /** As stored, upper-cased (a resident ID's check character `x` is `X`). */
  readonly holderId: string;
  readonly licence: ReadResult<Licence>;
}

/** Creates this request's licence loaders. */
export function createLicenceLoaders(licenceDb: SqlSource) {
  const read = async (column: 'holder_id' | 'number', keys: readonly string[], operation: string): Promise<LicenceEntry[]> => {
    const rows = await licenceDb.queryByKeys(`${LICENCE_SELECT} where ${column} in ($keys)`, keys, { operation });
    return rows.map((row) => ({
      number: readKey(row, 'number', 'licence'),
      holderId: readKey(row, 'holder_id', 'licence').toUpperCase(),
      licence: settle(() => mapLicenceRow(row)),
    }));
  };
  return {
    /**
     * Every licence of each holder id (resident ID number or credit code,
     * upper-cased by the caller), in no particular order; `[]` for none.
     */
    licencesByHolder: createGroupedLoader<string, LicenceEntry>({
      name: 'licencesByHolder',
      batch: (holderIds) => read('holder_id', holderIds, 'licencesByHolder'),
      groupOf: (entry) => entry.holderId,
    }),
    /** The licence with each number; `null` for a number the library does not hold. */
    licenceByNumber: createBatchLoader<string, LicenceEntry>({
      name: 'licenceByNumber',
      batch: (numbers) => read('number', numbers, 'licenceByNumber'),
      keyOf: (entry) => entry.number,
    }),
  };
}

/** The loaders {@link createLicenceLoaders} makes. */
export type LicenceLoaders = ReturnType<typeof createLicenceLoaders>;

/** The licence with this number, `null` if there is none; throws the `UpstreamDataError` of an unreadable row. */
export async function loadLicence(loaders: Pick<LicenceLoaders, 'licenceByNumber'>, number: string): Promise<Licence | null> {
  const entry = await loaders.licenceByNumber.load(number);
  return entry ? unwrap(entry.licence) : null;
}
