import 'reflect-metadata';
/**
 * `SocialInsurance.contributions(fromMonth, toMonth)`: the range is checked
 * here (`BAD_USER_INPUT`, before any call), then one `GetContributionHistory`
 * call for the account. The system has no batch form of this operation.
 */
import { Grade } from '@govgraph/sdk';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SocialInsuranceContext } from '../context';
import { ContributionRangeArgs } from './contribution-range.args';
import { Contribution } from './contribution.type';
import { parseMonthRange } from './parse-month-range';
import { fetchContributions } from './social-insurance-records';
import { SocialInsurance } from './social-insurance.type';

/** Fields of `SocialInsurance` that need their own call. */
@Resolver(() => SocialInsurance)
export class SocialInsuranceResolver {
  @FieldResolver(() => [Contribution], {
    description: 'Contributions from fromMonth to toMonth (YYYY-MM, both included, at most 36 months), by month then insurance type. Archived months are absent.',
  })
  @Grade('L4')
  contributions(
    @Root() account: SocialInsurance,
    @Args() { fromMonth, toMonth }: ContributionRangeArgs,
    @Ctx() ctx: SocialInsuranceContext,
  ): Promise<Contribution[]> {
    const range = parseMonthRange(fromMonth, toMonth);
    return fetchContributions(ctx.sources.socialInsurance, account.idNumber, range);
  }
}
