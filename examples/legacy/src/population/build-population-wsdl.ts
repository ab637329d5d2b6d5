/**
 * The registry's WSDL 1.1 document (document/literal wrapped), as
 * `GET /population?wsdl` serves it: an embedded XSD for every message,
 * messages, portType, a SOAP 1.1 binding with one soapAction per operation,
 * and a service whose address is built from the request's Host, so code
 * generators and SOAP clients can be pointed at the simulator as at the real
 * registry.
 */
import { MAX_PERSON_BATCH, POPULATION_NAMESPACE, POPULATION_OPERATIONS, soapActionOf, type PopulationOperation } from './population-contract';
import { escapeXml } from './xml/escape-xml';

const REQUEST_TYPES: Readonly<Record<PopulationOperation, string>> = {
  GetPersonByIdNumber: '<xsd:element name="idNumber" type="tns:IdNumber"/>',
  GetPersonsByIdNumbers: `<xsd:element name="idNumber" type="tns:IdNumber" minOccurs="0" maxOccurs="${MAX_PERSON_BATCH}"/>`,
  GetPersonsByIds: `<xsd:element name="id" type="xsd:string" minOccurs="0" maxOccurs="${MAX_PERSON_BATCH}"/>`,
  SearchPersons:
    '<xsd:element name="namePrefix" type="xsd:string" minOccurs="0"/>' +
    '<xsd:element name="page" type="xsd:positiveInteger" minOccurs="0" default="1"/>' +
    '<xsd:element name="pageSize" type="tns:PageSize" minOccurs="0" default="20"/>',
};

const RESPONSE_TYPES: Readonly<Record<PopulationOperation, string>> = {
  GetPersonByIdNumber: '<xsd:element name="person" type="tns:Person" minOccurs="0"/>',
  GetPersonsByIdNumbers: `<xsd:element name="person" type="tns:Person" minOccurs="0" maxOccurs="${MAX_PERSON_BATCH}"/>`,
  GetPersonsByIds: `<xsd:element name="person" type="tns:Person" minOccurs="0" maxOccurs="${MAX_PERSON_BATCH}"/>`,
  SearchPersons:
    '<xsd:element name="total" type="xsd:nonNegativeInteger"/>' +
    '<xsd:element name="page" type="xsd:positiveInteger"/>' +
    '<xsd:element name="pageSize" type="tns:PageSize"/>' +
    '<xsd:element name="person" type="tns:Person" minOccurs="0" maxOccurs="100"/>',
};

const sequence = (content: string): string => `<xsd:complexType><xsd:sequence>${content}</xsd:sequence></xsd:complexType>`;

/** Builds the WSDL; `address` is the endpoint URL written into `soap:address` (escaped). */
export function buildPopulationWsdl(address: string): string {
  const ops = POPULATION_OPERATIONS;
  const elements = ops
    .map((op) => `<xsd:element name="${op}">${sequence(REQUEST_TYPES[op])}</xsd:element><xsd:element name="${op}Response">${sequence(RESPONSE_TYPES[op])}</xsd:element>`)
    .join('');
  const schema =
    `<xsd:schema targetNamespace="${POPULATION_NAMESPACE}" elementFormDefault="qualified">` +
    '<xsd:simpleType name="IdNumber"><xsd:annotation><xsd:documentation>18-character resident ID number (GB 11643)</xsd:documentation></xsd:annotation>' +
    '<xsd:restriction base="xsd:string"><xsd:pattern value="[0-9]{17}[0-9X]"/></xsd:restriction></xsd:simpleType>' +
    `<xsd:simpleType name="PageSize"><xsd:restriction base="xsd:int"><xsd:minInclusive value="1"/><xsd:maxInclusive value="100"/></xsd:restriction></xsd:simpleType>` +
    '<xsd:simpleType name="Gender"><xsd:restriction base="xsd:string"><xsd:enumeration value="M"/><xsd:enumeration value="F"/></xsd:restriction></xsd:simpleType>' +
    '<xsd:complexType name="Person"><xsd:sequence>' +
    '<xsd:element name="id" type="xsd:string"/>' +
    '<xsd:element name="idNumber" type="tns:IdNumber"/>' +
    '<xsd:element name="name" type="xsd:string"/>' +
    '<xsd:element name="gender" type="tns:Gender"/>' +
    '<xsd:element name="birthDate" type="xsd:date"/>' +
    '<xsd:element name="phone" type="xsd:string"/>' +
    '<xsd:element name="address" type="xsd:string"/>' +
    '</xsd:sequence></xsd:complexType>' +
    `<xsd:element name="PopulationFault">${sequence('<xsd:element name="code" type="xsd:string"/><xsd:element name="message" type="xsd:string"/>')}</xsd:element>` +
    elements +
    '</xsd:schema>';
  const messages =
    ops.map((op) => `<wsdl:message name="${op}Request"><wsdl:part name="parameters" element="tns:${op}"/></wsdl:message>` + `<wsdl:message name="${op}Response"><wsdl:part name="parameters" element="tns:${op}Response"/></wsdl:message>`).join('') +
    '<wsdl:message name="PopulationFault"><wsdl:part name="fault" element="tns:PopulationFault"/></wsdl:message>';
  const portType =
    '<wsdl:portType name="PopulationRegistryPortType">' +
    ops.map((op) => `<wsdl:operation name="${op}"><wsdl:input message="tns:${op}Request"/><wsdl:output message="tns:${op}Response"/><wsdl:fault name="PopulationFault" message="tns:PopulationFault"/></wsdl:operation>`).join('') +
    '</wsdl:portType>';
  const binding =
    '<wsdl:binding name="PopulationRegistrySoapBinding" type="tns:PopulationRegistryPortType">' +
    '<soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>' +
    ops
      .map(
        (op) =>
          `<wsdl:operation name="${op}"><soap:operation soapAction="${soapActionOf(op)}" style="document"/>` +
          '<wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output>' +
          '<wsdl:fault name="PopulationFault"><soap:fault name="PopulationFault" use="literal"/></wsdl:fault></wsdl:operation>',
      )
      .join('') +
    '</wsdl:binding>';
  const service =
    '<wsdl:service name="PopulationRegistryService"><wsdl:documentation>江苏省人口基础信息库 (simulated)</wsdl:documentation>' +
    `<wsdl:port name="PopulationRegistryPort" binding="tns:PopulationRegistrySoapBinding"><soap:address location="${escapeXml(address)}"/></wsdl:port></wsdl:service>`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" ' +
    `xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="${POPULATION_NAMESPACE}" targetNamespace="${POPULATION_NAMESPACE}" name="PopulationRegistry">` +
    `<wsdl:types>${schema}</wsdl:types>${messages}${portType}${binding}${service}</wsdl:definitions>`
  );
}
