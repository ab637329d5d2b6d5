import { Grade } from '@govgraph/sdk';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { LicencesContext } from '../context';
import { HolderKind } from '../licence-type/holder-kind.enum';
import { loadHolderLicences } from '../licence/holder-licences';
import { LicenceStatus } from '../licence/licence-status.enum';
import { Licence } from '../licence/licence.type';
import { Person } from './person.type';

/**
 * `Person.licences`. There is no `__resolveReference` for Person here: the
 * representation `{ idNumber }` is itself the root object, and the licences
 * of every person in a request are loaded with one statement.
 */
@Resolver(() => Person)
export class PersonResolver {
  /** The person's licences, newest first. */
  @FieldResolver(() => [Licence], { nullable: true, description: 'Licences held by this person, newest first (issuedOn descending, then number).' })
  @Grade('L2')
  licences(
    @Root() person: Person,
    @Arg('status', () => LicenceStatus, { nullable: true, description: 'Only licences with this recorded status.' }) status: LicenceStatus | null | undefined,
    @Ctx() ctx: LicencesContext,
  ): Promise<Licence[]> {
    return loadHolderLicences(ctx.loaders, HolderKind.PERSON, person.idNumber, status);
  }
}
