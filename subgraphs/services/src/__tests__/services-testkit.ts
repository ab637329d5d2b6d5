/**
 * Test helpers: a catalog exporter (the simulated legacy system) writing GBK
 * exports into a temporary directory, and the services subgraph reading it,
 * queried in-process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSilentLogger, type Subgraph } from '@govgraph/sdk';
import { startCatalogExporter, type CatalogBadRow, type CatalogExporterHandle, type ServiceRecord } from '@govgraph/legacy';
import { createServicesSubgraph, parseServicesSubgraphConfig } from '../index';

/** A small hand-made catalog, deliberately not in code order. */
export const SERVICES: readonly ServiceRecord[] = [
  { code: '320100-XK-0002', name: '食品经营许可（变更）', department: '南京市市场监督管理局', kind: '行政许可', onlineDepth: 4, promisedDays: 5, legalDays: 20 },
  { code: '320100-XK-0001', name: '食品经营许可（新办）', department: '南京市市场监督管理局', kind: '行政许可', onlineDepth: 3, promisedDays: 10, legalDays: 20 },
  { code: '320100-QR-0001', name: '结婚登记', department: '南京市民政局', kind: '行政确认', onlineDepth: 2, promisedDays: 0, legalDays: 1 },
  { code: '320000-XK-0001', name: '企业名称登记, 含"生僻字"（镕、喆、堃）', department: '江苏省市场监督管理局', kind: '行政许可', onlineDepth: 4, promisedDays: 3, legalDays: 20 },
  { code: '320200-GG-0001', name: 'ETC 电子标签办理', department: '无锡市交通运输局', kind: '公共服务', onlineDepth: 4, promisedDays: 1, legalDays: 3 },
];

/** The GraphQL answer for a service record: every field. */
export const SERVICE_FIELDS = 'code name department kind onlineDepth promisedDays legalDays';

/** The expected GraphQL object of the record with this code. */
export function expected(code: string, services: readonly ServiceRecord[] = SERVICES): Record<string, unknown> {
  const found = services.find((service) => service.code === code);
  if (!found) throw new Error(`no test service ${code}`);
  return { ...found };
}

/** A GraphQL response body. */
export interface GraphQLBody {
  data?: any;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** A running catalog exporter and services subgraph. */
export interface ServicesTestbed {
  readonly directory: string;
  readonly exporter: CatalogExporterHandle;
  readonly subgraph: Subgraph;
  query(query: string, variables?: Record<string, unknown>): Promise<GraphQLBody>;
  /** Waits until the subgraph serves this export file (the file source swapped it in). */
  waitForFile(fileName: string): Promise<void>;
  close(): Promise<void>;
}

/** Options of {@link startTestbed}. */
export interface TestbedOptions {
  readonly services?: readonly ServiceRecord[];
  readonly badRows?: readonly CatalogBadRow[];
  /** Extra catalog options of the subgraph config. */
  readonly catalog?: Record<string, unknown>;
  /** Start the subgraph (default) or leave that to the test. */
  readonly start?: boolean;
}

/** Makes an empty temporary export directory. */
export function makeExportDirectory(): string {
  return mkdtempSync(join(tmpdir(), 'govgraph-services-'));
}

/** Builds the subgraph over `directory` with fast polling. */
export function buildSubgraph(directory: string, catalog: Record<string, unknown> = {}): Subgraph {
  const config = parseServicesSubgraphConfig({ timeoutMs: 1000, security: { mode: 'development' }, catalog: { directory, pollIntervalMs: 20, settleMs: 0, ...catalog } });
  return createServicesSubgraph(config, { logger: createSilentLogger() });
}

/** Sends one GraphQL request to the subgraph in-process. */
export async function post(subgraph: Subgraph, query: string, variables?: Record<string, unknown>): Promise<GraphQLBody> {
  const response = await subgraph.fetch('http://services.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLBody;
}

/** Waits until `condition` holds, polling. */
export async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Writes the initial export and starts the subgraph over it. */
export async function startTestbed(options: TestbedOptions = {}): Promise<ServicesTestbed> {
  const directory = makeExportDirectory();
  const exporter = await startCatalogExporter({ directory, dataset: { services: options.services ?? SERVICES }, badRows: options.badRows ?? [] });
  const subgraph = buildSubgraph(directory, options.catalog);
  if (options.start !== false) await subgraph.start();
  return {
    directory,
    exporter,
    subgraph,
    query: (query, variables) => post(subgraph, query, variables),
    waitForFile: (fileName) =>
      waitFor(async () => (await subgraph.readiness()).sources['catalog']?.detail?.startsWith(`${fileName}:`) === true, `${fileName} to be served`),
    async close() {
      await subgraph.stop();
      await exporter.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
