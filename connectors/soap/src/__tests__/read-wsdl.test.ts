import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MalformedXmlError, UnsafeXmlError } from '../parse-safe-xml';
import { readWsdl, WsdlError } from '../read-wsdl';
import { SOAP_PROTOCOLS } from '../soap-version';

const soap11 = SOAP_PROTOCOLS['1.1'];
const soap12 = SOAP_PROTOCOLS['1.2'];
const fixture = (name: string): string => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

describe('readWsdl', () => {
  it('reads a document/literal WSDL through its SOAP 1.1 binding, whatever the prefixes', () => {
    const service = readWsdl(fixture('population-registry.wsdl'), soap11);
    expect(service.targetNamespace).toBe('urn:gov:population:person:v1');
    expect(service.address).toBe('http://registry.internal.invalid/PersonService');
    expect([...service.operations.keys()]).toEqual(['GetPerson', 'FindPersons', 'UpdateAddress']);
    expect(service.operations.get('GetPerson')).toEqual({
      name: 'GetPerson',
      soapAction: 'urn:gov:population:person:v1:GetPerson',
      style: 'document',
      requestElement: { namespace: 'urn:gov:population:person:v1', local: 'GetPerson' },
      qualifiedParameters: true,
      responseElement: 'GetPersonResponse',
    });
    expect(service.operations.get('FindPersons')?.responseElement).toBe('FindPersonsResult');
    expect(service.operations.get('UpdateAddress')?.soapAction).toBe('');
  });

  it('reads an rpc/literal WSDL: the wrapper is the operation in the soap:body namespace', () => {
    const service = readWsdl(fixture('licence-archive-rpc.wsdl'), soap11);
    expect(service.address).toBe('http://archive.internal.invalid/axis/services/Archive');
    expect(service.operations.get('countLicences')).toEqual({
      name: 'countLicences',
      soapAction: 'countLicences',
      style: 'rpc',
      requestElement: { namespace: 'urn:archive:ops', local: 'countLicences' },
      qualifiedParameters: false,
      responseElement: 'countLicencesResponse',
    });
  });

  it('treats parameters as unqualified when the schema says nothing', () => {
    const wsdl = fixture('population-registry.wsdl').replace(' elementFormDefault="qualified"', '');
    expect(readWsdl(wsdl, soap11).operations.get('GetPerson')?.qualifiedParameters).toBe(false);
  });

  it('refuses a document that is not a WSDL', () => {
    expect(() => readWsdl('<html><body>Service unavailable</body></html>', soap11)).toThrow(WsdlError);
  });

  it('refuses a WSDL without a SOAP 1.1 binding', () => {
    const onlySoap12 = fixture('population-registry.wsdl').replace(/<binding name="PersonSoapBinding"[\s\S]*?<\/binding>/, '');
    expect(() => readWsdl(onlySoap12, soap11)).toThrow('unusable WSDL: no SOAP 1.1 binding');
  });

  it('refuses a truncated WSDL', () => {
    const text = fixture('population-registry.wsdl');
    expect(() => readWsdl(text.slice(0, text.length / 2), soap11)).toThrow(MalformedXmlError);
  });

  it('refuses a WSDL with a DOCTYPE', () => {
    const text = fixture('population-registry.wsdl').replace('<definitions', '<!DOCTYPE definitions [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<definitions');
    expect(() => readWsdl(text, soap11)).toThrow(UnsafeXmlError);
  });

  it('reads the soap12 binding for SOAP 1.2, and the first offered of several candidate versions', () => {
    const service = readWsdl(fixture('population-registry.wsdl'), soap12);
    expect(service.soapVersion).toBe('1.2');
    expect(service.address).toBe('http://registry.internal.invalid/soap12/PersonService');
    expect(service.operations.get('GetPerson')?.soapAction).toBe('urn:gov:population:person:v1:GetPerson:soap12');
    expect(readWsdl(fixture('population-registry.wsdl'), [soap12, soap11]).soapVersion).toBe('1.2');
    expect(readWsdl(fixture('licence-archive-rpc.wsdl'), [soap12, soap11]).soapVersion).toBe('1.1');
    expect(() => readWsdl(fixture('licence-archive-rpc.wsdl'), soap12)).toThrow('unusable WSDL: no SOAP 1.2 binding');
  });
});
