import { Grade } from '@govgraph/sdk';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { LicencesContext } from '../context';
import { parseLicenceNumberArg } from '../licence/licence-number';
import { loadLicence } from '../licence/licence.loader';
import { assessLicence } from './assess-licence';
import { chinaDate } from './china-date';
import { LicenceVerification } from './licence-verification.type';

/**
 * Creates the `verifyLicence` resolver over a clock. A factory, because the
 * check date must come from the subgraph's clock (tests fix it) and
 * type-graphql builds resolvers itself, without arguments.
 */
export function createVerificationResolver(now: () => Date) {
  @Resolver(() => LicenceVerification)
  class VerificationResolver {
    /** Checks a licence against the library and today's date in China. */
    @Query(() => LicenceVerification, {
      description: 'Checks whether a licence can be relied on today (Asia/Shanghai): valid, revoked, expired or not found, and why.',
    })
    @Grade('L2')
    async verifyLicence(@Arg('number') number: string, @Ctx() ctx: LicencesContext): Promise<LicenceVerification> {
      const checkedOn = chinaDate(now());
      const licence = await loadLicence(ctx.loaders, parseLicenceNumberArg(number));
      return assessLicence(number, licence, checkedOn);
    }
  }
  return VerificationResolver;
}
