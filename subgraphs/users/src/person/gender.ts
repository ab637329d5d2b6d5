import { registerEnumType } from 'type-graphql';

/**
 * A person's gender as the population registry records it (`M` / `F` on the
 * wire), in the SCREAMING_SNAKE form every enum of the schema uses.
 */
export enum Gender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

registerEnumType(Gender, {
  name: 'Gender',
  description: 'Gender as recorded by the population registry.',
});
