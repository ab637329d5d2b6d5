/**
 * The system's WSDL 1.1 document (document/literal wrapped) with a SOAP 1.2
 * binding (`soap12:binding`, `soap12:operation soapAction`, `soap12:address`),
 * as `GET /social-insurance?wsdl` serves it; the address is built from the
 * request's Host. WS-Security is stated in the documentation only (no
 * WS-Policy), as on most provincial services.
 */
import { escapeXml } from '../population';
import {
  MAX_CONTRIBUTION_RANGE_MONTHS,
  MAX_INSURANCE_STATUS_BATCH,
  SOCIAL_INSURANCE_NAMESPACE,
  SOCIAL_INSURANCE_OPERATIONS,
  socialInsuranceActionOf,
  type SocialInsuranceOperation,
} from './social-insurance-contract';

const REQUEST_TYPES: Readonly<Record<SocialInsuranceOperation, string>> = {
  GetInsuranceStatusByIdNumbers: `<xsd:element name="idNumber" type="tns:IdNumber" minOccurs="0" maxOccurs="${MAX_INSURANCE_STATUS_BATCH}"/>`,
  GetContributionHistory:
    '<xsd:element name="idNumber" type="tns:IdNumber"/><xsd:element name="fromMonth" type="tns:Month"/><xsd:element name="toMonth" type="tns:Month"/>',
};

const RESPONSE_TYPES: Readonly<Record<SocialInsuranceOperation, string>> = {
  GetInsuranceStatusByIdNumbers: `<xsd:element name="insuranceStatus" type="tns:InsuranceStatus" minOccurs="0" maxOccurs="${MAX_INSURANCE_STATUS_BATCH}"/>`,
  GetContributionHistory:
    '<xsd:element name="idNumber" type="tns:IdNumber"/><xsd:element name="fromMonth" type="tns:Month"/><xsd:element name="toMonth" type="tns:Month"/>' +
    '<xsd:element name="contribution" type="tns:Contribution" minOccurs="0" maxOccurs="unbounded"/>',
};

const sequence = (content: string): string => `<xsd:complexType><xsd:sequence>${content}</xsd:sequence></xsd:complexType>`;
const enumeration = (name: string, values: readonly string[]): string =>
  `<xsd:simpleType name="${name}"><xsd:restriction base="xsd:string">${values.map((value) => `<xsd:enumeration value="${value}"/>`).join('')}</xsd:restriction></xsd:simpleType>`;

/** Builds the WSDL; `address` is the endpoint URL written into `soap12:address` (escaped). */
export function buildSocialInsuranceWsdl(address: string): string {
  const ops = SOCIAL_INSURANCE_OPERATIONS;
  const elements = ops
    .map((op) => `<xsd:element name="${op}">${sequence(REQUEST_TYPES[op])}</xsd:element><xsd:element name="${op}Response">${sequence(RESPONSE_TYPES[op])}</xsd:element>`)
    .join('');
  const schema =
    `<xsd:schema targetNamespace="${SOCIAL_INSURANCE_NAMESPACE}" elementFormDefault="qualified">` +
    '<xsd:simpleType name="IdNumber"><xsd:restriction base="xsd:string"><xsd:pattern value="[0-9]{17}[0-9X]"/></xsd:restriction></xsd:simpleType>' +
    `<xsd:simpleType name="Month"><xsd:annotation><xsd:documentation>YYYY-MM; a range is at most ${MAX_CONTRIBUTION_RANGE_MONTHS} months</xsd:documentation></xsd:annotation>` +
    '<xsd:restriction base="xsd:string"><xsd:pattern value="[0-9]{4}-(0[1-9]|1[0-2])"/></xsd:restriction></xsd:simpleType>' +
    enumeration('InsuredStatus', ['insured', 'suspended', 'terminated', 'never']) +
    enumeration('InsuranceType', ['pension', 'medical', 'unemployment', 'work_injury', 'maternity']) +
    '<xsd:complexType name="InsuranceStatus"><xsd:sequence>' +
    '<xsd:element name="idNumber" type="tns:IdNumber"/>' +
    '<xsd:element name="name" type="xsd:string"/>' +
    '<xsd:element name="status" type="tns:InsuredStatus"/>' +
    '<xsd:element name="insuranceType" type="tns:InsuranceType" minOccurs="0" maxOccurs="5"/>' +
    '<xsd:element name="firstContributionMonth" type="tns:Month" nillable="true"/>' +
    '<xsd:element name="lastContributionMonth" type="tns:Month" nillable="true"/>' +
    '<xsd:element name="totalContributionMonths" type="xsd:nonNegativeInteger"/>' +
    '<xsd:element name="payingUnit" type="xsd:string" nillable="true"/>' +
    '</xsd:sequence></xsd:complexType>' +
    '<xsd:complexType name="Contribution"><xsd:annotation><xsd:documentation>amounts in fen (1/100 yuan)</xsd:documentation></xsd:annotation><xsd:sequence>' +
    '<xsd:element name="month" type="tns:Month"/>' +
    '<xsd:element name="insuranceType" type="tns:InsuranceType"/>' +
    '<xsd:element name="baseAmount" type="xsd:long"/>' +
    '<xsd:element name="personalAmount" type="xsd:long"/>' +
    '<xsd:element name="employerAmount" type="xsd:long"/>' +
    '<xsd:element name="payingUnit" type="xsd:string"/>' +
    '</xsd:sequence></xsd:complexType>' +
    `<xsd:element name="SocialInsuranceFault">${sequence('<xsd:element name="code" type="xsd:string"/><xsd:element name="message" type="xsd:string"/>')}</xsd:element>` +
    elements +
    '</xsd:schema>';
  const messages =
    ops
      .map(
        (op) =>
          `<wsdl:message name="${op}Request"><wsdl:part name="parameters" element="tns:${op}"/></wsdl:message>` +
          `<wsdl:message name="${op}Response"><wsdl:part name="parameters" element="tns:${op}Response"/></wsdl:message>`,
      )
      .join('') + '<wsdl:message name="SocialInsuranceFault"><wsdl:part name="fault" element="tns:SocialInsuranceFault"/></wsdl:message>';
  const portType =
    '<wsdl:portType name="SocialInsurancePortType">' +
    ops
      .map(
        (op) =>
          `<wsdl:operation name="${op}"><wsdl:input message="tns:${op}Request"/><wsdl:output message="tns:${op}Response"/>` +
          '<wsdl:fault name="SocialInsuranceFault" message="tns:SocialInsuranceFault"/></wsdl:operation>',
      )
      .join('') +
    '</wsdl:portType>';
  const binding =
    '<wsdl:binding name="SocialInsuranceSoap12Binding" type="tns:SocialInsurancePortType">' +
    '<soap12:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>' +
    ops
      .map(
        (op) =>
          `<wsdl:operation name="${op}"><soap12:operation soapAction="${socialInsuranceActionOf(op)}" soapActionRequired="false" style="document"/>` +
          '<wsdl:input><soap12:body use="literal"/></wsdl:input><wsdl:output><soap12:body use="literal"/></wsdl:output>' +
          '<wsdl:fault name="SocialInsuranceFault"><soap12:fault name="SocialInsuranceFault" use="literal"/></wsdl:fault></wsdl:operation>',
      )
      .join('') +
    '</wsdl:binding>';
  const service =
    '<wsdl:service name="SocialInsuranceService">' +
    '<wsdl:documentation>江苏省社会保险信息系统 (simulated). Every request needs a WS-Security UsernameToken with a PasswordDigest (OASIS WSS UsernameToken Profile 1.1).</wsdl:documentation>' +
    `<wsdl:port name="SocialInsuranceSoap12Port" binding="tns:SocialInsuranceSoap12Binding"><soap12:address location="${escapeXml(address)}"/></wsdl:port></wsdl:service>`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" ' +
    `xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="${SOCIAL_INSURANCE_NAMESPACE}" targetNamespace="${SOCIAL_INSURANCE_NAMESPACE}" name="SocialInsurance">` +
    `<wsdl:types>${schema}</wsdl:types>${messages}${portType}${binding}${service}</wsdl:definitions>`
  );
}
