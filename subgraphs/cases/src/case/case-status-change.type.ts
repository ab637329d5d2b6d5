import 'reflect-metadata';
/** One entry of a case's status history. */
import { Field, ObjectType } from 'type-graphql';
import { CaseStatus } from './case-status';

/** A status a case entered, when, and the handler's note. */
@ObjectType({ description: 'A status a case entered, when, and the note written with it.' })
export class CaseStatusChange {
  @Field(() => CaseStatus)
  status!: CaseStatus;

  @Field({ description: 'ISO 8601 instant, China time (+08:00).' })
  at!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;
}
