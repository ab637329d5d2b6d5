import { MalformedXmlError, parseSafeXml, UnsafeXmlError } from '../parse-safe-xml';
import { readEnvelope } from '../read-envelope';
import { SOAP_PROTOCOLS } from '../soap-version';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol9 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
]>
<lolz>&lol9;</lolz>`;

describe('parseSafeXml', () => {
  const options = { removeNSPrefix: true, ignoreAttributes: true };

  it('refuses the billion laughs document', () => {
    expect(() => parseSafeXml(BILLION_LAUGHS, options)).toThrow(UnsafeXmlError);
  });

  it('refuses an external entity (XXE) and a lone ENTITY declaration', () => {
    expect(() => parseSafeXml('<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>', options)).toThrow(UnsafeXmlError);
    expect(() => parseSafeXml('<r><!ENTITY x "y"></r>', options)).toThrow(UnsafeXmlError);
  });

  it('decodes the five built-in entities and character references, in one pass', () => {
    const parsed = parseSafeXml('<r><a>&lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;</a><b>&amp;lt;</b><c>&#20013;&#x6587;</c><d>&#0;</d></r>', options);
    expect(parsed).toEqual({ r: { a: `<b> & "c" 'd'`, b: '&lt;', c: '中文', d: '&#0;' } });
  });

  it('leaves any other entity reference as text', () => {
    expect(parseSafeXml('<r><a>&nbsp;&copy;</a></r>', options)).toEqual({ r: { a: '&nbsp;&copy;' } });
  });

  it('keeps numbers as strings: ID numbers, leading zeros, exponents', () => {
    expect(parseSafeXml('<r><id>320102199001011234</id><z>007</z><e>1e5</e><h>0x1A</h></r>', options)).toEqual({
      r: { id: '320102199001011234', z: '007', e: '1e5', h: '0x1A' },
    });
  });

  it('refuses a truncated document', () => {
    expect(() => parseSafeXml('<r><a>1</a><b>', options)).toThrow(MalformedXmlError);
    expect(() => parseSafeXml('not xml at all', options)).toThrow(MalformedXmlError);
  });
});

describe('readEnvelope', () => {
  const soap11 = SOAP_PROTOCOLS['1.1'];
  const envelope = (body: string): string =>
    `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><s:Body>${body}</s:Body></s:Envelope>`;

  it('removes prefixes, maps xsi:nil to null and forces the listed arrays', () => {
    const { body, fault } = readEnvelope(
      envelope('<ns2:R xmlns:ns2="urn:x"><ns2:p><ns2:a>1</ns2:a><ns2:n xsi:nil="true"/><ns2:e/><ns2:t xsi:nil="false">x</ns2:t></ns2:p></ns2:R>'),
      soap11,
      ['p'],
    );
    expect(fault).toBeUndefined();
    expect(body).toEqual({ R: { p: [{ a: '1', n: null, e: '', t: 'x' }] } });
  });

  it('reads a SOAP 1.1 fault with the code from its detail', () => {
    const { fault } = readEnvelope(
      envelope('<s:Fault><faultcode>s:Client.Validation</faultcode><faultstring>bad id at db01</faultstring><detail><e:RegistryFault xmlns:e="urn:x"><e:code>INVALID_ID_NUMBER</e:code></e:RegistryFault></detail></s:Fault>'),
      soap11,
    );
    expect(fault).toEqual({ kind: 'client', code: 's:Client.Validation', reason: 'bad id at db01', upstreamCode: 'INVALID_ID_NUMBER' });
  });

  it('refuses a document that is not an envelope', () => {
    expect(() => readEnvelope('<html><body>hi</body></html>', soap11)).toThrow(MalformedXmlError);
    expect(() => readEnvelope('<s:Envelope xmlns:s="urn:s"><s:Header/></s:Envelope>', soap11)).toThrow('the SOAP Envelope has no Body');
  });
});
