import 'reflect-metadata';
/** `SubmitCaseInput`: what `submitCase` takes. Checked by `parseSubmitCaseInput`. */
import { Field, InputType } from 'type-graphql';
import { HolderKind } from '../applicant/holder-kind';

/** A new case: who applies, for which service item, with an optional note and idempotency key. */
@InputType({ description: 'A new case. Repeat a submission with the same idempotencyKey to get the same case back.' })
export class SubmitCaseInput {
  @Field(() => HolderKind)
  applicantKind!: HolderKind;

  @Field({ description: 'Resident ID number (PERSON) or unified social credit code (ENTERPRISE).' })
  applicantId!: string;

  @Field({ description: 'Item code of the service applied for.' })
  serviceCode!: string;

  @Field(() => String, { nullable: true, description: 'At most 500 characters.' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'Makes a retried submission return the case the first one opened.' })
  idempotencyKey?: string | null;
}
