import 'reflect-metadata';
/**
 * `Service`, owned by the services subgraph. Cases only point at it by item
 * code (`resolvable: false`): the gateway fetches the rest from services.
 */
import { Grade } from '@govgraph/sdk';
import { Directive, Field, ObjectType } from 'type-graphql';

/** A reference to a service item by its code. */
@ObjectType('Service')
@Directive('@key(fields: "code", resolvable: false)')
export class ServiceReference {
  @Field()
  @Grade('L1')
  code!: string;
}
