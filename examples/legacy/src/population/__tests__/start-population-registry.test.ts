import { request as httpRequest } from 'node:http';
import iconv from 'iconv-lite';
import { POPULATION_NAMESPACE, parseXmlDocument, startPopulationRegistry, type XmlElement } from '..';
import type { SimulatorHandle } from '../../harness';
import { persons } from '../../__tests__/fixtures/small-dataset';

const SOAP = 'http://schemas.xmlsoap.org/soap/envelope/';
const [wang, wangF, li, han] = persons as [(typeof persons)[0], (typeof persons)[0], (typeof persons)[0], (typeof persons)[0]];

const envelope = (body: string, header = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${SOAP}" xmlns:pop="${POPULATION_NAMESPACE}">${header}<soap:Body>${body}</soap:Body></soap:Envelope>`;

interface SoapAnswer {
  status: number;
  contentType: string | null;
  text: string;
}

/** Children of the first element of soap:Body. */
function bodyContent(answer: SoapAnswer): XmlElement {
  const root = parseXmlDocument(answer.text);
  const body = root.children.find((c) => c.localName === 'Body');
  const first = body?.children[0];
  if (!first) throw new Error(`no body element in ${answer.text}`);
  return first;
}

function personsOf(element: XmlElement): Record<string, string>[] {
  return element.children
    .filter((c) => c.localName === 'person')
    .map((p) => Object.fromEntries(p.children.map((field) => [field.localName, field.text])));
}

function faultOf(answer: SoapAnswer): { faultcode: string; faultstring: string; code: string } {
  const fault = bodyContent(answer);
  expect(fault.localName).toBe('Fault');
  const text = (name: string): string => fault.children.find((c) => c.localName === name)?.text ?? '';
  const detail = fault.children.find((c) => c.localName === 'detail')?.children[0];
  return { faultcode: text('faultcode'), faultstring: text('faultstring'), code: detail?.children.find((c) => c.localName === 'code')?.text ?? '' };
}

describe('population registry (SOAP 1.1)', () => {
  let registry: SimulatorHandle;
  beforeAll(async () => {
    registry = await startPopulationRegistry({ dataset: { persons } });
  });
  afterAll(async () => {
    await registry.close();
  });
  beforeEach(() => {
    registry.calls.reset();
    registry.faults.reset();
  });

  const call = async (xml: string | Buffer, headers: Record<string, string> = {}): Promise<SoapAnswer> => {
    const response = await fetch(registry.url, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', ...headers }, body: typeof xml === 'string' ? xml : new Uint8Array(xml) });
    return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
  };
  const idNumbers = (values: readonly string[]): string => values.map((v) => `<pop:idNumber>${v}</pop:idNumber>`).join('');

  it('serves its endpoint at /population', () => {
    expect(registry.url).toBe(`http://127.0.0.1:${registry.port}/population`);
  });

  it('answers GetPersonByIdNumber with exactly the documented person element', async () => {
    const answer = await call(envelope(`<pop:GetPersonByIdNumber><pop:idNumber>${wang.idNumber}</pop:idNumber></pop:GetPersonByIdNumber>`), {
      soapaction: `"${POPULATION_NAMESPACE}/GetPersonByIdNumber"`,
    });
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('text/xml; charset=utf-8');
    expect(answer.text).toBe(
      `<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="${SOAP}"><soap:Body>` +
        `<pop:GetPersonByIdNumberResponse xmlns:pop="${POPULATION_NAMESPACE}"><pop:person>` +
        `<pop:id>P00000001</pop:id><pop:idNumber>${wang.idNumber}</pop:idNumber><pop:name>王小明</pop:name><pop:gender>M</pop:gender>` +
        '<pop:birthDate>1990-03-07</pop:birthDate><pop:phone>13812345678</pop:phone><pop:address>江苏省南京市玄武区中山路18号</pop:address>' +
        '</pop:person></pop:GetPersonByIdNumberResponse></soap:Body></soap:Envelope>',
    );
    expect(registry.calls.byOperation()).toEqual({ GetPersonByIdNumber: 1 });
  });

  it('answers an unknown ID number with an empty response, not a fault', async () => {
    const answer = await call(envelope('<pop:GetPersonByIdNumber><pop:idNumber>320102199001010000</pop:idNumber></pop:GetPersonByIdNumber>'));
    expect(answer.status).toBe(200);
    const response = bodyContent(answer);
    expect(response.localName).toBe('GetPersonByIdNumberResponse');
    expect(response.children).toEqual([]);
  });

  it('escapes text and reads it back unchanged', async () => {
    const answer = await call(envelope(`<pop:GetPersonByIdNumber><pop:idNumber>${wangF.idNumber}</pop:idNumber></pop:GetPersonByIdNumber>`));
    expect(answer.text).toContain('<pop:address>江苏省苏州市工业园区星湖街328号 A&amp;B座 &lt;3楼&gt;</pop:address>');
    expect(personsOf(bodyContent(answer))).toEqual([{ ...wangF }]);
  });

  it('accepts a default-namespace request without SOAPAction', async () => {
    const answer = await call(envelope(`<GetPersonByIdNumber xmlns="${POPULATION_NAMESPACE}"><idNumber> ${li.idNumber} </idNumber></GetPersonByIdNumber>`));
    expect(personsOf(bodyContent(answer))).toEqual([{ ...li }]);
  });

  it('returns only found persons of a batch, each once', async () => {
    const answer = await call(envelope(`<pop:GetPersonsByIdNumbers>${idNumbers([han.idNumber, '000000000000000000', wang.idNumber, han.idNumber])}</pop:GetPersonsByIdNumbers>`));
    const found = personsOf(bodyContent(answer));
    expect(found.map((p) => p['id']).sort()).toEqual(['P00000001', 'P00000004']);
    expect(registry.calls.byOperation()).toEqual({ GetPersonsByIdNumbers: 1 });
  });

  it('looks persons up by internal record id', async () => {
    const answer = await call(envelope('<pop:GetPersonsByIds><pop:id>P00000003</pop:id><pop:id>P99999999</pop:id></pop:GetPersonsByIds>'));
    expect(bodyContent(answer).localName).toBe('GetPersonsByIdsResponse');
    expect(personsOf(bodyContent(answer))).toEqual([{ ...li }]);
  });

  it('accepts 100 keys and refuses 101 with a soap:Client TOO_MANY_KEYS fault (HTTP 500)', async () => {
    const keys = Array.from({ length: 101 }, (_, i) => `P${String(i).padStart(8, '0')}`);
    const ok = await call(envelope(`<pop:GetPersonsByIds>${keys.slice(0, 100).map((k) => `<pop:id>${k}</pop:id>`).join('')}</pop:GetPersonsByIds>`));
    expect(ok.status).toBe(200);
    expect(personsOf(bodyContent(ok)).map((p) => p['id']).sort()).toEqual(['P00000001', 'P00000002', 'P00000003', 'P00000004']);
    const refused = await call(envelope(`<pop:GetPersonsByIds>${keys.map((k) => `<pop:id>${k}</pop:id>`).join('')}</pop:GetPersonsByIds>`));
    expect(refused.status).toBe(500);
    expect(faultOf(refused)).toEqual({ faultcode: 'soap:Client', faultstring: 'at most 100 id elements per request, got 101', code: 'TOO_MANY_KEYS' });
    expect(registry.calls.count('GetPersonsByIds')).toBe(2);
  });

  it('searches by name prefix with total and pages, ordered by name then id', async () => {
    const search = async (inner: string): Promise<{ total: string; page: string; pageSize: string; ids: (string | undefined)[] }> => {
      const response = bodyContent(await call(envelope(`<pop:SearchPersons>${inner}</pop:SearchPersons>`)));
      const text = (name: string): string => response.children.find((c) => c.localName === name)?.text ?? '';
      return { total: text('total'), page: text('page'), pageSize: text('pageSize'), ids: personsOf(response).map((p) => p['id']) };
    };
    expect(await search('<pop:namePrefix>王小</pop:namePrefix>')).toEqual({ total: '2', page: '1', pageSize: '20', ids: ['P00000001', 'P00000002'] });
    expect(await search('<pop:namePrefix>王</pop:namePrefix><pop:page>2</pop:page><pop:pageSize>1</pop:pageSize>')).toEqual({ total: '2', page: '2', pageSize: '1', ids: ['P00000002'] });
    expect(await search('<pop:namePrefix>赵</pop:namePrefix>')).toEqual({ total: '0', page: '1', pageSize: '20', ids: [] });
    // empty prefix: everyone, sorted by name (UTF-16 order): 李雷, 王小明, 王小红, 韩梅梅
    expect(await search('<pop:pageSize>100</pop:pageSize>')).toEqual({ total: '4', page: '1', pageSize: '100', ids: ['P00000003', 'P00000001', 'P00000002', 'P00000004'] });
  });

  it('refuses a page size over 100 or a bad page with INVALID_ARGUMENT', async () => {
    const big = await call(envelope('<pop:SearchPersons><pop:namePrefix>王</pop:namePrefix><pop:pageSize>101</pop:pageSize></pop:SearchPersons>'));
    expect(faultOf(big)).toMatchObject({ faultcode: 'soap:Client', code: 'INVALID_ARGUMENT' });
    const zero = await call(envelope('<pop:SearchPersons><pop:page>0</pop:page></pop:SearchPersons>'));
    expect(faultOf(zero)).toMatchObject({ faultcode: 'soap:Client', code: 'INVALID_ARGUMENT' });
  });

  it('refuses a missing idNumber and unqualified or unknown child elements', async () => {
    expect(faultOf(await call(envelope('<pop:GetPersonByIdNumber/>')))).toMatchObject({ code: 'INVALID_ARGUMENT', faultstring: 'idNumber is required' });
    const unqualified = await call(envelope(`<pop:GetPersonByIdNumber><idNumber>${wang.idNumber}</idNumber></pop:GetPersonByIdNumber>`));
    expect(faultOf(unqualified)).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(faultOf(unqualified).faultstring).toContain('unexpected element {}idNumber');
  });

  it('faults on malformed XML', async () => {
    const answer = await call('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body></soap:Envelope>');
    expect(answer.status).toBe(500);
    expect(faultOf(answer)).toMatchObject({ faultcode: 'soap:Client', code: 'INVALID_XML' });
    expect(faultOf(await call(envelope('<pop:SearchPersons><pop:namePrefix>&bogus;</pop:namePrefix></pop:SearchPersons>')))).toMatchObject({ code: 'INVALID_XML' });
    expect(registry.calls.byOperation()).toEqual({ '(unrouted)': 2 });
  });

  it('refuses any DOCTYPE (entity expansion, XXE) with a Client fault', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>' +
      envelope('<pop:SearchPersons><pop:namePrefix>&lol2;</pop:namePrefix></pop:SearchPersons>').replace('<?xml version="1.0" encoding="UTF-8"?>', '');
    expect(faultOf(await call(laughs))).toMatchObject({ faultcode: 'soap:Client', code: 'DOCTYPE_NOT_ALLOWED' });
    const xxe = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>';
    const answer = await call(xxe);
    expect(faultOf(answer)).toMatchObject({ code: 'DOCTYPE_NOT_ALLOWED' });
    expect(answer.text).not.toContain('root:');
  });

  it('faults on an unknown operation, by body element or by SOAPAction', async () => {
    expect(faultOf(await call(envelope('<pop:DeletePerson/>')))).toMatchObject({ faultcode: 'soap:Client', code: 'UNKNOWN_OPERATION' });
    expect(faultOf(await call(envelope(''), { soapaction: `"${POPULATION_NAMESPACE}/DeletePerson"` }))).toMatchObject({ code: 'UNKNOWN_OPERATION' });
    expect(faultOf(await call(envelope('')))).toMatchObject({ code: 'UNKNOWN_OPERATION' });
  });

  it('takes the operation from SOAPAction when the body names none', async () => {
    const answer = await call(envelope(''), { soapaction: `"${POPULATION_NAMESPACE}/SearchPersons"` });
    expect(bodyContent(answer).localName).toBe('SearchPersonsResponse');
    expect(registry.calls.byOperation()).toEqual({ SearchPersons: 1 });
  });

  it('faults when SOAPAction and the body element disagree', async () => {
    const answer = await call(envelope(`<pop:GetPersonByIdNumber><pop:idNumber>${wang.idNumber}</pop:idNumber></pop:GetPersonByIdNumber>`), {
      soapaction: `"${POPULATION_NAMESPACE}/SearchPersons"`,
    });
    expect(faultOf(answer)).toMatchObject({ faultcode: 'soap:Client', code: 'SOAP_ACTION_MISMATCH' });
    const empty = await call(envelope(`<pop:GetPersonByIdNumber><pop:idNumber>${wang.idNumber}</pop:idNumber></pop:GetPersonByIdNumber>`), { soapaction: '""' });
    expect(empty.status).toBe(200);
  });

  it('answers VersionMismatch to SOAP 1.2, MustUnderstand to unknown mandatory headers, 415 to other media types', async () => {
    const soap12 = `<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><pop:SearchPersons xmlns:pop="${POPULATION_NAMESPACE}"/></env:Body></env:Envelope>`;
    expect(faultOf(await call(soap12))).toMatchObject({ faultcode: 'soap:VersionMismatch', code: 'VERSION_MISMATCH' });
    const header = '<soap:Header><sec:Token xmlns:sec="urn:sec" soap:mustUnderstand="1">x</sec:Token></soap:Header>';
    expect(faultOf(await call(envelope('<pop:SearchPersons/>', header)))).toMatchObject({ faultcode: 'soap:MustUnderstand', code: 'MUST_UNDERSTAND' });
    const optional = '<soap:Header><sec:Token xmlns:sec="urn:sec">x</sec:Token></soap:Header>';
    expect((await call(envelope('<pop:SearchPersons/>', optional))).status).toBe(200);
    const json = await call(envelope('<pop:SearchPersons/>'), { 'content-type': 'application/soap+xml' });
    expect(json.status).toBe(415);
    expect(faultOf(json)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('decodes a GBK request body when the charset says so', async () => {
    const body = iconv.encode(envelope('<pop:SearchPersons><pop:namePrefix>王小</pop:namePrefix></pop:SearchPersons>').replace('UTF-8', 'GBK'), 'gbk');
    const answer = await call(body, { 'content-type': 'text/xml; charset=GBK' });
    expect(personsOf(bodyContent(answer)).map((p) => p['name'])).toEqual(['王小明', '王小红']);
  });

  it('serves a WSDL 1.1 document with the address built from Host', async () => {
    const text = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(`${registry.url}?wsdl`, { headers: { host: 'population.example.gov.cn:8443' } }, (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (data += chunk));
        res.on('end', () => resolve(data));
      });
      req.on('error', reject);
      req.end();
    });
    const wsdl = parseXmlDocument(text);
    const WSDL = 'http://schemas.xmlsoap.org/wsdl/';
    expect(wsdl).toMatchObject({ namespace: WSDL, localName: 'definitions', attributes: { targetNamespace: POPULATION_NAMESPACE } });
    const section = (name: string): XmlElement[] => wsdl.children.filter((c) => c.namespace === WSDL && c.localName === name);
    const schema = section('types')[0]?.children[0];
    expect(schema).toMatchObject({ namespace: 'http://www.w3.org/2001/XMLSchema', localName: 'schema', attributes: { elementFormDefault: 'qualified' } });
    expect(schema?.children.filter((c) => c.localName === 'element').map((c) => c.attributes['name'])).toEqual([
      'PopulationFault',
      'GetPersonByIdNumber',
      'GetPersonByIdNumberResponse',
      'GetPersonsByIdNumbers',
      'GetPersonsByIdNumbersResponse',
      'GetPersonsByIds',
      'GetPersonsByIdsResponse',
      'SearchPersons',
      'SearchPersonsResponse',
    ]);
    expect(section('message')).toHaveLength(9);
    expect(section('portType')[0]?.children.map((c) => c.attributes['name'])).toEqual(['GetPersonByIdNumber', 'GetPersonsByIdNumbers', 'GetPersonsByIds', 'SearchPersons']);
    const actions = section('binding')[0]?.children.filter((c) => c.localName === 'operation').map((c) => c.children[0]?.attributes['soapAction']);
    expect(actions).toEqual(['GetPersonByIdNumber', 'GetPersonsByIdNumbers', 'GetPersonsByIds', 'SearchPersons'].map((op) => `${POPULATION_NAMESPACE}/${op}`));
    const address = section('service')[0]?.children.find((c) => c.localName === 'port')?.children[0];
    expect(address).toMatchObject({ localName: 'address', attributes: { location: 'http://population.example.gov.cn:8443/population' } });
    expect(registry.calls.byOperation()).toEqual({ wsdl: 1 });
  });

  it('builds the WSDL address from the request Host by default, and refuses other paths and methods', async () => {
    const text = await (await fetch(`${registry.url}?wsdl`)).text();
    expect(text).toContain(`<soap:address location="${registry.url}"/>`);
    expect((await fetch(registry.url.replace('/population', '/other'), { method: 'POST' })).status).toBe(404);
    expect((await fetch(registry.url)).status).toBe(405);
  });

  it('injects a soap:Server fault with HTTP 500', async () => {
    registry.faults.setFailure('error', { times: 1 });
    const answer = await call(envelope('<pop:SearchPersons/>'));
    expect(answer.status).toBe(500);
    expect(faultOf(answer)).toEqual({ faultcode: 'soap:Server', faultstring: 'the population registry failed (injected)', code: 'INTERNAL_ERROR' });
    expect((await call(envelope('<pop:SearchPersons/>'))).status).toBe(200);
    expect(registry.calls.count('SearchPersons')).toBe(2);
  });

  it('injects truncated XML with status 200', async () => {
    registry.faults.setFailure('malformed', { operations: ['GetPersonsByIds'] });
    const answer = await call(envelope('<pop:GetPersonsByIds><pop:id>P00000001</pop:id></pop:GetPersonsByIds>'));
    expect(answer.status).toBe(200);
    expect(() => parseXmlDocument(answer.text)).toThrow();
  });

  it('injects resets and hangs', async () => {
    registry.faults.setFailure('reset', { times: 1 });
    await expect(call(envelope('<pop:SearchPersons/>'))).rejects.toThrow('fetch failed');
    registry.faults.setFailure('hang', { times: 1 });
    await expect(
      fetch(registry.url, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: envelope('<pop:SearchPersons/>'), signal: AbortSignal.timeout(100) }),
    ).rejects.toThrow();
    expect((await call(envelope('<pop:SearchPersons/>'))).status).toBe(200);
    expect(registry.calls.count('SearchPersons')).toBe(3);
  });
});
