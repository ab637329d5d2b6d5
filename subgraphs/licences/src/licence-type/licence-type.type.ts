import { Grade } from '@govgraph/sdk';
import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { HolderKind } from './holder-kind.enum';

/**
 * A kind of electronic licence (证照类型) in the licence library, e.g.
 * 食品经营许可证. Owned by this subgraph; other subgraphs may reference it
 * by `code`.
 */
@ObjectType('LicenceType', { description: 'A kind of electronic licence (证照类型).' })
@Directive('@key(fields: "code")')
export class LicenceType {
  /** The library's type code, e.g. `LT-0007`. */
  @Field({ description: 'Type code, e.g. LT-0007.' })
  @Grade('L1')
  code!: string;

  /** e.g. `食品经营许可证` */
  @Field()
  @Grade('L1')
  name!: string;

  /** The authority responsible for this kind of licence. */
  @Field({ description: 'The authority responsible for this kind of licence.' })
  @Grade('L1')
  issuer!: string;

  /** Whether persons or enterprises hold it. */
  @Field(() => HolderKind)
  @Grade('L1')
  holderKind!: HolderKind;

  /** Years a licence of this type stays valid; `null` when it does not expire. */
  @Field(() => Int, { nullable: true, description: 'Years a licence stays valid; null when it does not expire.' })
  @Grade('L1')
  validityYears!: number | null;
}
