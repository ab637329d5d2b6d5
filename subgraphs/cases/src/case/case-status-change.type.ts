import 'reflect-metadata';
/** One entry of a case's status history. */
import { Grade } from '@govgraph/sdk';
import { Field, ObjectType } from 'type-graphql';
import { CaseStatus } from './case-status';

/** A status a case entered, when, and the handler's note. */
@ObjectType({ description: 'A status a case entered, when, and the note written with it.' })
export class CaseStatusChange {
  @Field(() => CaseStatus)
  @Grade('L2')
  status!: CaseStatus;

  @Field({ description: 'ISO 8601 instant, China time (+08:00).' })
  @Grade('L2')
  at!: string;

  @Field(() => String, { nullable: true })
  @Grade('L3')
  note!: string | null;
}
