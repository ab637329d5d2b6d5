/**
 * The licences of one holder, for `Person.licences` and
 * `Enterprise.licences`: one shared grouped loader (so persons and
 * enterprises of one request cost one statement), then filtered by kind and
 * status and put in the order clients expect, newest first.
 */
import { BadRequestError } from '@govgraph/sdk';
import { HolderKind } from '../licence-type/holder-kind.enum';
import { unwrap } from '../read-result';
import type { LicenceLoaders } from './licence.loader';
import type { LicenceStatus } from './licence-status.enum';
import type { Licence } from './licence.type';

/**
 * Loads the licences of the holder whose key field is `holderId`, of the
 * given status if one is given, ordered by `issuedOn` descending, then
 * `number`. Throws the `UpstreamDataError` of an unreadable licence row.
 */
export async function loadHolderLicences(
  loaders: Pick<LicenceLoaders, 'licencesByHolder'>,
  holderKind: HolderKind,
  holderId: unknown,
  status: LicenceStatus | null | undefined,
): Promise<Licence[]> {
  if (typeof holderId !== 'string' || holderId === '') {
    const key = holderKind === HolderKind.PERSON ? 'Person.idNumber' : 'Enterprise.creditCode';
    throw new BadRequestError(`The reference has no ${key}`, { details: { argument: key } });
  }
  const entries = await loaders.licencesByHolder.load(holderId.toUpperCase());
  return entries
    .map((entry) => unwrap(entry.licence))
    .filter((licence) => licence.holderKind === holderKind && (status == null || licence.status === status))
    .sort(newestFirst);
}

/** `issuedOn` descending, then `number` ascending (by code unit, the same in every database). */
export function newestFirst(a: Licence, b: Licence): number {
  if (a.issuedOn !== b.issuedOn) return a.issuedOn < b.issuedOn ? 1 : -1;
  if (a.number === b.number) return 0;
  return a.number < b.number ? -1 : 1;
}
