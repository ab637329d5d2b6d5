import 'reflect-metadata';
/**
 * The arguments of `SocialInsurance.contributions`, as an `@ArgsType` so the
 * schema lists them in this order whatever order the compiler applies
 * parameter decorators in (swc and tsc differ).
 */
import { ArgsType, Field } from 'type-graphql';

/** `contributions(fromMonth, toMonth)`; checked by `parseMonthRange`. */
@ArgsType()
export class ContributionRangeArgs {
  @Field({ description: 'First month, YYYY-MM.' })
  fromMonth!: string;

  @Field({ description: 'Last month, YYYY-MM, both included; at most 36 months after fromMonth.' })
  toMonth!: string;
}
