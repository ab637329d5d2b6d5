import 'reflect-metadata';
/**
 * `Enterprise`, owned by the users subgraph, extended here with `cases`. Only
 * the key is declared; the representation (`{ __typename: 'Enterprise',
 * creditCode }`) is the root of the field resolvers.
 */
import { CreditCodeScalar, Grade } from '@govgraph/sdk';
import { Directive, Field, ObjectType } from 'type-graphql';

/** A legal person as this subgraph knows it: by unified social credit code. */
@ObjectType('Enterprise')
@Directive('@key(fields: "creditCode")')
export class Enterprise {
  @Field(() => CreditCodeScalar)
  @Grade('L1')
  creditCode!: string;
}
