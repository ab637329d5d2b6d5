/**
 * Per-request loader of licence types by code, behind `Licence.type`: the
 * types of any number of licences cost one statement.
 */
import { createBatchLoader } from '@govgraph/sdk';
import type { SqlSource } from '@govgraph/connector-sql';
import { readKey } from '../row-reader';
import { settle, unwrap, type ReadResult } from '../read-result';
import { LICENCE_TYPE_SELECT, mapLicenceTypeRow } from './licence-type.mapping';
import type { LicenceType } from './licence-type.type';

/** One `licence_types` row: its code, and the type or why it could not be read. */
export interface LicenceTypeEntry {
  readonly code: string;
  readonly type: ReadResult<LicenceType>;
}

/** Creates this request's licence type loaders. */
export function createLicenceTypeLoaders(licenceDb: SqlSource) {
  return {
    /** Licence type by code; `null` for a code the library does not hold. */
    licenceTypeByCode: createBatchLoader<string, LicenceTypeEntry>({
      name: 'licenceTypeByCode',
      batch: async (codes) => {
        const rows = await licenceDb.queryByKeys(`${LICENCE_TYPE_SELECT} where code in ($keys)`, codes, { operation: 'licenceTypeByCode' });
        return rows.map((row) => ({ code: readKey(row, 'code', 'licence type'), type: settle(() => mapLicenceTypeRow(row)) }));
      },
      keyOf: (entry) => entry.code,
    }),
  };
}

/** The loaders {@link createLicenceTypeLoaders} makes. */
export type LicenceTypeLoaders = ReturnType<typeof createLicenceTypeLoaders>;

/** The licence type with this code, `null` if there is none; throws the `UpstreamDataError` of an unreadable row. */
export async function loadLicenceType(loaders: LicenceTypeLoaders, code: string): Promise<LicenceType | null> {
  const entry = await loaders.licenceTypeByCode.load(code);
  return entry ? unwrap(entry.type) : null;
}
