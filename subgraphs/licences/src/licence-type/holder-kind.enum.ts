import { registerEnumType } from 'type-graphql';

/**
 * Who can hold a licence: a natural person (keyed by resident ID number) or
 * a legal person (keyed by unified social credit code). Defined identically
 * in the cases subgraph (`SubmitCaseInput.applicantKind`), as Federation
 * requires of a shared enum.
 */
export enum HolderKind {
  PERSON = 'PERSON',
  ENTERPRISE = 'ENTERPRISE',
}

registerEnumType(HolderKind, {
  name: 'HolderKind',
  description: 'A natural person (自然人) or a legal person (法人).',
});
