import 'reflect-metadata';
/**
 * `union Applicant = Person | Enterprise`: who applied for a case. This
 * subgraph returns only the key (a reference the gateway resolves in the
 * users subgraph); `__typename` picks the member.
 */
import { createUnionType } from 'type-graphql';
import { Enterprise } from '../enterprise/enterprise.type';
import { Person } from '../person/person.type';

/** A reference to the person who applied. */
export interface PersonApplicant {
  readonly __typename: 'Person';
  readonly idNumber: string;
}

/** A reference to the enterprise that applied. */
export interface EnterpriseApplicant {
  readonly __typename: 'Enterprise';
  readonly creditCode: string;
}

/** What `Case.applicant` resolves to. */
export type ApplicantReference = PersonApplicant | EnterpriseApplicant;

/** The GraphQL union of the two applicant kinds. */
export const Applicant = createUnionType({
  name: 'Applicant',
  description: 'Who applied: a natural person or an enterprise.',
  types: () => [Person, Enterprise] as const,
  resolveType: (value) => (value as unknown as ApplicantReference).__typename,
});
