import 'reflect-metadata';
/**
 * `Person`, owned by the users subgraph, extended here with `cases`. Only the
 * key is declared; with no `__resolveReference` the representation
 * (`{ __typename: 'Person', idNumber }`) is the root of the field resolvers.
 */
import { Grade, Mask, ResidentIdScalar } from '@govgraph/sdk';
import { Directive, Field, ObjectType } from 'type-graphql';

/** A natural person as this subgraph knows it: by resident ID number. */
@ObjectType('Person')
@Directive('@key(fields: "idNumber")')
export class Person {
  @Field(() => ResidentIdScalar)
  @Grade('L4')
  @Mask('resident-id')
  idNumber!: string;
}
