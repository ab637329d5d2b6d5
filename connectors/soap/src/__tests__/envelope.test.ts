import { BadRequestError } from '@govgraph/sdk';
import { buildEnvelope } from '../envelope';
import type { SoapOperation } from '../read-wsdl';
import { SOAP_PROTOCOLS } from '../soap-version';

const soap11 = SOAP_PROTOCOLS['1.1'];
const OPEN = '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><soap:Body>';
const CLOSE = '</soap:Body></soap:Envelope>';

const qualified: SoapOperation = {
  name: 'UpdateAddress',
  soapAction: '',
  style: 'document',
  requestElement: { namespace: 'urn:reg', local: 'UpdateAddress' },
  qualifiedParameters: true,
  responseElement: 'UpdateAddressResponse',
};

describe('buildEnvelope', () => {
  it('wraps parameters in the request element, children in its namespace when qualified', () => {
    expect(buildEnvelope(soap11, qualified, { idNumber: '320102199001011234' })).toBe(
      `${OPEN}<UpdateAddress xmlns="urn:reg"><idNumber>320102199001011234</idNumber></UpdateAddress>${CLOSE}`,
    );
  });

  it('uses a prefixed wrapper so unqualified children have no namespace', () => {
    const op: SoapOperation = { ...qualified, qualifiedParameters: false };
    expect(buildEnvelope(soap11, op, { id: '1' })).toBe(`${OPEN}<m:UpdateAddress xmlns:m="urn:reg"><id>1</id></m:UpdateAddress>${CLOSE}`);
  });

  it('escapes every value and nests objects, repeats arrays, keeps key order', () => {
    const xml = buildEnvelope(soap11, qualified, {
      idNumber: '3201<02>&"\'',
      address: { district: '玄武区', street: 'Line1\r\nLine2' },
      tag: ['a', 'b'],
      count: 3,
      big: 12345678901234567890n,
      active: false,
      since: new Date('2024-05-01T08:00:00Z'),
      former: null,
      skipped: undefined,
    });
    expect(xml).toBe(
      `${OPEN}<UpdateAddress xmlns="urn:reg">` +
        '<idNumber>3201&lt;02&gt;&amp;&quot;&apos;</idNumber>' +
        '<address><district>玄武区</district><street>Line1&#13;\nLine2</street></address>' +
        '<tag>a</tag><tag>b</tag><count>3</count><big>12345678901234567890</big><active>false</active>' +
        '<since>2024-05-01T08:00:00.000Z</since><former xsi:nil="true"/>' +
        `</UpdateAddress>${CLOSE}`,
    );
  });

  it('refuses a value with a character XML cannot carry as the caller\'s bad input', () => {
    expect(() => buildEnvelope(soap11, qualified, { name: 'a\u0000b' })).toThrow(BadRequestError);
    expect(() => buildEnvelope(soap11, qualified, { name: 'a\ud800' })).toThrow(BadRequestError);
  });

  it('refuses element names and values that cannot be sent, as programming errors', () => {
    expect(() => buildEnvelope(soap11, qualified, { 'bad name': 'x' })).toThrow('SOAP parameter "UpdateAddress.bad name" is not a valid XML element name');
    expect(() => buildEnvelope(soap11, qualified, { '<x>': 'x' })).toThrow(/not a valid XML element name/);
    expect(() => buildEnvelope(soap11, qualified, { n: Number.NaN })).toThrow(/pass a finite number/);
    expect(() => buildEnvelope(soap11, qualified, { m: new Map() })).toThrow(/pass plain objects/);
    expect(() => buildEnvelope(soap11, qualified, { l: [['a']] })).toThrow(/list of lists/);
  });
});
