import 'reflect-metadata';
/**
 * `Case` (办件): an application for a service item, moving through the
 * workflow of `case-workflow.ts`. Owned by this subgraph, keyed by its
 * number. `applicant`, `service` and `resultLicences` are references that
 * the gateway resolves in the users, services and licences subgraphs.
 */
import { Grade } from '@govgraph/sdk';
import { Directive, Field, ObjectType } from 'type-graphql';
import { Applicant, type ApplicantReference } from '../applicant/applicant.type';
import { LicenceReference } from '../licence/licence.type';
import { ServiceReference } from '../service/service.type';
import { CaseStatus } from './case-status';
import { CaseStatusChange } from './case-status-change.type';

/** A case as resolvers return it (`allowedTransitions` is derived by a field resolver). */
@ObjectType({ description: 'A case (办件) of the city case-handling system.' })
@Directive('@key(fields: "number")')
export class Case {
  @Field({ description: 'Case number, e.g. SZ2025030400123.' })
  @Grade('L2')
  number!: string;

  @Field(() => Applicant, { nullable: true, description: 'Null only when the users subgraph cannot answer for this applicant.' })
  @Grade('L2')
  applicant!: ApplicantReference;

  @Field(() => ServiceReference, { nullable: true, description: 'Null only when the services subgraph cannot answer for this item.' })
  @Grade('L2')
  service!: ServiceReference;

  @Field({ description: 'ISO 8601 instant, China time (+08:00).' })
  @Grade('L2')
  submittedAt!: string;

  @Field(() => CaseStatus)
  @Grade('L2')
  status!: CaseStatus;

  @Field(() => [CaseStatusChange], { description: 'Oldest first; the first entry is SUBMITTED.' })
  @Grade('L3')
  history!: CaseStatusChange[];

  @Field(() => [LicenceReference], { nullable: true, description: 'Licences issued as the result of a completed case.' })
  @Grade('L2')
  resultLicences!: LicenceReference[];
}
