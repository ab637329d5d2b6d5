import { Directive, Field, ObjectType } from 'type-graphql';
import { Grade, Mask, ResidentIdScalar } from '@govgraph/sdk';

/**
 * The users subgraph's `Person`, extended here with `licences`. Its objects
 * are only references: `_entities` representations or the holder of a
 * licence, `{ __typename: 'Person', idNumber }`.
 */
@ObjectType('Person')
@Directive('@key(fields: "idNumber")')
export class Person {
  /** 18-character resident ID number. */
  @Field(() => ResidentIdScalar)
  @Grade('L4')
  @Mask('resident-id')
  idNumber!: string;

  /** Tells the `LicenceHolder` union which member this is. Not a GraphQL field. */
  readonly __typename?: 'Person';
}
