/**
 * The REST/JSON kind: `@govgraph/connector-rest`, a batch endpoint
 * `POST /<plural>/batch { ids }` answering the records found, and a
 * `node:http` JSON server as the fake legacy system in the tests.
 */
import { entityBase, legacySourceName, type KindTemplates, type ScaffoldContext } from '../scaffold-context';
import { timeoutField } from './shared-fields';

/** The path of the batch look-up, relative to the source's base URL. */
function batchPath(context: ScaffoldContext): string {
  return `/${context.names.entity.pluralCamel.replace(/([A-Z])/g, '-$1').toLowerCase()}/batch`;
}

/** Templates of a subgraph over a REST/JSON legacy system. */
export const restKind: KindTemplates = {
  kind: 'rest',
  connectorPackage: '@govgraph/connector-rest',
  connectorDir: 'connectors/rest',
  legacyDescription: 'a REST/JSON API over HTTP',
  countsCalls: true,
  configFields: (context) => [
    {
      key: 'url',
      env: `${context.names.constant}_URL`,
      tsType: 'string',
      zod: 'httpUrl',
      doc: 'Base URL of the legacy REST API (origin plus base path), under which the batch endpoint and `/healthz` live',
      defaultText: 'required',
      example: 'http://legacy.internal:8080/api/v1',
    },
    timeoutField(`${context.names.constant}_TIMEOUT_MS`),
  ],
  sourcesFile: (context) => `/** The legacy systems the ${context.names.kebab} subgraph reads, built from its config. */
import { parseRestSourceConfig, restSource, type RestSource } from '@govgraph/connector-rest';
import type { ${context.names.pascal}SubgraphConfig } from './config';

/** The subgraph's sources: the legacy REST/JSON API. */
export type ${context.names.pascal}Sources = {
  readonly legacy: RestSource;
};

/** Builds the sources (not started: \`createSubgraph\` starts and stops them). Throws \`ConfigError\` for a bad source config. */
export function create${context.names.pascal}Sources(config: ${context.names.pascal}SubgraphConfig): ${context.names.pascal}Sources {
  return {
    legacy: restSource(parseRestSourceConfig({ name: '${legacySourceName(context)}', baseUrl: config.url, timeoutMs: config.timeoutMs })),
  };
}
`,
  recordsFile: (context) => {
    const { entity } = context.names;
    return `/**
 * Reading ${entity.pluralPascal} from the legacy REST API, in one place: the path,
 * the body, the operation name for logs, the batch limit, and the check of
 * every record. Loaders and entity resolution call this and nothing else.
 *
 * EDIT FIRST: the path and body of your system's batch look-up, and
 * \`to${entity.pascal}\` for the fields it returns.
 */
import type { RestSource } from '@govgraph/connector-rest';
import { UpstreamDataError } from '@govgraph/sdk';

/** The most ids the legacy system accepts in one batch call. */
export const ${context.names.constant}_BATCH_LIMIT = 100;

/** A ${entity.pascal} as the subgraph serves it. */
export interface ${entity.pascal}Record {
  readonly id: string;
  readonly name: string;
}

/** \`POST ${batchPath(context)} { ids }\`: the records found, in any order, possibly fewer. */
export async function fetch${entity.pluralPascal}ByIds(source: RestSource, ids: readonly string[]): Promise<${entity.pascal}Record[]> {
  if (ids.length === 0) return [];
  const answer = await source.post<unknown>('${batchPath(context)}', { ids }, { operation: 'batchGet${entity.pluralPascal}' });
  if (!Array.isArray(answer)) throw new UpstreamDataError('the legacy system answered the ${entity.camel} batch with something other than a list');
  return answer.map(to${entity.pascal});
}

/** Checks one legacy record; a malformed one is \`CONN_UPSTREAM_INVALID_RESPONSE\` naming the field, never a wrong value. */
export function to${entity.pascal}(raw: unknown): ${entity.pascal}Record {
  const record = (raw ?? {}) as Record<string, unknown>;
  for (const field of ['id', 'name'] as const) {
    if (typeof record[field] !== 'string') throw new UpstreamDataError(\`a ${entity.camel} record from the legacy system has no string "\${field}"\`);
  }
  return { id: record['id'] as string, name: record['name'] as string };
}
`;
  },
  fakeSystemFile: (context) => {
    const { entity } = context.names;
    return `/**
 * A tiny fake of the legacy REST API on 127.0.0.1:0: \`POST ${batchPath(context)}\`
 * answers the records with the ids asked for, \`GET /healthz\` answers 200.
 * It counts batch calls so tests can prove batching.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ${entity.pascal}Record } from '../../${entityBase(context)}-records';

/** A running fake legacy system. */
export interface FakeLegacySystem {
  /** The subgraph config options that point at it. */
  readonly config: Readonly<Record<string, unknown>>;
  /** Batch calls answered so far. */
  readonly calls: number;
  close(): Promise<void>;
}

/** Starts the fake with these records. */
export async function startFakeLegacySystem(records: readonly ${entity.pascal}Record[]): Promise<FakeLegacySystem> {
  let calls = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'GET' && req.url === '/healthz') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"up"}');
        return;
      }
      if (req.method === 'POST' && req.url === '${batchPath(context)}') {
        calls += 1;
        const { ids } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { ids: string[] };
        const found = records.filter((record) => ids.includes(record.id));
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(found));
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"NOT_FOUND"}}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    config: { url: \`http://127.0.0.1:\${port}\` },
    get calls() {
      return calls;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
`;
  },
  extraFiles: () => ({}),
  readmeLegacy: (context) => `The legacy system is ${restKind.legacyDescription}. \`src/${entityBase(context)}-records.ts\` reads
${context.names.entity.pluralPascal} with one call per batch of ids: \`POST ${batchPath(context)}\` with \`{ "ids": [...] }\`,
answered with the records found (in any order). Change the path, the body and \`to${context.names.entity.pascal}\` to what
your system speaks; the tests' fake system (\`src/__tests__/helpers/fake-legacy-system.ts\`) must change with them.`,
};

