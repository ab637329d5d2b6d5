import 'reflect-metadata';
/**
 * `Licence`, owned by the licences subgraph. A completed case points at the
 * licences it produced by number only (`resolvable: false`).
 */
import { Grade } from '@govgraph/sdk';
import { Directive, Field, ObjectType } from 'type-graphql';

/** A reference to an electronic licence by its number. */
@ObjectType('Licence')
@Directive('@key(fields: "number", resolvable: false)')
export class LicenceReference {
  @Field()
  @Grade('L2')
  number!: string;
}
