import { legacy } from './population-wsdl';

const { buildPopulationWsdl, POPULATION_OPERATIONS } = legacy;
import { emitClient } from '../codegen/emit-client';
import { emitGraphql } from '../codegen/emit-graphql';
import { readWsdl } from '../codegen/wsdl-read';

const WSDL = buildPopulationWsdl('http://127.0.0.1:1/population');

describe('readWsdl (the population registry)', () => {
  const model = readWsdl(WSDL, { operations: ['GetPersonByIdNumber', 'GetPersonsByIdNumbers', 'SearchPersons'] });

  it('reads the chosen operations with their request parameters', () => {
    expect(model.operations.map((operation) => [operation.wireName, operation.functionName, operation.read])).toEqual([
      ['GetPersonByIdNumber', 'getPersonByIdNumber', true],
      ['GetPersonsByIdNumbers', 'getPersonsByIdNumbers', true],
      ['SearchPersons', 'searchPersons', true],
    ]);
    const search = model.operations[2]!;
    expect(search.params).toEqual([
      expect.objectContaining({ name: 'namePrefix', type: { kind: 'scalar', scalar: 'string' }, list: false, optional: true }),
      expect.objectContaining({ name: 'page', type: { kind: 'scalar', scalar: 'long' }, optional: true }),
      expect.objectContaining({ name: 'pageSize', type: { kind: 'scalar', scalar: 'int' }, optional: true }),
    ]);
    expect(model.operations[1]!.params[0]).toEqual(expect.objectContaining({ name: 'idNumber', list: true }));
  });

  it('maps XSD types, simpleType restrictions and enumerations', () => {
    const person = model.objects.find((object) => object.name === 'Person')!;
    const types = Object.fromEntries(person.fields.map((field) => [field.name, field.type]));
    expect(types).toEqual({
      id: { kind: 'scalar', scalar: 'string' },
      idNumber: { kind: 'scalar', scalar: 'string' },
      name: { kind: 'scalar', scalar: 'string' },
      gender: { kind: 'enum', values: ['M', 'F'] },
      birthDate: { kind: 'scalar', scalar: 'date' },
      phone: { kind: 'scalar', scalar: 'string' },
      address: { kind: 'scalar', scalar: 'string' },
    });
  });

  it('makes response wrappers objects, with repeated elements as lists and names for the arrays option', () => {
    const response = model.objects.find((object) => object.name === 'GetPersonsByIdNumbersResponse')!;
    expect(response.fields).toEqual([expect.objectContaining({ name: 'person', type: { kind: 'object', name: 'Person' }, list: true })]);
    expect(model.operations[0]!.protocol).toEqual({ kind: 'soap', arrays: ['person'] });
    expect(model.warnings).toEqual([]);
  });

  it('reads every operation when none is chosen, and refuses an unknown one', () => {
    expect(readWsdl(WSDL).operations.map((operation) => operation.wireName)).toEqual([...POPULATION_OPERATIONS]);
    expect(() => readWsdl(WSDL, { operations: ['GetPerson'] })).toThrow(/no operation "GetPerson"; it has: GetPersonByIdNumber/);
  });

  it('renames a type that clashes with a reserved name', () => {
    const renamed = readWsdl(WSDL, { operations: ['GetPersonByIdNumber'], reservedNames: ['Person'], prefix: 'Persons' });
    expect(renamed.objects.map((object) => object.name)).toContain('PersonsPerson');
  });

  it('emits typed client functions and type-graphql classes', () => {
    const client = emitClient(model, { pascal: 'Persons', origin: 'population.wsdl', kind: 'soap' });
    expect(client).toContain("export interface Person {\n  readonly id: string;");
    expect(client).toContain("readonly gender: 'M' | 'F';");
    expect(client).toContain('getPersonByIdNumber(request: GetPersonByIdNumberRequest): Promise<GetPersonByIdNumberResponse>;');
    expect(client).toContain("source.call<unknown>('GetPersonsByIdNumbers', { idNumber: request.idNumber ?? undefined }, { arrays: ['person'] })");
    expect(client).toContain("pageSize: one(record, 'pageSize', path, decodeInt)");
    const graphql = emitGraphql(model, { pascal: 'Persons', kebab: 'persons', origin: 'population.wsdl' });
    expect(graphql.typesFile).toContain('@ObjectType()\nexport class Person {');
    expect(graphql.typesFile).toContain("@Field(() => [Person])\n  person!: Person[];");
    expect(graphql.typesFile).toContain("@Field(() => Int)\n  pageSize!: number;");
    expect(graphql.queries).toEqual(['getPersonByIdNumber', 'getPersonsByIdNumbers', 'searchPersons']);
    expect(graphql.resolverFile).toContain("@Arg('idNumber', () => String) idNumber: string");
  });
});

describe('readWsdl (constructs outside the common subset)', () => {
  const wsdl = `<?xml version="1.0"?>
<definitions xmlns="http://schemas.xmlsoap.org/wsdl/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:t" targetNamespace="urn:t">
  <types><xs:schema targetNamespace="urn:t">
    <xs:complexType name="Base"><xs:sequence><xs:element name="code" type="xs:string"/></xs:sequence></xs:complexType>
    <xs:complexType name="Item"><xs:complexContent><xs:extension base="tns:Base"><xs:sequence>
      <xs:element name="amount" type="xs:decimal"/><xs:element name="active" type="xs:boolean"/><xs:element name="at" type="xs:dateTime"/>
      <xs:element name="blob" type="xs:anyType"/><xs:element name="tags" type="xs:string" maxOccurs="unbounded"/>
      <xs:element name="detail"><xs:complexType><xs:sequence><xs:element name="note" type="xs:string" minOccurs="0"/></xs:sequence></xs:complexType></xs:element>
    </xs:sequence><xs:attribute name="version" type="xs:int"/></xs:extension></xs:complexContent></xs:complexType>
    <xs:element name="ListItems"><xs:complexType><xs:sequence><xs:element name="count" type="xs:int"/></xs:sequence></xs:complexType></xs:element>
    <xs:element name="ListItemsResponse"><xs:complexType><xs:sequence><xs:element name="item" type="tns:Item" maxOccurs="unbounded"/></xs:sequence></xs:complexType></xs:element>
  </xs:schema></types>
  <message name="In"><part name="parameters" element="tns:ListItems"/></message>
  <message name="Out"><part name="parameters" element="tns:ListItemsResponse"/></message>
  <portType name="P"><operation name="ListItems"><input message="tns:In"/><output message="tns:Out"/></operation></portType>
</definitions>`;

  it('merges extensions, reads nested types, and warns about what it keeps as unknown', () => {
    const model = readWsdl(wsdl);
    const item = model.objects.find((object) => object.name === 'Item')!;
    expect(item.fields.map((field) => [field.name, field.type.kind === 'scalar' ? field.type.scalar : field.type.kind, field.list])).toEqual([
      ['code', 'string', false],
      ['amount', 'decimal', false],
      ['active', 'boolean', false],
      ['at', 'dateTime', false],
      ['blob', 'unknown', false],
      ['tags', 'string', true],
      ['detail', 'object', false],
    ]);
    expect(model.objects.find((object) => object.name === 'ItemDetail')?.fields[0]).toEqual(expect.objectContaining({ name: 'note', optional: true }));
    expect([...model.warnings].sort()).toEqual(['Item.blob: xsd:anyType (kept as text)', 'Item: attributes are dropped by the SOAP connector and not generated']);
    const client = emitClient(model, { pascal: 'T', origin: 't.wsdl', kind: 'soap' });
    expect(client).toContain('readonly blob: unknown; // TODO(govgraph): xsd:anyType; kept as its JSON text');
    const graphql = emitGraphql(model, { pascal: 'T', kebab: 't', origin: 't.wsdl' });
    expect(graphql.typesFile).toContain('// TODO(govgraph): xsd:anyType; served as its JSON text.');
  });

  it('refuses a document with a DOCTYPE, and one that is not a WSDL', () => {
    expect(() => readWsdl('<!DOCTYPE x [<!ENTITY a "b">]><definitions/>')).toThrow(/DOCTYPE/);
    expect(() => readWsdl('<html/>')).toThrow(/not a WSDL 1.1 document/);
  });
});
