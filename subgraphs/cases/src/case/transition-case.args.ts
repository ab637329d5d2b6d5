import 'reflect-metadata';
/**
 * Arguments of `Mutation.transitionCase`, as one `@ArgsType` so they appear
 * in the SDL in this order. Checked by `parseTransitionCaseArguments`.
 */
import { ArgsType, Field } from 'type-graphql';
import { CaseStatus } from './case-status';

/** `number`, `to`, `note`, `resultLicenceNumbers`. */
@ArgsType()
export class TransitionCaseArgs {
  @Field({ description: 'The case to move.' })
  number!: string;

  @Field(() => CaseStatus, { description: 'The status to move it to; see Case.allowedTransitions.' })
  to!: CaseStatus;

  @Field(() => String, { nullable: true, description: 'At most 500 characters, kept in the history.' })
  note?: string | null;

  @Field(() => [String], { nullable: true, description: 'Licences issued as the result; only with to: COMPLETED.' })
  resultLicenceNumbers?: string[] | null;
}
