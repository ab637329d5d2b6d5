import 'reflect-metadata';
/**
 * Whether an applicant (or a licence holder) is a natural or a legal person.
 * Defined identically in the licences subgraph: a shared enum must have the
 * same values in every subgraph for composition.
 */
import { registerEnumType } from 'type-graphql';

/** A natural person (`PERSON`, keyed by resident ID number) or a legal person (`ENTERPRISE`, keyed by credit code). */
export enum HolderKind {
  PERSON = 'PERSON',
  ENTERPRISE = 'ENTERPRISE',
}

registerEnumType(HolderKind, { name: 'HolderKind' });
