import 'reflect-metadata';
/**
 * `Person`, extended: the users subgraph owns it (keys `id` and `idNumber`);
 * this subgraph adds `socialInsurance` and is reached by `idNumber`. It has
 * no reference resolver: the gateway's representation (`{ idNumber }`) is the
 * parent object of `socialInsurance`, so every reference resolves.
 */
import { Grade, Mask, ResidentIdScalar } from '@govgraph/sdk';
import { Directive, Field, ObjectType } from 'type-graphql';

/** A natural person, as far as this subgraph knows: the resident ID number. */
@ObjectType({ description: 'A natural person (owned by the users subgraph).' })
@Directive('@key(fields: "idNumber")')
export class Person {
  @Field(() => ResidentIdScalar, { description: 'Resident ID number (GB 11643).' })
  @Grade('L4')
  @Mask('resident-id')
  idNumber!: string;
}
