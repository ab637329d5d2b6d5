import { readFileSync } from 'node:fs';
import { createServer, request as httpsRequest, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { BadGatewayError, ConfigError, createSilentLogger } from '@govgraph/sdk';
import { parseRestSourceConfig, restSource, type RestSource } from '../index';

const TLS = join(__dirname, 'fixtures', 'tls');
const file = (name: string): { file: string } => ({ file: join(TLS, name) });
const pem = (name: string): string => readFileSync(join(TLS, name), 'utf8');
const silent = createSilentLogger();

interface Seen {
  readonly url: string;
  readonly clientCn: unknown;
  readonly apiKey: string | undefined;
}

describe('restSource auth: mutual TLS', () => {
  let server: Server;
  let url: string;
  const seen: Seen[] = [];
  let source: RestSource | undefined;

  beforeAll(async () => {
    server = createServer({ key: pem('server.key'), cert: pem('server.crt'), ca: pem('ca.crt'), requestCert: true, rejectUnauthorized: true }, (req, res) => {
      const peer = (req.socket as TLSSocket).getPeerCertificate();
      seen.push({ url: req.url ?? '', clientCn: peer.subject?.CN, apiKey: req.headers['x-api-key'] as string | undefined });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    seen.length = 0;
  });
  afterEach(async () => {
    await source?.stop();
    source = undefined;
  });

  async function started(auth: unknown): Promise<RestSource> {
    source = restSource(parseRestSourceConfig({ name: 'population-registry', baseUrl: url, auth, timeoutMs: 3000 }));
    await source.start({ logger: silent });
    return source;
  }

  it('presents a client certificate read from files, and the server accepts it', async () => {
    const rest = await started({ kind: 'mtls', cert: file('client.crt'), key: file('client.key'), ca: file('ca.crt') });
    await expect(rest.get('/persons/1')).resolves.toEqual({ ok: true });
    expect(seen).toEqual([{ url: '/persons/1', clientCn: 'govgraph test client', apiKey: undefined }]);
    await expect(rest.checkHealth()).resolves.toMatchObject({ status: 'up' });
  });

  it('combines the certificate with a request-level credential in then (inline PEM)', async () => {
    const rest = await started({ kind: 'mtls', cert: pem('client.crt'), key: pem('client.key'), ca: pem('ca.crt'), then: { kind: 'api-key', value: 'k-9' } });
    await rest.get('/persons/2');
    expect(seen).toEqual([{ url: '/persons/2', clientCn: 'govgraph test client', apiKey: 'k-9' }]);
  });

  it('the server refuses a connection without a client certificate', async () => {
    // The fixture server really demands a certificate (so the test above is not vacuous) ...
    const refused = await new Promise<unknown>((resolve) => {
      const req = httpsRequest(`${url}/persons/3`, { ca: pem('ca.crt') }, (res) => resolve(res.statusCode));
      req.on('error', resolve);
      req.end();
    });
    expect(typeof refused).toBe('object'); // an error, not a status code
    expect(String((refused as { code?: unknown }).code)).toMatch(/CERTIFICATE_REQUIRED|ECONNRESET/);
    // ... and a source without one gets BadGatewayError. (Without `mtls` a source has no way to trust the test CA either,
    // so its handshake fails on the server certificate first; the refusal of a wrong client certificate is tested below.)
    const rest = await started(undefined);
    const error = await rest.get('/persons/3').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadGatewayError);
    expect((error as BadGatewayError).message).toMatch(/^legacy system "population-registry" is unreachable \(/);
    expect(seen).toHaveLength(0);
  });

  it('a certificate the server does not trust is refused with BadGatewayError', async () => {
    const rest = await started({ kind: 'mtls', cert: file('untrusted-client.crt'), key: file('untrusted-client.key'), ca: file('ca.crt') });
    const error = await rest.get('/persons/4').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BadGatewayError);
    expect(seen).toHaveLength(0);
    await expect(rest.checkHealth()).resolves.toMatchObject({ status: 'down' });
  });

  it('does not start with an unreadable file or a key that does not match the certificate, naming the option and never the key', async () => {
    const missing = restSource(parseRestSourceConfig({ name: 'population-registry', baseUrl: url, auth: { kind: 'mtls', cert: file('nope.crt'), key: file('client.key') } }));
    await expect(missing.start({ logger: silent })).rejects.toThrow(/auth\.cert: cannot read file ".*nope\.crt" \(ENOENT\)/);

    const mismatched = restSource(parseRestSourceConfig({ name: 'population-registry', baseUrl: url, auth: { kind: 'mtls', cert: pem('client.crt'), key: pem('untrusted-client.key') } }));
    const error = await mismatched.start({ logger: silent }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain('auth.cert/key/ca: not a usable certificate');
    expect((error as ConfigError).message).not.toContain('PRIVATE KEY');
  });
});
