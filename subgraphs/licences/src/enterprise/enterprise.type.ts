import { Directive, Field, ObjectType } from 'type-graphql';
import { CreditCodeScalar, Grade } from '@govgraph/sdk';

/**
 * The users subgraph's `Enterprise`, extended here with `licences`. Its
 * objects are only references: `_entities` representations or the holder of
 * a licence, `{ __typename: 'Enterprise', creditCode }`.
 */
@ObjectType('Enterprise')
@Directive('@key(fields: "creditCode")')
export class Enterprise {
  /** 18-character unified social credit code. */
  @Field(() => CreditCodeScalar)
  @Grade('L1')
  creditCode!: string;

  /** Tells the `LicenceHolder` union which member this is. Not a GraphQL field. */
  readonly __typename?: 'Enterprise';
}
