import { Grade } from '@govgraph/sdk';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { LicencesContext } from '../context';
import { HolderKind } from '../licence-type/holder-kind.enum';
import { loadHolderLicences } from '../licence/holder-licences';
import { LicenceStatus } from '../licence/licence-status.enum';
import { Licence } from '../licence/licence.type';
import { Enterprise } from './enterprise.type';

/**
 * `Enterprise.licences`. There is no `__resolveReference` for Enterprise
 * here: the representation `{ creditCode }` is itself the root object, and
 * it shares the holder loader with `Person.licences`.
 */
@Resolver(() => Enterprise)
export class EnterpriseResolver {
  /** The enterprise's licences, newest first. */
  @FieldResolver(() => [Licence], { nullable: true, description: 'Licences held by this enterprise, newest first (issuedOn descending, then number).' })
  @Grade('L1')
  licences(
    @Root() enterprise: Enterprise,
    @Arg('status', () => LicenceStatus, { nullable: true, description: 'Only licences with this recorded status.' }) status: LicenceStatus | null | undefined,
    @Ctx() ctx: LicencesContext,
  ): Promise<Licence[]> {
    return loadHolderLicences(ctx.loaders, HolderKind.ENTERPRISE, enterprise.creditCode, status);
  }
}
