/**
 * The registry's operations: read the (already routed) request element,
 * validate it against the contract, answer with the response element or a
 * `soap:Client` fault. Not found is an empty answer, never a fault.
 */
import { parsePagination } from '../harness';
import { MAX_PERSON_BATCH, POPULATION_NAMESPACE, clientFault, type PopulationFault, type PopulationOperation } from './population-contract';
import type { PersonRegistry } from './person-registry';
import { personToXml } from './person-xml';
import type { XmlElement } from './xml/parse-xml-document';

/** The response element (serialised) or a fault. */
export type OperationResult = { readonly ok: true; readonly xml: string } | { readonly ok: false; readonly fault: PopulationFault };

/** Which child elements each request element may hold. */
const ALLOWED_CHILDREN: Readonly<Record<PopulationOperation, readonly string[]>> = {
  GetPersonByIdNumber: ['idNumber'],
  GetPersonsByIdNumbers: ['idNumber'],
  GetPersonsByIds: ['id'],
  SearchPersons: ['namePrefix', 'page', 'pageSize'],
};

/**
 * Runs one operation. `request` is the operation element of the SOAP body,
 * or `undefined` when only the SOAPAction named the operation (empty body).
 */
export function executePopulationOperation(registry: PersonRegistry, operation: PopulationOperation, request: XmlElement | undefined): OperationResult {
  const children = request?.children ?? [];
  const unexpected = children.find((child) => child.namespace !== POPULATION_NAMESPACE || !ALLOWED_CHILDREN[operation].includes(child.localName));
  if (unexpected) {
    const expected = ALLOWED_CHILDREN[operation].map((name) => `{${POPULATION_NAMESPACE}}${name}`).join(', ');
    return invalid(`unexpected element {${unexpected.namespace ?? ''}}${unexpected.localName} in ${operation}; expected ${expected}`);
  }
  const values = (name: string): string[] => children.filter((child) => child.localName === name).map((child) => child.text.trim());
  const single = (name: string): string | undefined | 'repeated' => {
    const found = values(name);
    return found.length > 1 ? 'repeated' : found[0];
  };

  switch (operation) {
    case 'GetPersonByIdNumber': {
      const idNumber = single('idNumber');
      if (idNumber === 'repeated') return invalid('idNumber must appear once');
      if (!idNumber) return invalid('idNumber is required');
      const person = registry.getByIdNumber(idNumber);
      return respond(operation, person ? personToXml(person) : '');
    }
    case 'GetPersonsByIdNumbers':
    case 'GetPersonsByIds': {
      const field = operation === 'GetPersonsByIds' ? 'id' : 'idNumber';
      const keys = values(field);
      if (keys.length > MAX_PERSON_BATCH) {
        return { ok: false, fault: clientFault('TOO_MANY_KEYS', `at most ${MAX_PERSON_BATCH} ${field} elements per request, got ${keys.length}`) };
      }
      if (keys.some((key) => key === '')) return invalid(`${field} must not be empty`);
      const persons = operation === 'GetPersonsByIds' ? registry.getManyByIds(keys) : registry.getManyByIdNumbers(keys);
      return respond(operation, persons.map(personToXml).join(''));
    }
    case 'SearchPersons': {
      const namePrefix = single('namePrefix');
      const page = single('page');
      const pageSize = single('pageSize');
      if (namePrefix === 'repeated' || page === 'repeated' || pageSize === 'repeated') return invalid('namePrefix, page and pageSize may each appear once');
      const pagination = parsePagination(page || undefined, pageSize || undefined);
      if (!pagination.ok) return invalid(pagination.problems.map((problem) => problem.message).join('; '));
      const { total, items } = registry.searchByNamePrefix(namePrefix ?? '', pagination.value);
      const { page: number, pageSize: size } = pagination.value;
      return respond(operation, `<pop:total>${total}</pop:total><pop:page>${number}</pop:page><pop:pageSize>${size}</pop:pageSize>${items.map(personToXml).join('')}`);
    }
  }
}

function respond(operation: PopulationOperation, content: string): OperationResult {
  return { ok: true, xml: `<pop:${operation}Response xmlns:pop="${POPULATION_NAMESPACE}">${content}</pop:${operation}Response>` };
}

function invalid(message: string): OperationResult {
  return { ok: false, fault: clientFault('INVALID_ARGUMENT', message) };
}
