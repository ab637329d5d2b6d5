import {
  BadGatewayError,
  BadRequestError,
  createSilentLogger,
  GovgraphError,
  isGovgraphError,
  runInRequestScope,
  UpstreamDataError,
} from '@govgraph/sdk';
import { parseSoapSourceConfig, soapSource, type SoapSource } from '../index';
import { createRecordingLogger } from '@govgraph/sdk/testing';
import { envelope, fault, fixture, sendXml, startSoapServer, type SoapTestServer } from './helpers/soap-test-server';

const NS = 'urn:gov:population:person:v1';
const PERSON_XML =
  `<ns2:GetPersonResponse xmlns:ns2="${NS}"><ns2:person>` +
  '<ns2:idNumber>320102199001011234</ns2:idNumber><ns2:name>张三</ns2:name><ns2:formerName xsi:nil="true"/>' +
  '<ns2:birthDate>1990-01-01</ns2:birthDate>' +
  '<ns2:address><ns2:district>玄武区</ns2:district><ns2:street>中山路 1 号 &amp; 2 号</ns2:street></ns2:address>' +
  '</ns2:person></ns2:GetPersonResponse>';
const PERSON = {
  person: {
    idNumber: '320102199001011234',
    name: '张三',
    formerName: null,
    birthDate: '1990-01-01',
    address: [{ district: '玄武区', street: '中山路 1 号 & 2 号' }],
  },
};
const REGISTRY_FAULT = `<e:RegistryFault xmlns:e="${NS}"><e:code>PERSON_NOT_FOUND</e:code><e:message>no row in T_PERSON</e:message></e:RegistryFault>`;

async function caught(promise: Promise<unknown>): Promise<GovgraphError> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as GovgraphError,
  );
}

describe('soapSource calls', () => {
  let server: SoapTestServer;
  let source: SoapSource;

  beforeAll(async () => {
    server = await startSoapServer((action, body, res) => {
      const id = /<idNumber>([^<]*)<\/idNumber>/.exec(body)?.[1];
      switch (`${action}|${id ?? ''}`) {
        case `${NS}:GetPerson|320102199001011234`:
          return sendXml(res, 200, envelope(PERSON_XML));
        case `${NS}:GetPerson|client-fault`:
          return sendXml(res, 500, fault('soap:Client', 'ID rejected by db01.registry.internal', REGISTRY_FAULT));
        case `${NS}:GetPerson|server-fault`:
          return sendXml(res, 500, fault('soap:Server', 'ORA-00942 at db01.registry.internal', `<e:RegistryFault xmlns:e="${NS}"><e:code>DB_DOWN</e:code></e:RegistryFault>`));
        case `${NS}:GetPerson|fault-200`:
          return sendXml(res, 200, fault('Client.Validation', 'bad', `<errorCode>BAD_CHECK_DIGIT</errorCode>`));
        case `${NS}:GetPerson|version`:
          return sendXml(res, 500, fault('soap:VersionMismatch', 'wrong envelope'));
        case `${NS}:GetPerson|html-503`:
          return sendXml(res, 503, '<!DOCTYPE html><html><body>nginx at gw.internal</body></html>', 'text/html');
        case `${NS}:GetPerson|401`:
          return sendXml(res, 401, '');
        case `${NS}:GetPerson|wrong-element`:
          return sendXml(res, 200, envelope('<Other>1</Other>'));
        case `${NS}:GetPerson|gbk`: {
          const head = Buffer.from(`<?xml version="1.0" encoding="GBK"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><GetPersonResponse><name>`, 'latin1');
          const name = Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]); // 张三
          const tail = Buffer.from('</name></GetPersonResponse></soap:Body></soap:Envelope>', 'latin1');
          res.writeHead(200, { 'content-type': 'text/xml' });
          return res.end(Buffer.concat([head, name, tail]));
        }
        default:
          break;
      }
      if (action === `${NS}:FindPersons`) {
        const count = (body.match(/<district>/g) ?? []).length;
        const persons = Array.from({ length: count }, (_, i) => `<person><idNumber>00${i}</idNumber></person>`).join('');
        return sendXml(res, 200, envelope(`<FindPersonsResult xmlns="${NS}">${persons}</FindPersonsResult>`));
      }
      if (action === '') return sendXml(res, 200, envelope(`<UpdateAddressResponse xmlns="${NS}"><updated>true</updated></UpdateAddressResponse>`));
      return sendXml(res, 500, fault('soap:Client', `unknown action ${action}`));
    });
    source = soapSource(parseSoapSourceConfig({ name: 'population-registry', endpoint: server.endpoint }));
    await source.start({ logger: createSilentLogger() });
  });

  afterAll(async () => {
    await source.stop();
    await server.close();
  });

  it('reads the operations of the WSDL at start', () => {
    const service = source.describe();
    expect([...service.operations.keys()]).toEqual(['GetPerson', 'FindPersons', 'UpdateAddress']);
    expect(service.targetNamespace).toBe(NS);
  });

  it('returns the content of the response element as plain objects, IDs as strings', async () => {
    await expect(source.call('GetPerson', { idNumber: '320102199001011234' }, { arrays: ['address'] })).resolves.toEqual(PERSON);
  });

  it('POSTs a SOAP 1.1 envelope with the SOAPAction and content type', async () => {
    await source.call('GetPerson', { idNumber: '320102199001011234' });
    const request = server.requests.at(-1);
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(request?.headers['soapaction']).toBe(`"${NS}:GetPerson"`);
    expect(request?.body).toContain(`<soap:Body><GetPerson xmlns="${NS}"><idNumber>320102199001011234</idNumber></GetPerson></soap:Body>`);
  });

  it('returns a single element as an object unless it is named in arrays', async () => {
    await expect(source.call('FindPersons', { name: '张三', district: ['玄武区'] })).resolves.toEqual({ person: { idNumber: '000' } });
    await expect(source.call('FindPersons', { name: '张三', district: ['玄武区'] }, { arrays: ['person'] })).resolves.toEqual({
      person: [{ idNumber: '000' }],
    });
    await expect(source.call('FindPersons', { name: '张三', district: ['玄武区', '鼓楼区'] })).resolves.toEqual({
      person: [{ idNumber: '000' }, { idNumber: '001' }],
    });
  });

  it('sends an empty SOAPAction as ""', async () => {
    await expect(source.call('UpdateAddress', { idNumber: '1', address: { district: 'a', street: 'b' } })).resolves.toEqual({ updated: 'true' });
    expect(server.requests.at(-1)?.headers['soapaction']).toBe('""');
  });

  it('decodes a response in the encoding its XML declaration names', async () => {
    await expect(source.call('GetPerson', { idNumber: 'gbk' })).resolves.toEqual({ name: '张三' });
  });

  it('maps a Client fault to BadRequestError with the detail code, the faultstring only in cause', async () => {
    const error = await caught(source.call('GetPerson', { idNumber: 'client-fault' }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toBe('legacy system "population-registry" rejected the request (SOAP client fault)');
    expect(error.details).toEqual({ source: 'population-registry', status: 500, upstreamCode: 'PERSON_NOT_FOUND' });
    expect(String(error.cause)).toContain('ID rejected by db01.registry.internal');
  });

  it('maps a Server fault to BadGatewayError with the detail code', async () => {
    const error = await caught(source.call('GetPerson', { idNumber: 'server-fault' }));
    expect(error).toBeInstanceOf(BadGatewayError);
    expect(error.message).not.toMatch(/ORA-|db01/);
    expect(error.details).toEqual({ source: 'population-registry', status: 500, upstreamCode: 'DB_DOWN' });
  });

  it('maps a fault sent with HTTP 200, and dotted unprefixed fault codes', async () => {
    const error = await caught(source.call('GetPerson', { idNumber: 'fault-200' }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.details).toEqual({ source: 'population-registry', status: 200, upstreamCode: 'BAD_CHECK_DIGIT' });
  });

  it('maps other faults to BadGatewayError, without an upstream code when the detail has none', async () => {
    const error = await caught(source.call('GetPerson', { idNumber: 'version' }));
    expect(error).toBeInstanceOf(BadGatewayError);
    expect(error.details).toEqual({ source: 'population-registry', status: 500 });
  });

  it('maps an HTTP error page without a Fault to BadGatewayError by its status', async () => {
    const error = await caught(source.call('GetPerson', { idNumber: 'html-503' }));
    expect(error).toBeInstanceOf(BadGatewayError);
    expect(error.message).toBe('legacy system "population-registry" failed (HTTP 503)');
    expect(error.details).toEqual({ source: 'population-registry', status: 503 });
    const auth = await caught(source.call('GetPerson', { idNumber: '401' }));
    expect(auth).toBeInstanceOf(BadGatewayError);
    expect(auth.message).toBe(`legacy system "population-registry" refused the gateway's credentials (HTTP 401)`);
  });

  it('maps a Body without the response element to UpstreamDataError', async () => {
    const error = await caught(source.call('GetPerson', { idNumber: 'wrong-element' }));
    expect(error).toBeInstanceOf(UpstreamDataError);
    expect(String(error.cause)).toContain('expected <GetPersonResponse> in the Body, found Other');
  });

  it('refuses an operation the WSDL does not have with a plain Error, sending nothing', async () => {
    const before = server.requests.length;
    const calls = source.stats().calls;
    const error = await source.call('DeletePerson', {}).catch((e: unknown) => e);
    expect(isGovgraphError(error)).toBe(false);
    expect((error as Error).message).toBe(
      'soap source "population-registry" has no operation "DeletePerson" in its WSDL (it has: GetPerson, FindPersons, UpdateAddress)',
    );
    expect(server.requests.length).toBe(before);
    expect(source.stats().calls).toBe(calls);
  });

  it('forwards the request id and logs one line per call on the request logger', async () => {
    const logger = createRecordingLogger();
    await runInRequestScope({ requestId: 'req-42', logger }, () => source.call('GetPerson', { idNumber: '320102199001011234' }));
    expect(server.requests.at(-1)?.headers['x-request-id']).toBe('req-42');
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatchObject({ level: 'debug', obj: { source: 'population-registry', operation: 'GetPerson', status: 200 } });
    expect(logger.lines[0]?.obj['durationMs']).toEqual(expect.any(Number));
  });
});

describe('soapSource with an rpc/literal WSDL', () => {
  it('wraps parameters in the operation element of the soap:body namespace', async () => {
    const server = await startSoapServer((action, body, res) => {
      expect(action).toBe('countLicences');
      expect(body).toContain('<m:countLicences xmlns:m="urn:archive:ops"><holderId>91320102MA1XXXXX0A</holderId></m:countLicences>');
      sendXml(res, 200, envelope('<ns1:countLicencesResponse xmlns:ns1="urn:archive:ops"><count>0012</count></ns1:countLicencesResponse>'));
    }, fixture('licence-archive-rpc.wsdl'));
    const source = soapSource(parseSoapSourceConfig({ name: 'licence-archive', endpoint: server.endpoint }));
    await source.start({ logger: createSilentLogger() });
    await expect(source.call('countLicences', { holderId: '91320102MA1XXXXX0A' })).resolves.toEqual({ count: '0012' });
    await source.stop();
    await server.close();
  });
});

describe('soapSource lifecycle', () => {
  it('fails clearly before start() and after stop(); stop() is idempotent', async () => {
    const server = await startSoapServer(() => undefined);
    const source = soapSource(parseSoapSourceConfig({ name: 'population-registry', endpoint: server.endpoint }));
    await expect(source.call('GetPerson', {})).rejects.toThrow('soap source "population-registry" is not started: call start() and wait for it first');
    expect(() => source.describe()).toThrow(/is not started/);
    await source.start({ logger: createSilentLogger() });
    await expect(source.start({ logger: createSilentLogger() })).rejects.toThrow(/already started/);
    await source.stop();
    await source.stop();
    await expect(source.call('GetPerson', {})).rejects.toThrow('soap source "population-registry" is stopped');
    expect(source.kind).toBe('soap');
    await server.close();
  });
});
