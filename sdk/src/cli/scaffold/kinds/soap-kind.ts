/**
 * The SOAP kind: `@govgraph/connector-soap`, a document/literal batch
 * operation `Get<Entities>` (repeated `id` in, repeated records out), a WSDL
 * fixture describing it, and a minimal SOAP 1.1 server in the tests.
 */
import { entityBase, legacySourceName, type KindTemplates, type ScaffoldContext } from '../scaffold-context';
import { timeoutField } from './shared-fields';

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
  return `<?xml version="1.0" encoding="UTF-8"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
    xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:tns="${namespaceOf(context)}"
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
  <wsdl:binding name="${service}Binding" type="tns:${service}PortType">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="${operation}">
      <soap:operation soapAction="${namespaceOf(context)}/${operation}" style="document"/>
      <wsdl:input><soap:body use="literal"/></wsdl:input>
      <wsdl:output><soap:body use="literal"/></wsdl:output>
    </wsdl:operation>
  </wsdl:binding>
  <wsdl:service name="${service}">
    <wsdl:port name="${service}Port" binding="tns:${service}Binding"><soap:address location="http://localhost/${service}"/></wsdl:port>
  </wsdl:service>
</wsdl:definitions>
`;
}

/** Templates of a subgraph over a SOAP 1.1 legacy system. */
export const soapKind: KindTemplates = {
  kind: 'soap',
  connectorPackage: '@govgraph/connector-soap',
  connectorDir: 'connectors/soap',
  legacyDescription: 'a SOAP 1.1 web service (document/literal)',
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
        timeoutMs: config.timeoutMs,
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
    return `/**
 * A minimal fake of the legacy SOAP service on 127.0.0.1:0: \`GET /${service}?wsdl\`
 * serves the fixture WSDL; \`POST /${service}\` answers \`${operation}\` with the
 * records whose ids were asked for. It counts calls so tests can prove batching.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { ${entity.pascal}Record } from '../../${entityBase(context)}-records';

const NAMESPACE = '${namespaceOf(context)}';

/** A running fake legacy system. */
export interface FakeLegacySystem {
  /** The subgraph config options that point at it. */
  readonly config: Readonly<Record<string, unknown>>;
  /** \`${operation}\` calls answered so far. */
  readonly calls: number;
  close(): Promise<void>;
}

/** Starts the fake with these records. */
export async function startFakeLegacySystem(records: readonly ${entity.pascal}Record[]): Promise<FakeLegacySystem> {
  const wsdl = readFileSync(join(__dirname, '..', 'fixtures', '${context.names.kebab}.wsdl'), 'utf8');
  let calls = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'GET' && req.url === '/${service}?wsdl') {
        res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(wsdl);
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      if (req.method === 'POST' && req.url === '/${service}' && body.includes('${operation}')) {
        calls += 1;
        const ids = [...body.matchAll(/<(?:[\\w-]+:)?id>([^<]*)<\\/(?:[\\w-]+:)?id>/g)].map((match) => match[1]);
        const found = records
          .filter((record) => ids.includes(record.id))
          .map((record) => \`<ns:${entity.camel}><ns:id>\${escape(record.id)}</ns:id><ns:name>\${escape(record.name)}</ns:name></ns:${entity.camel}>\`)
          .join('');
        res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(envelope(\`<ns:${operation}Response xmlns:ns="\${NAMESPACE}">\${found}</ns:${operation}Response>\`));
        return;
      }
      res.writeHead(500, { 'content-type': 'text/xml; charset=utf-8' }).end(envelope('<soap:Fault><faultcode>soap:Client</faultcode><faultstring>unknown operation</faultstring></soap:Fault>'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    config: { url: \`http://127.0.0.1:\${port}/${service}\` },
    get calls() {
      return calls;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

function envelope(body: string): string {
  return \`<?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>\${body}</soap:Body></soap:Envelope>\`;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
`;
  },
  extraFiles: (context) => ({ [`src/__tests__/fixtures/${context.names.kebab}.wsdl`]: wsdlFixture(context) }),
  readmeLegacy: (context) => `The legacy system is ${soapKind.legacyDescription}. \`src/${entityBase(context)}-records.ts\` reads
${context.names.entity.pluralPascal} with one call per batch of ids: \`${operationOf(context)}\` with repeated \`id\` elements,
answered with repeated \`${context.names.entity.camel}\` elements. Change the operation, the parameter and element names
and \`to${context.names.entity.pascal}\` to your WSDL's; the fixture \`src/__tests__/fixtures/${context.names.kebab}.wsdl\` and the
tests' fake system (\`src/__tests__/helpers/fake-legacy-system.ts\`) must change with them.`,
};
