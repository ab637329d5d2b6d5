import 'reflect-metadata';
/** `Enterprise.cases`: the cases an enterprise applied for, batched per request. */
import { Grade } from '@govgraph/sdk';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { loadApplicantCases } from '../applicant/applicant-cases';
import { CaseStatus } from '../case/case-status';
import { Case } from '../case/case.type';
import type { CasesContext } from '../context';
import { Enterprise } from './enterprise.type';

/** Adds `cases` to `Enterprise`. */
@Resolver(() => Enterprise)
export class EnterpriseCasesResolver {
  @FieldResolver(() => [Case], { nullable: true, description: 'Cases this enterprise applied for, newest first.' })
  @Grade('L2')
  cases(
    @Root() enterprise: Enterprise,
    @Arg('status', () => CaseStatus, { nullable: true }) status: CaseStatus | null | undefined,
    @Ctx() ctx: CasesContext,
  ): Promise<Case[]> {
    return loadApplicantCases(ctx, { __typename: 'Enterprise', creditCode: enterprise.creditCode }, status);
  }
}
