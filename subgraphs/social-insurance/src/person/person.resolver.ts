import 'reflect-metadata';
/**
 * `Person.socialInsurance`: the account of the person the gateway points at,
 * through the request's batch loader, so a list of N persons costs
 * ⌈N / 50⌉ calls to the social-insurance system.
 */
import { Grade } from '@govgraph/sdk';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SocialInsuranceContext } from '../context';
import { SocialInsurance } from '../social-insurance/social-insurance.type';
import { Person } from './person.type';

/** Fields this subgraph adds to `Person`. */
@Resolver(() => Person)
export class PersonResolver {
  @FieldResolver(() => SocialInsurance, {
    nullable: true,
    description: "The person's social-insurance account; null when the social-insurance system has none.",
  })
  @Grade('L4')
  socialInsurance(@Root() person: Person, @Ctx() ctx: SocialInsuranceContext): Promise<SocialInsurance | null> {
    return ctx.loaders.socialInsuranceByIdNumber.load(person.idNumber);
  }
}
