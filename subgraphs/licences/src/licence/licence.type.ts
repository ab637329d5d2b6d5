import { Grade } from '@govgraph/sdk';
import { Directive, Field, ObjectType } from 'type-graphql';
import type { HolderKind } from '../licence-type/holder-kind.enum';
import { LicenceStatus } from './licence-status.enum';

/**
 * An electronic licence (电子证照) in the licence library. `type` and
 * `holder` are field resolvers (batched type look-up; a Person or Enterprise
 * reference that the users subgraph completes); the plain properties below
 * without `@Field` carry what they need.
 */
@ObjectType('Licence', { description: 'An electronic licence (电子证照).' })
@Directive('@key(fields: "number")')
export class Licence {
  /** The licence number, unique in the library, e.g. `JS-LT0007-2021-000123`. */
  @Field({ description: 'Licence number, unique in the licence library.' })
  @Grade('L2')
  number!: string;

  /** The issuing authority of this licence (may be a city department of the type's issuer). */
  @Field({ description: 'The authority that issued this licence.' })
  @Grade('L1')
  issuer!: string;

  /** `YYYY-MM-DD` */
  @Field({ description: 'Issue date, YYYY-MM-DD.' })
  @Grade('L2')
  issuedOn!: string;

  /** Last day of validity, `YYYY-MM-DD`; `null` when the licence does not expire. */
  @Field(() => String, { nullable: true, description: 'Last day of validity, YYYY-MM-DD; null when it does not expire.' })
  @Grade('L2')
  expiresOn!: string | null;

  /** As the library records it; `verifyLicence` also checks the expiry date against the calendar. */
  @Field(() => LicenceStatus, { description: 'Status as the licence library records it (see verifyLicence for a check against today).' })
  @Grade('L2')
  status!: LicenceStatus;

  /** Why the licence was revoked, as recorded; `null` unless revoked. */
  @Field(() => String, { nullable: true, description: 'Why the licence was revoked; null unless revoked.' })
  @Grade('L3')
  revokedReason!: string | null;

  /** Code of the licence's type (resolved by `type`). Not a GraphQL field. */
  typeCode!: string;

  /** Whether the holder is a person or an enterprise. Not a GraphQL field. */
  holderKind!: HolderKind;

  /** The holder's resident ID number or credit code, normalised. Not a GraphQL field. */
  holderId!: string;
}
