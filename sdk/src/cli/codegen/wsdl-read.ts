/**
 * WSDL 1.1 (+ embedded XSD) → {@link ApiModel}. The common subset of
 * department services: `complexType` with `sequence`/`all` of `element`s,
 * built-in simple types (string, int, long, decimal, boolean, date,
 * dateTime and their relatives), named `simpleType` restrictions (base type,
 * enumerations), `maxOccurs` > 1, nested and inline complex types,
 * `complexContent/extension`, document/literal wrapped and rpc/literal
 * messages. Anything else becomes an `unknown` type and a warning.
 */
import { XMLParser } from 'fast-xml-parser';
import { toCamelIdentifier, toPascalIdentifier } from '../names';
import { selectOperations, type ApiModel, type FieldModel, type ObjectModel, type OperationModel, type ScalarKind, type TypeRef } from './api-model';

type Node = Record<string, unknown>;

/** XSD built-ins by local name. */
const XSD_SCALARS: Readonly<Record<string, ScalarKind>> = {
  string: 'string', normalizedString: 'string', token: 'string', anyURI: 'string', QName: 'string', language: 'string', Name: 'string', NCName: 'string', ID: 'string', IDREF: 'string',
  base64Binary: 'string', hexBinary: 'string', time: 'string', duration: 'string', gYear: 'string', gYearMonth: 'string',
  int: 'int', short: 'int', byte: 'int', unsignedShort: 'int', unsignedByte: 'int',
  integer: 'long', long: 'long', unsignedInt: 'long', unsignedLong: 'long', positiveInteger: 'long', nonNegativeInteger: 'long', negativeInteger: 'long', nonPositiveInteger: 'long',
  decimal: 'decimal', float: 'float', double: 'float',
  boolean: 'boolean', date: 'date', dateTime: 'dateTime',
};

const ALWAYS_ARRAYS = new Set(['schema', 'element', 'complexType', 'simpleType', 'message', 'part', 'operation', 'portType', 'binding', 'enumeration', 'sequence', 'all', 'attribute', 'import', 'include']);

/** Options of {@link readWsdl}. */
export interface ReadWsdlOptions {
  /** Operation names to generate; all when empty. */
  readonly operations?: readonly string[] | undefined;
  /** Object type names that must not be used (the scaffolded entity); a clash gets `prefix`. */
  readonly reservedNames?: readonly string[];
  /** Prefix of renamed clashing types. */
  readonly prefix?: string;
}

/**
 * Reads a WSDL document's chosen operations.
 * @throws Error when the document is not a WSDL, or names an operation it does not have.
 */
export function readWsdl(text: string, options: ReadWsdlOptions = {}): ApiModel {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new Error('the WSDL contains a DOCTYPE or ENTITY declaration; refusing to read it');
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    isArray: (name) => ALWAYS_ARRAYS.has(name),
  });
  const document = parser.parse(text) as Node;
  const definitions = document['definitions'] as Node | undefined;
  if (!definitions) throw new Error('not a WSDL 1.1 document: no <definitions> element');
  const types = (definitions['types'] ?? {}) as Node;
  const schemas = list(types['schema']);
  const xsd = indexSchemas(schemas);
  const warnings: string[] = [];
  const warn = (what: string): void => {
    if (!warnings.includes(what)) warnings.push(what);
  };
  const reserved = new Set(options.reservedNames ?? []);
  const objects = new Map<string, ObjectModel>();
  const building = new Set<string>();

  const objectName = (base: string): string => {
    const pascal = toPascalIdentifier(base);
    return reserved.has(pascal) ? `${options.prefix ?? 'Api'}${pascal}` : pascal;
  };

  const typeOfName = (qname: string, context: string): TypeRef => {
    const local = localName(qname);
    const complex = xsd.complexTypes.get(local);
    if (complex) return objectFromComplexType(complex, local, context);
    const simple = xsd.simpleTypes.get(local);
    if (simple) return typeOfSimpleType(simple, context);
    const scalar = XSD_SCALARS[local];
    if (scalar) return { kind: 'scalar', scalar };
    if (local === 'anyType' || local === 'anySimpleType') {
      warn(`${context}: xsd:${local} (kept as text)`);
      return { kind: 'unknown', todo: `xsd:${local}` };
    }
    warn(`${context}: type "${qname}" is not defined in the WSDL's schemas (kept as text)`);
    return { kind: 'unknown', todo: `type ${qname} not found` };
  };

  const typeOfSimpleType = (simple: Node, context: string): TypeRef => {
    const restriction = simple['restriction'] as Node | undefined;
    if (!restriction) {
      warn(`${context}: a simpleType that is not a restriction (list or union; kept as text)`);
      return { kind: 'unknown', todo: 'simpleType list/union' };
    }
    const values = list(restriction['enumeration']).map((each) => String((each as Node)['@value'] ?? ''));
    if (values.length > 0) return { kind: 'enum', values };
    const base = restriction['@base'];
    if (typeof base === 'string') return typeOfName(base, context);
    const inner = list(restriction['simpleType'])[0] as Node | undefined;
    return inner ? typeOfSimpleType(inner, context) : { kind: 'scalar', scalar: 'string' };
  };

  const objectFromComplexType = (complex: Node, name: string, context: string): TypeRef => {
    const finalName = objectName(name);
    if (objects.has(finalName) || building.has(finalName)) return { kind: 'object', name: finalName };
    building.add(finalName);
    const fields = fieldsOfComplexType(complex, finalName);
    building.delete(finalName);
    objects.set(finalName, { name: finalName, fields, description: documentation(complex) });
    if (fields.length === 0) warn(`${context}: complex type ${finalName} has no elements`);
    return { kind: 'object', name: finalName };
  };

  const fieldsOfComplexType = (complex: Node, owner: string): FieldModel[] => {
    const fields: FieldModel[] = [];
    const extension = ((complex['complexContent'] as Node | undefined)?.['extension'] as Node | undefined) ?? undefined;
    const body = extension ?? complex;
    if (extension && typeof extension['@base'] === 'string') {
      const base = xsd.complexTypes.get(localName(extension['@base']));
      if (base) fields.push(...fieldsOfComplexType(base, owner));
      else warn(`${owner}: extension base "${extension['@base']}" not found`);
    }
    if (complex['complexContent'] && !extension) warn(`${owner}: complexContent restriction (fields not read)`);
    if (complex['simpleContent']) warn(`${owner}: simpleContent (text with attributes; not read)`);
    if (list(body['attribute']).length > 0) warn(`${owner}: attributes are dropped by the SOAP connector and not generated`);
    if (body['choice']) warn(`${owner}: xsd:choice (its elements are not generated)`);
    if (body['any']) warn(`${owner}: xsd:any (not generated)`);
    for (const group of [...list(body['sequence']), ...list(body['all'])]) {
      const groupNode = group as Node;
      if (groupNode['choice']) warn(`${owner}: xsd:choice inside a sequence (its elements are not generated)`);
      if (groupNode['any']) warn(`${owner}: xsd:any inside a sequence (not generated)`);
      if (list(groupNode['sequence']).length > 0) warn(`${owner}: a nested sequence (its elements are not generated)`);
      for (const element of list(groupNode['element'])) fields.push(fieldOfElement(element as Node, owner));
    }
    return fields;
  };

  const fieldOfElement = (element: Node, owner: string): FieldModel => {
    let node = element;
    if (typeof element['@ref'] === 'string') {
      const target = xsd.elements.get(localName(element['@ref']));
      if (target) node = { ...target, '@minOccurs': element['@minOccurs'], '@maxOccurs': element['@maxOccurs'] };
    }
    const wireName = String(node['@name'] ?? localName(String(element['@ref'] ?? 'value')));
    const context = `${owner}.${wireName}`;
    const maxOccurs = String(node['@maxOccurs'] ?? '1');
    const minOccurs = String(node['@minOccurs'] ?? '1');
    let type: TypeRef;
    if (typeof node['@type'] === 'string') type = typeOfName(node['@type'], context);
    else if (list(node['complexType'])[0]) type = objectFromComplexType(list(node['complexType'])[0] as Node, `${owner}${toPascalIdentifier(wireName)}`, context);
    else if (list(node['simpleType'])[0]) type = typeOfSimpleType(list(node['simpleType'])[0] as Node, context);
    else type = { kind: 'scalar', scalar: 'string' };
    return {
      name: safeIdentifier(wireName),
      wireName,
      type,
      list: maxOccurs === 'unbounded' || Number(maxOccurs) > 1,
      optional: minOccurs === '0' || node['@nillable'] === 'true',
      description: documentation(node),
    };
  };

  const available = readOperations(definitions);
  const chosen = selectOperations(available, options.operations, 'the WSDL');
  const messages = new Map(list(definitions['message']).map((message) => [String((message as Node)['@name']), message as Node]));

  const partsOf = (messageName: string | undefined, what: string): { fields: FieldModel[]; wrapper?: string } => {
    if (!messageName) return { fields: [] };
    const message = messages.get(localName(messageName));
    if (!message) {
      warn(`${what}: message "${messageName}" not found`);
      return { fields: [] };
    }
    const parts = list(message['part']).map((part) => part as Node);
    const elementPart = parts.find((part) => typeof part['@element'] === 'string');
    if (elementPart) {
      const elementName = localName(String(elementPart['@element']));
      const element = xsd.elements.get(elementName);
      if (!element) {
        warn(`${what}: element "${elementName}" not found`);
        return { fields: [] };
      }
      const inline = list(element['complexType'])[0] as Node | undefined;
      const named = typeof element['@type'] === 'string' ? xsd.complexTypes.get(localName(element['@type'])) : undefined;
      const complex = inline ?? named;
      return { fields: complex ? fieldsOfComplexType(complex, toPascalIdentifier(elementName)) : [], wrapper: elementName };
    }
    return {
      fields: parts.map((part) => {
        const wireName = String(part['@name'] ?? 'part');
        return { name: safeIdentifier(wireName), wireName, type: typeOfName(String(part['@type'] ?? 'string'), `${what}.${wireName}`), list: false, optional: false };
      }),
    };
  };

  const operations: OperationModel[] = chosen.map((operation) => {
    const typeName = toPascalIdentifier(operation.name);
    const input = partsOf(operation.input, `${operation.name} request`);
    const output = partsOf(operation.output, `${operation.name} response`);
    let response: OperationModel['response'];
    if (output.fields.length > 0) {
      const name = objectName(output.wrapper ?? `${typeName}Response`);
      if (!objects.has(name)) objects.set(name, { name, fields: output.fields, description: `The answer of ${operation.name}.` });
      response = { type: { kind: 'object', name }, list: false };
    }
    return {
      wireName: operation.name,
      functionName: toCamelIdentifier(operation.name),
      typeName,
      read: /^(get|find|search|list|query|lookup|fetch|read|check|count|verify|validate)/i.test(operation.name),
      description: operation.documentation,
      params: input.fields,
      response,
      protocol: { kind: 'soap', arrays: [] },
    };
  });

  const arrays = [...new Set([...objects.values()].flatMap((object) => object.fields.filter((field) => field.list).map((field) => field.wireName)))];
  return {
    objects: [...objects.values()],
    operations: operations.map((operation) => ({ ...operation, protocol: { kind: 'soap', arrays } })),
    warnings,
  };
}

interface WsdlOperation {
  readonly name: string;
  readonly input?: string | undefined;
  readonly output?: string | undefined;
  readonly documentation?: string | undefined;
}

function readOperations(definitions: Node): WsdlOperation[] {
  const operations: WsdlOperation[] = [];
  for (const portType of list(definitions['portType'])) {
    for (const operation of list((portType as Node)['operation'])) {
      const node = operation as Node;
      const name = String(node['@name'] ?? '');
      if (!name || operations.some((each) => each.name === name)) continue;
      operations.push({
        name,
        input: attribute(node['input'], '@message'),
        output: attribute(node['output'], '@message'),
        documentation: textOf(node['documentation']),
      });
    }
  }
  return operations;
}

interface SchemaIndex {
  readonly elements: Map<string, Node>;
  readonly complexTypes: Map<string, Node>;
  readonly simpleTypes: Map<string, Node>;
}

function indexSchemas(schemas: readonly unknown[]): SchemaIndex {
  const index: SchemaIndex = { elements: new Map(), complexTypes: new Map(), simpleTypes: new Map() };
  for (const schema of schemas) {
    const node = schema as Node;
    for (const element of list(node['element'])) index.elements.set(String((element as Node)['@name']), element as Node);
    for (const complex of list(node['complexType'])) index.complexTypes.set(String((complex as Node)['@name']), complex as Node);
    for (const simple of list(node['simpleType'])) index.simpleTypes.set(String((simple as Node)['@name']), simple as Node);
  }
  return index;
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  return Array.isArray(value) ? value : [value];
}

function localName(qname: string): string {
  const colon = qname.lastIndexOf(':');
  return colon === -1 ? qname : qname.slice(colon + 1);
}

function attribute(value: unknown, name: string): string | undefined {
  const node = list(value)[0] as Node | undefined;
  const found = node?.[name];
  return typeof found === 'string' ? found : undefined;
}

function documentation(node: Node): string | undefined {
  return textOf((node['annotation'] as Node | undefined)?.['documentation']);
}

function textOf(value: unknown): string | undefined {
  const first = list(value)[0];
  if (typeof first === 'string') return first.trim() || undefined;
  if (first && typeof first === 'object' && typeof (first as Node)['#text'] === 'string') return String((first as Node)['#text']).trim() || undefined;
  return undefined;
}

/** A wire name as a TypeScript/GraphQL identifier (`person-name` → `personName`). */
function safeIdentifier(wireName: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(wireName) && !wireName.startsWith('__') ? wireName : toCamelIdentifier(wireName);
}
