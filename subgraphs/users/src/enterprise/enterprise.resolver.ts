import 'reflect-metadata';
import { CreditCodeScalar, Grade, PageArgs, type PageResult, parsePageArgs } from '@govgraph/sdk';
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { UsersContext } from '../context';
import { Person } from '../person/person.type';
import { checkTextArgument } from '../arguments/check-text-argument';
import { EnterprisePage } from './enterprise-page.type';
import { EnterpriseStatus } from './enterprise-status';
import { Enterprise } from './enterprise.type';
import { listEnterprises } from './legal-person-registry';

/** Longest name fragment accepted by `searchEnterprises`. */
const MAX_NAME_LENGTH = 100;

/**
 * The enterprise queries and `Enterprise.legalRepresentative`. Look-ups go
 * through the request's loaders; the legal representatives of every enterprise
 * in a response are fetched from the population registry together.
 */
@Resolver(() => Enterprise)
export class EnterpriseResolver {
  /** An enterprise by unified social credit code (validated by the `CreditCode` scalar); `null` when there is none. */
  @Query(() => Enterprise, { nullable: true, description: 'An enterprise by unified social credit code.' })
  @Grade('L1')
  enterprise(@Arg('creditCode', () => CreditCodeScalar) creditCode: string, @Ctx() ctx: UsersContext): Promise<Enterprise | null> {
    return ctx.loaders.enterpriseByCreditCode.load(creditCode);
  }

  /** Enterprises whose name contains `name` and that have `status`, ordered by credit code. */
  @Query(() => EnterprisePage, { description: 'Enterprises by part of the name and status, ordered by credit code.' })
  @Grade('L1')
  async searchEnterprises(
    @Arg('name', () => String, { nullable: true, description: 'Part of the name; omit to match every name.' }) name: string | null | undefined,
    @Arg('status', () => EnterpriseStatus, { nullable: true }) status: EnterpriseStatus | null | undefined,
    @Args(() => PageArgs) pageArgs: PageArgs,
    @Ctx() ctx: UsersContext,
  ): Promise<PageResult<Enterprise>> {
    const page = parsePageArgs(pageArgs);
    const filter = {
      name: name === null || name === undefined ? undefined : checkTextArgument('name', name, { maxLength: MAX_NAME_LENGTH }),
      status: status ?? undefined,
    };
    return listEnterprises(ctx.sources.legalPerson, filter, page);
  }

  /** The legal representative, from the population registry; `null` when the registry has no such person. */
  @FieldResolver(() => Person, { nullable: true, description: 'The legal representative (法定代表人), from the population registry.' })
  @Grade('L2')
  legalRepresentative(@Root() enterprise: Enterprise, @Ctx() ctx: UsersContext): Promise<Person | null> {
    return ctx.loaders.personByIdNumber.load(enterprise.legalRepresentativeIdNumber);
  }
}
