import 'reflect-metadata';
/**
 * The workflow states of a case (办件状态) as GraphQL shows them. The
 * case-handling system writes them in lower case (`in_review`);
 * `case.mapping.ts` converts at the edge so resolvers only see these.
 */
import { registerEnumType } from 'type-graphql';

/** A case's workflow state. Allowed moves between them: `case-workflow.ts`. */
export enum CaseStatus {
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  IN_REVIEW = 'IN_REVIEW',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  COMPLETED = 'COMPLETED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(CaseStatus, {
  name: 'CaseStatus',
  description: 'Workflow state of a case (办件状态).',
});
