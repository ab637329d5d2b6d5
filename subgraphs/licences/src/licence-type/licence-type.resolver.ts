import { Grade } from '@govgraph/sdk';
import { Ctx, Query, Resolver } from 'type-graphql';
import type { LicencesContext } from '../context';
import { LICENCE_TYPE_SELECT, mapLicenceTypeRow } from './licence-type.mapping';
import { LicenceType } from './licence-type.type';

/** `licenceTypes`: the library's whole (small) type catalogue. */
@Resolver(() => LicenceType)
export class LicenceTypeResolver {
  /** Every licence type, ordered by code (by code unit, the same in every database). */
  @Query(() => [LicenceType], { description: 'Every licence type of the licence library, ordered by code.' })
  @Grade('L1')
  async licenceTypes(@Ctx() ctx: LicencesContext): Promise<LicenceType[]> {
    const rows = await ctx.sources.licenceDb.query(LICENCE_TYPE_SELECT, [], { operation: 'licenceTypes' });
    return rows.map(mapLicenceTypeRow).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }
}
