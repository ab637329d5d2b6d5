import 'reflect-metadata';
/**
 * `SocialInsurance`: a person's account in the social-insurance system
 * (社会保险信息系统). Not an entity: it is reached only through
 * `Person.socialInsurance`. `contributions` is resolved on demand
 * (`social-insurance.resolver.ts`), one call per account asked.
 */
import { Field, Int, ObjectType } from 'type-graphql';
import { InsuranceType } from './insurance-type';
import { InsuredStatus } from './insured-status';

/** A person's social-insurance account. */
@ObjectType({ description: "A person's social-insurance account (社会保险)." })
export class SocialInsurance {
  /** The holder's resident ID number; not a GraphQL field, kept for `contributions`. */
  idNumber!: string;

  @Field(() => InsuredStatus)
  status!: InsuredStatus;

  @Field(() => [InsuranceType], { description: 'Types insured for (or last insured for), in the order pension, medical, unemployment, work injury, maternity.' })
  insuranceTypes!: InsuranceType[];

  @Field(() => String, { nullable: true, description: 'YYYY-MM of the first contribution; null for NEVER.' })
  firstContributionMonth!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM of the last contribution; null for NEVER.' })
  lastContributionMonth!: string | null;

  @Field(() => Int, { description: 'Months with contributions over the whole career (gaps excluded).' })
  contributionMonths!: number;

  @Field(() => String, { nullable: true, description: 'The current (or last) paying unit; null for NEVER.' })
  payingUnit!: string | null;
}
