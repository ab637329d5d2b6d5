/**
 * The file kind: `@govgraph/connector-file`, the newest CSV export of a
 * directory (GBK by default) held in memory, looked up through an index
 * built once per snapshot, and a temporary directory with a GBK CSV in the tests.
 */
import { entityBase, legacySourceName, type KindTemplates, type ScaffoldContext } from '../scaffold-context';

function filePrefix(context: ScaffoldContext): string {
  return context.names.kebab;
}

/** Templates of a subgraph over a legacy system's export files. */
export const fileKind: KindTemplates = {
  kind: 'file',
  connectorPackage: '@govgraph/connector-file',
  connectorDir: 'connectors/file',
  legacyDescription: 'CSV export files dropped into a directory (GBK by default)',
  countsCalls: false,
  configFields: (context) => [
    {
      key: 'dir',
      env: `${context.names.constant}_DIR`,
      tsType: 'string',
      zod: 'absolutePath',
      doc: 'Absolute path of the directory the legacy system exports its CSV files to',
      defaultText: 'required',
      example: `/srv/exports/${context.names.kebab}`,
    },
    {
      key: 'filePattern',
      env: `${context.names.constant}_FILE_PATTERN`,
      tsType: 'string',
      zod: "z.string({ error: 'must be a regular expression' }).min(1, { error: 'must not be empty' }).default('\\\\.csv$')",
      doc: 'Regular expression of the export file names; the last in name order is loaded',
      defaultText: '`\\.csv$`',
      example: `^${filePrefix(context)}-\\d{14}\\.csv$`,
    },
    {
      key: 'encoding',
      env: `${context.names.constant}_ENCODING`,
      tsType: "'gbk' | 'gb18030' | 'utf-8'",
      zod: "z.enum(['gbk', 'gb18030', 'utf-8'], { error: 'must be one of gbk, gb18030, utf-8' }).default('gbk')",
      doc: 'Encoding of the export files',
      defaultText: '`gbk`',
      example: 'gb18030',
    },
  ],
  sourcesFile: (context) => `/** The legacy systems the ${context.names.kebab} subgraph reads, built from its config. */
import { fileSource, parseFileSourceConfig, type FileSource } from '@govgraph/connector-file';
import type { ${context.names.pascal}SubgraphConfig } from './config';
import { ${context.names.constant}_COLUMNS, map${context.names.entity.pascal}Row, type ${context.names.entity.pascal}Record } from './${entityBase(context)}-records';

/** The subgraph's sources: the legacy system's export files. */
export type ${context.names.pascal}Sources = {
  readonly legacy: FileSource<${context.names.entity.pascal}Record>;
};

/** Builds the sources (not started: \`createSubgraph\` starts and stops them). Throws \`ConfigError\` for a bad source config. */
export function create${context.names.pascal}Sources(config: ${context.names.pascal}SubgraphConfig): ${context.names.pascal}Sources {
  return {
    legacy: fileSource(
      parseFileSourceConfig({
        name: '${legacySourceName(context)}',
        directory: config.dir,
        pattern: config.filePattern,
        encoding: config.encoding,
        csv: { columns: Object.values(${context.names.constant}_COLUMNS) },
      }),
      map${context.names.entity.pascal}Row,
    ),
  };
}
`,
  recordsFile: (context) => {
    const { entity } = context.names;
    return `/**
 * Reading ${entity.pluralPascal} from the legacy export files, in one place: the
 * column names, the mapping of a CSV row, and the look-up index (built once
 * per loaded file, not per request). Loaders and entity resolution call this
 * and nothing else.
 *
 * EDIT FIRST: the column names of your export, and \`map${entity.pascal}Row\`.
 */
import type { FileSource, MapRow } from '@govgraph/connector-file';

/** Look-ups are in memory; batches only bound the work of one call. */
export const ${context.names.constant}_BATCH_LIMIT = 100;

/** The export's columns (the header must contain them). */
export const ${context.names.constant}_COLUMNS = { id: '编号', name: '名称' } as const;

/** A ${entity.pascal} as the subgraph serves it. */
export interface ${entity.pascal}Record {
  readonly id: string;
  readonly name: string;
}

/** One CSV row to a record; throwing skips the row as bad (the message must hold no personal data). */
export const map${entity.pascal}Row: MapRow<${entity.pascal}Record> = (row) => {
  const id = row[${context.names.constant}_COLUMNS.id]?.trim();
  const name = row[${context.names.constant}_COLUMNS.name]?.trim();
  if (!id) throw new Error(\`\${${context.names.constant}_COLUMNS.id} is empty\`);
  if (!name) throw new Error(\`\${${context.names.constant}_COLUMNS.name} is empty\`);
  return { id, name };
};

/** One index per snapshot: the records array of a snapshot never changes, a new file brings a new array. */
const indexes = new WeakMap<readonly ${entity.pascal}Record[], ReadonlyMap<string, ${entity.pascal}Record>>();

/** The records with these ids in the current snapshot, possibly fewer. */
export async function fetch${entity.pluralPascal}ByIds(source: FileSource<${entity.pascal}Record>, ids: readonly string[]): Promise<${entity.pascal}Record[]> {
  const records = source.records();
  let index = indexes.get(records);
  if (!index) {
    index = new Map(records.map((record) => [record.id, record]));
    indexes.set(records, index);
  }
  return ids.flatMap((id) => {
    const found = index.get(id);
    return found ? [found] : [];
  });
}
`;
  },
  fakeSystemFile: (context) => {
    const { entity } = context.names;
    return `/**
 * The fake legacy export: a temporary directory holding one GBK CSV file
 * (\`${filePrefix(context)}-20240301080000.csv\`) with a Chinese header, as
 * provincial systems write them.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode } from 'iconv-lite';
import { ${context.names.constant}_COLUMNS, type ${entity.pascal}Record } from '../../${entityBase(context)}-records';

/** A fake legacy system ready for the subgraph. */
export interface FakeLegacySystem {
  /** The subgraph config options that point at it. */
  readonly config: Readonly<Record<string, unknown>>;
  /** Calls are not counted for files. */
  readonly calls: undefined;
  close(): Promise<void>;
}

/** Writes the export with these records (values must not contain commas, quotes or line breaks). */
export async function startFakeLegacySystem(records: readonly ${entity.pascal}Record[]): Promise<FakeLegacySystem> {
  const dir = await mkdtemp(join(tmpdir(), '${context.names.kebab}-'));
  const lines = [\`\${${context.names.constant}_COLUMNS.id},\${${context.names.constant}_COLUMNS.name}\`, ...records.map((record) => \`\${record.id},\${record.name}\`)];
  await writeFile(join(dir, '${filePrefix(context)}-20240301080000.csv'), encode(\`\${lines.join('\\r\\n')}\\r\\n\`, 'gbk'));
  return {
    config: { dir, encoding: 'gbk' },
    calls: undefined,
    close: () => rm(dir, { recursive: true, force: true }),
  };
}
`;
  },
  extraFiles: () => ({}),
  readmeLegacy: (context) => `The legacy system is ${fileKind.legacyDescription}. The source loads the newest file
matching \`${context.names.constant}_FILE_PATTERN\` and swaps in each newer one without a restart.
\`src/${entityBase(context)}-records.ts\` names the columns (\`编号\`, \`名称\`), maps each row (\`map${context.names.entity.pascal}Row\`;
bad rows are skipped and reported) and looks records up through an index built once per loaded file. Change the
columns and the mapping to your export's; the tests' fake export (\`src/__tests__/helpers/fake-legacy-system.ts\`)
must change with them.`,
};
