/**
 * `Person.cases` and `Enterprise.cases`: the applicant's cases through the
 * request's grouped loader, so N persons (e.g. an `_entities` call of the
 * gateway) cost one `by-applicants` call per 100, whatever status each asks for.
 */
import { BadRequestError } from '@govgraph/sdk';
import type { CaseStatus } from '../case/case-status';
import type { Case } from '../case/case.type';
import type { CasesContext } from '../context';
import type { ApplicantReference } from './applicant.type';

/**
 * The cases of `applicant`, newest first, only those in `status` when given.
 * The status is filtered here rather than by the legacy system, so that
 * fields asking for different statuses still share one batch call.
 */
export async function loadApplicantCases(ctx: CasesContext, applicant: ApplicantReference, status: CaseStatus | null | undefined): Promise<Case[]> {
  const cases = await ctx.loaders.casesByApplicant.load(normaliseApplicant(applicant));
  return status == null ? cases : cases.filter((found) => found.status === status);
}

/** Upper-cases the key (a lower-case `x` check character is the same ID number); refuses a representation without it. */
function normaliseApplicant(applicant: ApplicantReference): ApplicantReference {
  if (applicant.__typename === 'Person') {
    if (typeof applicant.idNumber !== 'string') throw new BadRequestError('a Person representation must carry its idNumber');
    return { __typename: 'Person', idNumber: applicant.idNumber.toUpperCase() };
  }
  if (typeof applicant.creditCode !== 'string') throw new BadRequestError('an Enterprise representation must carry its creditCode');
  return { __typename: 'Enterprise', creditCode: applicant.creditCode.toUpperCase() };
}
