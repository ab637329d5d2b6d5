import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Grade, UpstreamDataError } from '@govgraph/sdk';
import type { LicencesContext } from '../context';
import type { Enterprise } from '../enterprise/enterprise.type';
import { HolderKind } from '../licence-type/holder-kind.enum';
import { loadLicenceType } from '../licence-type/licence-type.loader';
import { LicenceType } from '../licence-type/licence-type.type';
import type { Person } from '../person/person.type';
import { LICENCE_LIBRARY } from '../row-reader';
import { LicenceHolder } from './licence-holder.union';
import { parseLicenceNumberArg } from './licence-number';
import { loadLicence } from './licence.loader';
import { Licence } from './licence.type';

/** `licence(number)` and the fields of `Licence` that need more than its row. */
@Resolver(() => Licence)
export class LicenceResolver {
  /** One licence by number, `null` when the library holds none. */
  @Query(() => Licence, { nullable: true, description: 'A licence by number; null when the licence library holds none.' })
  @Grade('L2')
  licence(@Arg('number') number: string, @Ctx() ctx: LicencesContext): Promise<Licence | null> {
    return loadLicence(ctx.loaders, parseLicenceNumberArg(number));
  }

  /** The licence's type, batched over every licence of the request. */
  @FieldResolver(() => LicenceType)
  @Grade('L1')
  async type(@Root() licence: Licence, @Ctx() ctx: LicencesContext): Promise<LicenceType> {
    const type = await loadLicenceType(ctx.loaders, licence.typeCode);
    if (type) return type;
    throw new UpstreamDataError(`The licence library holds licence ${JSON.stringify(licence.number)} of a licence type it does not hold`, {
      details: { source: LICENCE_LIBRARY },
    });
  }

  /** A reference to the holder, which the gateway completes from the users subgraph. */
  @FieldResolver(() => LicenceHolder, { nullable: true, description: 'Null only when the users subgraph cannot answer for this holder.' })
  @Grade('L2')
  holder(@Root() licence: Licence): Person | Enterprise {
    return licence.holderKind === HolderKind.PERSON
      ? { __typename: 'Person', idNumber: licence.holderId }
      : { __typename: 'Enterprise', creditCode: licence.holderId };
  }
}
