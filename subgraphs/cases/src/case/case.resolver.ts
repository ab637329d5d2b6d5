import 'reflect-metadata';
/**
 * Reading cases: `Query.case` (batched with its siblings through the
 * request's `caseByNumber` loader), `Query.cases` (a filtered page) and the
 * derived `Case.allowedTransitions`.
 */
import { Grade, type PageResult, parsePageArgs, toPageResult } from '@govgraph/sdk';
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { CasesContext } from '../context';
import { parseApplicantIdFilter, parseCaseNumber } from './case-arguments';
import { createCaseHandlingClient } from './case-handling-client';
import { CasePage } from './case-page.type';
import { CasesArgs } from './cases.args';
import { CaseStatus } from './case-status';
import { allowedTransitionsFrom } from './case-workflow';
import { Case } from './case.type';

/** Queries of `Case` and its derived fields. */
@Resolver(() => Case)
export class CaseResolver {
  @Query(() => Case, { nullable: true, description: 'A case by number; null when there is none.' })
  @Grade('L2')
  case(@Arg('number') number: string, @Ctx() ctx: CasesContext): Promise<Case | null> {
    return ctx.loaders.caseByNumber.load(parseCaseNumber('number', number));
  }

  @Query(() => CasePage, { description: 'Cases, newest first, optionally of one applicant and/or in one status.' })
  @Grade('L3')
  async cases(@Args(() => CasesArgs) { applicantId, status, ...pageArgs }: CasesArgs, @Ctx() ctx: CasesContext): Promise<PageResult<Case>> {
    const page = parsePageArgs(pageArgs);
    const { items, total } = await createCaseHandlingClient(ctx.sources.caseHandling).listCases({
      applicantId: applicantId == null ? undefined : parseApplicantIdFilter('applicantId', applicantId),
      status: status ?? undefined,
      page: page.page,
      pageSize: page.pageSize,
    });
    return toPageResult(page, items, total);
  }

  @FieldResolver(() => [CaseStatus], { description: 'The statuses this case may move to next (none once it is finished).' })
  @Grade('L2')
  allowedTransitions(@Root() found: Case): readonly CaseStatus[] {
    return allowedTransitionsFrom(found.status);
  }
}
