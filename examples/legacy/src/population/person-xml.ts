/**
 * The wire shape of a person: a `pop:person` element whose children follow
 * the WSDL's `tns:Person` sequence order.
 */
import type { PersonRecord } from '../data/types';
import { escapeXml } from './xml/escape-xml';

/** Field order of `tns:Person` (the XSD is a sequence, so order matters). */
export const PERSON_FIELDS = Object.freeze(['id', 'idNumber', 'name', 'gender', 'birthDate', 'phone', 'address'] as const);

/** Serialises one person with the `pop` prefix (declared by the enclosing response element). */
export function personToXml(person: PersonRecord): string {
  const fields = PERSON_FIELDS.map((field) => `<pop:${field}>${escapeXml(person[field])}</pop:${field}>`).join('');
  return `<pop:person>${fields}</pop:person>`;
}
