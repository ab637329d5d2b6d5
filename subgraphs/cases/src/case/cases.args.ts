import 'reflect-metadata';
/**
 * Arguments of `Query.cases`: the page (from the SDK's `PageArgs`) and the
 * filters. One `@ArgsType` keeps the argument order stable in the SDL
 * (type-graphql lists separate `@Arg` parameters in decorator order, last first).
 */
import { PageArgs } from '@govgraph/sdk';
import { ArgsType, Field } from 'type-graphql';
import { CaseStatus } from './case-status';

/** `page`, `pageSize`, `applicantId`, `status`. */
@ArgsType()
export class CasesArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only cases of this applicant: a resident ID number or a unified social credit code.' })
  applicantId?: string | null;

  @Field(() => CaseStatus, { nullable: true, description: 'Only cases in this status.' })
  status?: CaseStatus | null;
}
