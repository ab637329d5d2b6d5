import 'reflect-metadata';
import { Grade, Mask, ResidentIdScalar } from '@govgraph/sdk';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Gender } from './gender';

/**
 * A natural person (自然人) of the population registry. Two keys: `id`, the
 * registry's stable pseudonymous record id, for references that must not carry
 * the ID number; and `idNumber`, the key the licences and cases subgraphs
 * extend Person by.
 */
@ObjectType({ description: 'A natural person, from the population registry (人口库).' })
@Directive('@key(fields: "id")')
@Directive('@key(fields: "idNumber")')
export class Person {
  /** The registry's record id (`P…`). */
  @Field(() => ID, { description: "The population registry's record id: stable and pseudonymous." })
  @Grade('L2')
  id!: string;

  /** The 18-character resident ID number, check character verified. */
  @Field(() => ResidentIdScalar, { description: 'Resident ID number (GB 11643).' })
  @Grade('L4')
  @Mask('resident-id')
  idNumber!: string;

  @Field({ description: 'Name, as registered.' })
  @Grade('L3')
  @Mask('name')
  name!: string;

  @Field(() => Gender)
  @Grade('L2')
  gender!: Gender;

  /** `YYYY-MM-DD` */
  @Field({ description: 'Date of birth, YYYY-MM-DD.' })
  @Grade('L3')
  birthDate!: string;

  /** Empty when the registry has no phone number on file. */
  @Field({ description: 'Mobile phone number on file (empty when none).' })
  @Grade('L4')
  @Mask('phone')
  phone!: string;

  @Field({ description: 'Registered address.' })
  @Grade('L3')
  @Mask('address')
  address!: string;
}
