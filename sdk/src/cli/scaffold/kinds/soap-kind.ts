/**
 * The SOAP kind: `@govgraph/connector-soap`, a document/literal batch
 * operation `Get<Entities>` (repeated `id` in, repeated records out), a WSDL
 * fixture describing it, and a minimal SOAP server in the tests. The source,
 * the fixture's binding(s) and the fake speak the SOAP version of the WSDL
 * given (`--wsdl`; 1.1 without one), and with `--ws-security username-token`
 * the source sends a UsernameToken that the fake checks.
 */
import type { ScaffoldSoapVersion } from '../../codegen/wsdl-bindings';
import { entityBase, legacySourceName, type ConfigFieldTemplate, type KindTemplates, type ScaffoldContext } from '../scaffold-context';
import { timeoutField } from './shared-fields';

/** The SOAP versions the fixture WSDL has bindings for (both for `'auto'`). */
function versionsOf(version: ScaffoldSoapVersion): readonly ('1.1' | '1.2')[] {
  return version === 'auto' ? ['1.1', '1.2'] : [version];
}

/** `SOAP 1.2`, `SOAP 1.1 and 1.2`. */
function versionText(version: ScaffoldSoapVersion): string {
  return version === 'auto' ? 'SOAP 1.1 and 1.2' : `SOAP ${version}`;
}

/** The version the source ends up speaking (`'auto'` picks 1.2 when the WSDL offers it). */
function spokenVersion(version: ScaffoldSoapVersion): '1.1' | '1.2' {
  return version === '1.1' ? '1.1' : '1.2';
}

/** The user name the tests' fake accepts (with `--ws-security`). */
const FAKE_USERNAME = 'govgraph-gateway';
/** The password the tests' fake accepts (with `--ws-security`). */
const FAKE_PASSWORD = 'fake-legacy-secret';

function securityFields(context: ScaffoldContext): ConfigFieldTemplate[] {
  if (context.soap.security !== 'username-token') return [];
  const { constant } = context.names;
  return [
    {
      key: 'username',
      env: `${constant}_USERNAME`,
      tsType: 'string',
      zod: "z.string({ error: 'must be the WS-Security user name' }).min(1, { error: 'must be the WS-Security user name' })",
      doc: 'WS-Security UsernameToken user name the legacy system issued to the gateway',
      defaultText: 'required',
      example: FAKE_USERNAME,
    },
    {
      key: 'password',
      env: `${constant}_PASSWORD`,
      tsType: 'string',
      zod: "z.string({ error: 'must be the WS-Security password' }).min(1, { error: 'must be the WS-Security password' })",
      doc: 'WS-Security UsernameToken password (sent as PasswordDigest; never logged or shown in errors)',
      defaultText: 'required',
      example: 'change-me',
      secret: true,
    },
  ];
}

function operationOf(context: ScaffoldContext): string {
  return `Get${context.names.entity.pluralPascal}`;
}

function namespaceOf(context: ScaffoldContext): string {
  return `urn:govgraph:${context.names.kebab}`;
}

/** The fixture WSDL: what the fake serves, and a starting point for a department's own. */
function wsdlFixture(context: ScaffoldContext): string {
  const operation = operationOf(context);
  const { entity } = context.names;
  const service = `${context.names.pascal}Service`;
  const bindings = versionsOf(context.soap.version).map((version) => {
    const prefix = version === '1.1' ? 'soap' : 'soap12';
    const suffix = version === '1.1' ? '' : '12';
    return {
      binding: `  <wsdl:binding name="${service}Binding${suffix}" type="tns:${service}PortType">
    <${prefix}:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="${operation}">
      <${prefix}:operation soapAction="${namespaceOf(context)}/${operation}" style="document"/>
      <wsdl:input><${prefix}:body use="literal"/></wsdl:input>
      <wsdl:output><${prefix}:body use="literal"/></wsdl:output>
    </wsdl:operation>
  </wsdl:binding>`,
      port: `    <wsdl:port name="${service}Port${suffix}" binding="tns:${service}Binding${suffix}"><${prefix}:address location="http://localhost/${service}"/></wsdl:port>`,
    };
  });
  const documentation =
    context.soap.security === 'username-token'
      ? '\n    <wsdl:documentation>Every request needs a WS-Security UsernameToken with a PasswordDigest.</wsdl:documentation>'
      : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="${namespaceOf(context)}"
    targetNamespace="${namespaceOf(context)}" name="${service}">
  <wsdl:types>
    <xsd:schema targetNamespace="${namespaceOf(context)}" elementFormDefault="qualified">
      <xsd:complexType name="${entity.pascal}">
        <xsd:sequence>
          <xsd:element name="id" type="xsd:string"/>
          <xsd:element name="name" type="xsd:string"/>
        </xsd:sequence>
      </xsd:complexType>
      <xsd:element name="${operation}">
        <xsd:complexType><xsd:sequence><xsd:element name="id" type="xsd:string" minOccurs="0" maxOccurs="unbounded"/></xsd:sequence></xsd:complexType>
      </xsd:element>
      <xsd:element name="${operation}Response">
        <xsd:complexType><xsd:sequence><xsd:element name="${entity.camel}" type="tns:${entity.pascal}" minOccurs="0" maxOccurs="unbounded"/></xsd:sequence></xsd:complexType>
      </xsd:element>
    </xsd:schema>
  </wsdl:types>
  <wsdl:message name="${operation}Request"><wsdl:part name="parameters" element="tns:${operation}"/></wsdl:message>
  <wsdl:message name="${operation}Response"><wsdl:part name="parameters" element="tns:${operation}Response"/></wsdl:message>
  <wsdl:portType name="${service}PortType">
    <wsdl:operation name="${operation}"><wsdl:input message="tns:${operation}Request"/><wsdl:output message="tns:${operation}Response"/></wsdl:operation>
  </wsdl:portType>
${bindings.map((each) => each.binding).join('\n')}
  <wsdl:service name="${service}">${documentation}
${bindings.map((each) => each.port).join('\n')}
  </wsdl:service>
</wsdl:definitions>
`;
}

/** Templates of a subgraph over a SOAP legacy system. */
export const soapKind: KindTemplates = {
  kind: 'soap',
  connectorPackage: '@govgraph/connector-soap',
  connectorDir: 'connectors/soap',
  legacyDescription: 'a SOAP web service (document/literal)',
  describeLegacy: (context) =>
    `a ${versionText(context.soap.version)} web service (document/literal${context.soap.version === 'auto' ? '; the source speaks 1.2' : ''}` +
    `${context.soap.security === 'username-token' ? ', WS-Security UsernameToken' : ''})`,
  countsCalls: true,
  configFields: (context) => [
    {
      key: 'url',
      env: `${context.names.constant}_URL`,
      tsType: 'string',
      zod: 'httpUrl',
      doc: 'Endpoint of the legacy SOAP service, where calls are POSTed',
      defaultText: 'required',
      example: `http://legacy.internal:8080/services/${context.names.pascal}Service`,
    },
    {
      key: 'wsdlUrl',
      env: `${context.names.constant}_WSDL_URL`,
      tsType: 'string',
      zod: 'httpUrl.optional()',
      doc: 'Where the WSDL is read at start (and probed for readiness)',
      defaultText: 'the endpoint + `?wsdl`',
      example: `http://legacy.internal:8080/services/${context.names.pascal}Service?wsdl`,
      optional: true,
    },
    ...securityFields(context),
    timeoutField(`${context.names.constant}_TIMEOUT_MS`),
  ],
  sourcesFile: (context) => `/** The legacy systems the ${context.names.kebab} subgraph reads, built from its config. */
import { parseSoapSourceConfig, soapSource, type SoapSource } from '@govgraph/connector-soap';
import type { ${context.names.pascal}SubgraphConfig } from './config';

/** The subgraph's sources: the legacy SOAP service. */
export type ${context.names.pascal}Sources = {
  readonly legacy: SoapSource;
};

/** Builds the sources (not started: \`createSubgraph\` starts and stops them). Throws \`ConfigError\` for a bad source config. */
export function create${context.names.pascal}Sources(config: ${context.names.pascal}SubgraphConfig): ${context.names.pascal}Sources {
  return {
    legacy: soapSource(
      parseSoapSourceConfig({
        name: '${legacySourceName(context)}',
        endpoint: config.url,
        ...(config.wsdlUrl === undefined ? {} : { wsdlUrl: config.wsdlUrl }),
        // ${context.soap.version === 'auto' ? 'The WSDL has SOAP 1.1 and 1.2 bindings: use 1.2, else 1.1.' : `The WSDL has only a SOAP ${context.soap.version} binding.`}
        soapVersion: '${context.soap.version}',
${context.soap.security === 'username-token' ? "        // WS-Security UsernameToken (PasswordDigest, fresh nonce per attempt); the connector never logs the password.\n        security: { kind: 'username-token', username: config.username, password: config.password },\n" : ''}        timeoutMs: config.timeoutMs,
      }),
    ),
  };
}
`,
  recordsFile: (context) => {
    const { entity } = context.names;
    const operation = operationOf(context);
    return `/**
 * Reading ${entity.pluralPascal} from the legacy SOAP service, in one place: the
 * operation, its parameters, the list elements, the batch limit, and the
 * check of every record. Loaders and entity resolution call this and nothing else.
 *
 * EDIT FIRST: the operation and element names of your WSDL, and
 * \`to${entity.pascal}\` for the fields it returns (every SOAP value arrives as a string).
 */
import type { SoapSource } from '@govgraph/connector-soap';
import { UpstreamDataError } from '@govgraph/sdk';

/** The most ids the legacy system accepts in one batch call. */
export const ${context.names.constant}_BATCH_LIMIT = 100;

/** A ${entity.pascal} as the subgraph serves it. */
export interface ${entity.pascal}Record {
  readonly id: string;
  readonly name: string;
}

/** \`${operation}\` with repeated \`id\`: the records found, in any order, possibly fewer. */
export async function fetch${entity.pluralPascal}ByIds(source: SoapSource, ids: readonly string[]): Promise<${entity.pascal}Record[]> {
  if (ids.length === 0) return [];
  const answer = await source.call<{ ${entity.camel}?: unknown[] }>('${operation}', { id: [...ids] }, { arrays: ['${entity.camel}'] });
  return (answer.${entity.camel} ?? []).map(to${entity.pascal});
}

/** Checks one legacy record; a malformed one is \`CONN_UPSTREAM_INVALID_RESPONSE\` naming the field, never a wrong value. */
export function to${entity.pascal}(raw: unknown): ${entity.pascal}Record {
  const record = (raw ?? {}) as Record<string, unknown>;
  for (const field of ['id', 'name'] as const) {
    if (typeof record[field] !== 'string') throw new UpstreamDataError(\`a ${entity.camel} record from the legacy system has no "\${field}"\`);
  }
  return { id: record['id'] as string, name: record['name'] as string };
}
`;
  },
  fakeSystemFile: (context) => {
    const { entity } = context.names;
    const operation = operationOf(context);
    const service = `${context.names.pascal}Service`;
    const versions = versionsOf(context.soap.version);
    const secured = context.soap.security === 'username-token';
    return `/**
 * A minimal fake of the legacy SOAP service on 127.0.0.1:0, speaking what the
 * WSDL the package was generated from speaks: ${versionText(context.soap.version)}${secured ? ', with a WS-Security UsernameToken (PasswordDigest) required on every call' : ''}.
 * \`GET /${service}?wsdl\` serves the fixture WSDL (its bindings are the same versions);
 * \`POST /${service}\` answers \`${operation}\` with the records whose ids were asked for,
 * in the envelope version of the request, and refuses a version the WSDL does not offer.
 * It counts calls so tests can prove batching.
 */
${secured ? "import { createHash } from 'node:crypto';\n" : ''}import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ${entity.pascal}Record } from '../../${entityBase(context)}-records';

const NAMESPACE = '${namespaceOf(context)}';
/** The SOAP versions of the WSDL's bindings; a request in another version is refused. */
const SOAP_VERSIONS: readonly SoapVersion[] = ${JSON.stringify(versions).replace(/"/g, "'")};
const ENVELOPE_NAMESPACES = { '1.1': 'http://schemas.xmlsoap.org/soap/envelope/', '1.2': 'http://www.w3.org/2003/05/soap-envelope' } as const;
${secured ? `/** The credentials the fake accepts: the tests configure the subgraph with them. */
export const FAKE_CREDENTIALS = { username: '${FAKE_USERNAME}', password: '${FAKE_PASSWORD}' } as const;
` : ''}
type SoapVersion = keyof typeof ENVELOPE_NAMESPACES;

/** A running fake legacy system. */
export interface FakeLegacySystem {
  /** The subgraph config options that point at it. */
  readonly config: Readonly<Record<string, unknown>>;
  /** \`${operation}\` calls answered so far. */
  readonly calls: number;
  /** The SOAP versions of the calls received so far (refused ones included). */
  readonly versionsSeen: ReadonlySet<SoapVersion>;
  close(): Promise<void>;
}

/** Starts the fake with these records. */
export async function startFakeLegacySystem(records: readonly ${entity.pascal}Record[]): Promise<FakeLegacySystem> {
  const wsdl = readFileSync(join(__dirname, '..', 'fixtures', '${context.names.kebab}.wsdl'), 'utf8');
  let calls = 0;
  const versionsSeen = new Set<SoapVersion>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'GET' && req.url === '/${service}?wsdl') {
        res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(wsdl);
        return;
      }
      // SOAP 1.2 is application/soap+xml (RFC 3902), SOAP 1.1 text/xml with a SOAPAction header.
      const version: SoapVersion = (req.headers['content-type'] ?? '').startsWith('application/soap+xml') ? '1.2' : '1.1';
      versionsSeen.add(version);
      const reply = (status: number, body: string) =>
        res.writeHead(status, { 'content-type': version === '1.2' ? 'application/soap+xml; charset=utf-8' : 'text/xml; charset=utf-8' }).end(envelope(version, body));
      if (!SOAP_VERSIONS.includes(version)) {
        reply(500, fault(version, 'VersionMismatch', undefined, \`this service speaks SOAP \${SOAP_VERSIONS.join(' and ')} only\`));
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
${secured ? `      if (!acceptsToken(body)) {
        reply(500, fault(version, 'Sender', 'wsse:FailedAuthentication', 'the security token could not be authenticated'));
        return;
      }
` : ''}      if (req.method === 'POST' && req.url === '/${service}' && body.includes('${operation}')) {
        calls += 1;
        const ids = [...body.matchAll(/<(?:[\\w-]+:)?id>([^<]*)<\\/(?:[\\w-]+:)?id>/g)].map((match) => match[1]);
        const found = records
          .filter((record) => ids.includes(record.id))
          .map((record) => \`<ns:${entity.camel}><ns:id>\${escape(record.id)}</ns:id><ns:name>\${escape(record.name)}</ns:name></ns:${entity.camel}>\`)
          .join('');
        reply(200, \`<ns:${operation}Response xmlns:ns="\${NAMESPACE}">\${found}</ns:${operation}Response>\`);
        return;
      }
      reply(500, fault(version, 'Sender', undefined, 'unknown operation'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    config: { url: \`http://127.0.0.1:\${port}/${service}\`${secured ? ', ...FAKE_CREDENTIALS' : ''} },
    get calls() {
      return calls;
    },
    versionsSeen,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
${secured ? `
/** Checks the UsernameToken: the user name, and Base64(SHA-1(nonce + created + password)) (WSS UsernameToken Profile 1.1). */
function acceptsToken(body: string): boolean {
  const token = /<(?:[\\w-]+:)?UsernameToken[\\s\\S]*?<\\/(?:[\\w-]+:)?UsernameToken>/.exec(body)?.[0] ?? '';
  const value = (element: string) => new RegExp(\`<(?:[\\\\w-]+:)?\${element}(?:\\\\s[^>]*)?>([^<]*)<\`).exec(token)?.[1];
  const [username, password, nonce, created] = [value('Username'), value('Password'), value('Nonce'), value('Created')];
  if (username !== FAKE_CREDENTIALS.username || password === undefined || nonce === undefined || created === undefined) return false;
  const digest = createHash('sha1').update(Buffer.from(nonce, 'base64')).update(created, 'utf8').update(FAKE_CREDENTIALS.password, 'utf8').digest('base64');
  return digest === password;
}
` : ''}
function envelope(version: SoapVersion, body: string): string {
  return \`<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="\${ENVELOPE_NAMESPACES[version]}"><soap:Body>\${body}</soap:Body></soap:Envelope>\`;
}

/** A Fault in the request's version: SOAP 1.1 faultcode/faultstring, SOAP 1.2 Code/Subcode/Reason. */
function fault(version: SoapVersion, code: 'Sender' | 'Receiver' | 'VersionMismatch', subcode: string | undefined, reason: string): string {
  const wsse = 'xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"';
  if (version === '1.1') {
    const faultcode = subcode ?? (code === 'Sender' ? 'soap:Client' : code === 'Receiver' ? 'soap:Server' : 'soap:VersionMismatch');
    return \`<soap:Fault \${wsse}><faultcode>\${faultcode}</faultcode><faultstring>\${escape(reason)}</faultstring></soap:Fault>\`;
  }
  const sub = subcode ? \`<soap:Subcode><soap:Value>\${subcode}</soap:Value></soap:Subcode>\` : '';
  return \`<soap:Fault \${wsse}><soap:Code><soap:Value>soap:\${code}</soap:Value>\${sub}</soap:Code><soap:Reason><soap:Text xml:lang="en">\${escape(reason)}</soap:Text></soap:Reason></soap:Fault>\`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
`;
  },
  extraTests: (context) => {
    const { pascal, kebab } = context.names;
    const spoken = spokenVersion(context.soap.version);
    const secured = context.soap.security === 'username-token';
    return `
  it('talks to the legacy system in SOAP ${spoken}, as its WSDL says (${versionText(context.soap.version)})', async () => {
    const { errors } = await query('{ ${context.names.entity.camel}(id: "A-001") { id } }');
    expect(errors).toBeUndefined();
    expect([...system.versionsSeen]).toEqual(['${spoken}']);
  });
${secured ? `
  it('is refused by the legacy system with a wrong WS-Security password, which no answer shows', async () => {
    const wrong = create${pascal}Subgraph(parse${pascal}SubgraphConfig({ ...system.config, password: 'not-the-password', security: { mode: 'development' } }), { logger: createSilentLogger() });
    try {
      await wrong.start();
      const response = await wrong.fetch('http://${kebab}.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ ${context.names.entity.camel}(id: "A-001") { id } }' }),
      });
      const text = await response.text();
      expect((JSON.parse(text) as Answer).errors?.[0]?.extensions?.code).toBe('CONN_UPSTREAM_UNAVAILABLE');
      expect(text).not.toContain('not-the-password');
      expect(text).not.toContain(String(system.config['password']));
    } finally {
      await wrong.stop();
    }
  });

  it('never shows the password in a configuration error', () => {
    expect(() => parse${pascal}SubgraphConfig({ ...system.config, password: '' })).toThrow(/password: must be the WS-Security password$/m);
    try {
      parse${pascal}SubgraphConfig({ ...system.config, password: 42 });
    } catch (error) {
      expect((error as Error).message).not.toContain('42');
    }
  });
` : ''}`;
  },
  extraFiles: (context) => ({ [`src/__tests__/fixtures/${context.names.kebab}.wsdl`]: wsdlFixture(context) }),
  readmeLegacy: (context) => `The legacy system is ${soapKind.describeLegacy!(context)}. \`src/sources.ts\` configures the source with
\`soapVersion: '${context.soap.version}'\` (${context.soap.version === 'auto' ? 'the WSDL has SOAP 1.1 and 1.2 bindings: 1.2 is used' : `the WSDL has only a SOAP ${context.soap.version} binding`})${
    context.soap.security === 'username-token'
      ? ` and a WS-Security UsernameToken (\`security\`, PasswordDigest) from \`${context.names.constant}_USERNAME\` and \`${context.names.constant}_PASSWORD\`; the password is never logged or shown in a configuration error`
      : ''
  }. \`src/${entityBase(context)}-records.ts\` reads
${context.names.entity.pluralPascal} with one call per batch of ids: \`${operationOf(context)}\` with repeated \`id\` elements,
answered with repeated \`${context.names.entity.camel}\` elements. Change the operation, the parameter and element names
and \`to${context.names.entity.pascal}\` to your WSDL's; the fixture \`src/__tests__/fixtures/${context.names.kebab}.wsdl\` and the
tests' fake system (\`src/__tests__/helpers/fake-legacy-system.ts\`) must change with them. The fake speaks
${versionText(context.soap.version)}${context.soap.security === 'username-token' ? ' and checks the UsernameToken' : ''}, like the WSDL the package was generated from, and refuses any other
version, so the tests fail if the source's \`soapVersion\` does not match the system's; they still do not replace a
run against your system or its simulator.`,
};
