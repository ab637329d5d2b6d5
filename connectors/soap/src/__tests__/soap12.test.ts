import { BadGatewayError, BadRequestError, createSilentLogger, type GovgraphError } from '@govgraph/sdk';
import { parseSoapSourceConfig, soapSource, type SoapSource } from '../index';
import { createRecordingLogger } from '@govgraph/sdk/testing';
import { sendXml, startSoapServer, type SoapTestServer } from './helpers/soap-test-server';

const NS = 'urn:gov:population:person:v1';
const SOAP_12 = 'http://www.w3.org/2003/05/soap-envelope';
const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const ACTION_12 = `${NS}:GetPerson:soap12`;

const envelope12 = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?><env:Envelope xmlns:env="${SOAP_12}"><env:Body>${body}</env:Body></env:Envelope>`;
const fault12 = (value: string, subcodes: string[], reason: string, detail = ''): string =>
  envelope12(
    `<env:Fault><env:Code><env:Value>${value}</env:Value>` +
      subcodes.map((code) => `<env:Subcode><env:Value>${code}</env:Value>`).join('') +
      subcodes.map(() => '</env:Subcode>').join('') +
      `</env:Code><env:Reason><env:Text xml:lang="en">${reason}</env:Text></env:Reason>${detail ? `<env:Detail>${detail}</env:Detail>` : ''}</env:Fault>`,
  );

async function caught(promise: Promise<unknown>): Promise<GovgraphError> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error as GovgraphError,
  );
}

describe('soapSource over SOAP 1.2', () => {
  let server: SoapTestServer;
  let source: SoapSource | undefined;

  beforeAll(async () => {
    server = await startSoapServer((_action, body, res, req) => {
      const contentType = String(req.headers['content-type']);
      if (!contentType.startsWith('application/soap+xml') || !body.includes(`xmlns:soap="${SOAP_12}"`)) {
        return sendXml(res, 500, fault12('env:VersionMismatch', [], 'expected SOAP 1.2'), 'application/soap+xml');
      }
      const id = /<idNumber>([^<]*)<\/idNumber>/.exec(body)?.[1];
      const send = (status: number, xml: string): void => sendXml(res, status, xml, 'application/soap+xml; charset=utf-8');
      switch (id) {
        case 'ok':
          return send(200, envelope12(`<p:GetPersonResponse xmlns:p="${NS}"><p:person><p:idNumber>320102199001011234</p:idNumber><p:formerName xsi:nil="true" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/></p:person></p:GetPersonResponse>`));
        case 'sender':
          return send(400, fault12('env:Sender', [], 'ID rejected by db01.internal', `<e:RegistryFault xmlns:e="${NS}"><e:code>PERSON_NOT_FOUND</e:code></e:RegistryFault>`));
        case 'sender-subcode':
          return send(400, fault12('soap12:Sender', ['app:Validation', 'app:BAD_CHECK_DIGIT'], 'bad check digit'));
        case 'receiver':
          return send(500, fault12('env:Receiver', [], 'ORA-00942 at db01.internal', '<code>DB_DOWN</code>'));
        case 'auth':
          return send(400, fault12('env:Sender', ['wsse:FailedAuthentication'], 'user gw: bad password'));
        case 'invalid-security':
          return send(500, fault12('env:Sender', ['sec:InvalidSecurity'], 'no header'));
        case 'must-understand':
          return send(500, fault12('env:MustUnderstand', [], 'header not understood'));
        default:
          return send(500, fault12('env:Receiver', [], `unexpected ${id ?? ''}`));
      }
    });
  });

  afterEach(async () => {
    await source?.stop();
    source = undefined;
  });
  afterAll(async () => {
    await server.close();
  });

  async function start(extra: Record<string, unknown> = {}, logger = createSilentLogger()): Promise<SoapSource> {
    source = soapSource(parseSoapSourceConfig({ name: 'population-registry', endpoint: server.endpoint, soapVersion: '1.2', ...extra }));
    await source.start({ logger });
    return source;
  }

  it('reads the soap12 binding and POSTs a SOAP 1.2 envelope with the action in the Content-Type and no SOAPAction', async () => {
    const registry = await start();
    expect(registry.describe().soapVersion).toBe('1.2');
    expect([...registry.describe().operations.keys()]).toEqual(['GetPerson']);
    expect(registry.describe().address).toBe('http://registry.internal.invalid/soap12/PersonService');
    await expect(registry.call('GetPerson', { idNumber: 'ok' })).resolves.toEqual({ person: { idNumber: '320102199001011234', formerName: null } });
    const request = server.requests.at(-1);
    expect(request?.headers['content-type']).toBe(`application/soap+xml; charset=utf-8; action="${ACTION_12}"`);
    expect(request?.headers['soapaction']).toBeUndefined();
    expect(request?.headers['accept']).toBe('application/soap+xml');
    expect(request?.body).toContain(`<soap:Envelope xmlns:soap="${SOAP_12}"`);
    expect(request?.body).not.toContain('<soap:Header>');
  });

  it("picks SOAP 1.2 with 'auto' when the WSDL offers both, and the 1.1 binding with '1.1'", async () => {
    const auto = await start({ soapVersion: 'auto' });
    expect(auto.describe().soapVersion).toBe('1.2');
    await auto.stop();
    const v11 = await start({ soapVersion: '1.1' });
    expect(v11.describe().soapVersion).toBe('1.1');
    expect([...v11.describe().operations.keys()]).toEqual(['GetPerson', 'FindPersons', 'UpdateAddress']);
  });

  it('maps env:Sender to BadRequestError with the Detail code, Reason only in the cause', async () => {
    const registry = await start();
    const error = await caught(registry.call('GetPerson', { idNumber: 'sender' }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.message).toBe('legacy system "population-registry" rejected the request (SOAP client fault)');
    expect(error.details).toEqual({ source: 'population-registry', status: 400, upstreamCode: 'PERSON_NOT_FOUND' });
    expect(error.message).not.toContain('db01');
    expect((error.cause as Error).message).toContain('env:Sender');
    expect((error.cause as Error).message).toContain('ID rejected by db01.internal');
  });

  it('uses the innermost subcode as upstreamCode when the Detail has none', async () => {
    const error = await caught((await start()).call('GetPerson', { idNumber: 'sender-subcode' }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.details).toEqual({ source: 'population-registry', status: 400, upstreamCode: 'app:BAD_CHECK_DIGIT' });
    expect((error.cause as Error).message).toContain('soap12:Sender/app:Validation/app:BAD_CHECK_DIGIT');
  });

  it('maps env:Receiver and env:MustUnderstand to BadGatewayError', async () => {
    const registry = await start();
    const receiver = await caught(registry.call('GetPerson', { idNumber: 'receiver' }));
    expect(receiver).toBeInstanceOf(BadGatewayError);
    expect(receiver.details).toEqual({ source: 'population-registry', status: 500, upstreamCode: 'DB_DOWN' });
    const mustUnderstand = await caught(registry.call('GetPerson', { idNumber: 'must-understand' }));
    expect(mustUnderstand).toBeInstanceOf(BadGatewayError);
    expect(mustUnderstand.message).toBe('legacy system "population-registry" answered with a SOAP fault');
  });

  it('maps WS-Security faults to BadGatewayError (our credentials, not the client), whatever the prefix', async () => {
    const registry = await start();
    const auth = await caught(registry.call('GetPerson', { idNumber: 'auth' }));
    expect(auth).toBeInstanceOf(BadGatewayError);
    expect(auth.message).toBe(`legacy system "population-registry" refused the gateway's WS-Security credentials (SOAP fault)`);
    expect(auth.details).toEqual({ source: 'population-registry', status: 400, upstreamCode: 'wsse:FailedAuthentication' });
    const invalid = await caught(registry.call('GetPerson', { idNumber: 'invalid-security' }));
    expect(invalid.details?.['upstreamCode']).toBe('wsse:InvalidSecurity');
  });

  it('sends a fresh UsernameToken on every call and never logs or shows the password', async () => {
    const logger = createRecordingLogger();
    const registry = await start({ security: { kind: 'username-token', username: 'gw', password: 'Pa55-secret' } }, logger);
    await registry.call('GetPerson', { idNumber: 'ok' });
    await caught(registry.call('GetPerson', { idNumber: 'auth' }));
    const [first, second] = server.requests.slice(-2).map((request) => request.body);
    const nonceOf = (body: string | undefined): string | undefined => /<wsse:Nonce [^>]*>([^<]+)<\/wsse:Nonce>/.exec(body ?? '')?.[1];
    expect(first).toContain(`<soap:Header><wsse:Security xmlns:wsse="${WSSE}"`);
    expect(first).toContain('soap:mustUnderstand="1"');
    expect(first).toContain('#PasswordDigest');
    expect(first).not.toContain('Pa55-secret');
    expect(nonceOf(first)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonceOf(first)).not.toBe(nonceOf(second));
    expect(JSON.stringify(logger.lines)).not.toContain('Pa55');
  });
});
