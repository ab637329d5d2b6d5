import 'reflect-metadata';
/** `Person.cases`: the cases a natural person applied for, batched per request. */
import { Grade } from '@govgraph/sdk';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { loadApplicantCases } from '../applicant/applicant-cases';
import { CaseStatus } from '../case/case-status';
import { Case } from '../case/case.type';
import type { CasesContext } from '../context';
import { Person } from './person.type';

/** Adds `cases` to `Person`. */
@Resolver(() => Person)
export class PersonCasesResolver {
  @FieldResolver(() => [Case], { nullable: true, description: 'Cases this person applied for, newest first.' })
  @Grade('L3')
  cases(
    @Root() person: Person,
    @Arg('status', () => CaseStatus, { nullable: true }) status: CaseStatus | null | undefined,
    @Ctx() ctx: CasesContext,
  ): Promise<Case[]> {
    return loadApplicantCases(ctx, { __typename: 'Person', idNumber: person.idNumber }, status);
  }
}
