/**
 * Configuration of a file source: a directory where a legacy system drops
 * export files (`catalog-YYYYMMDDHHmmss.csv`), their encoding (GBK by
 * default: most provincial systems export in it) and their format: CSV, or
 * fixed-width records (columns at byte positions).
 */
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import {
  booleanOption,
  capabilityManifestInputSchema,
  integerOption,
  numberOption,
  parseConfig,
  resolveCapabilities,
  type CapabilityManifest,
} from '@govgraph/sdk';

/** Encodings of export files. Decoding is iconv-lite's. */
export type FileEncoding = 'gbk' | 'gb18030' | 'utf-8';

/** How the CSV is written. */
export interface CsvOptions {
  /**
   * The field delimiter.
   * @default ','
   */
  readonly delimiter: string;
  /**
   * The first row names the columns. Names are trimmed.
   * @default true
   */
  readonly header: boolean;
  /**
   * The column names. Required when `header` is false. When `header` is true,
   * the header must contain each of them, or the file is refused (the export
   * format changed).
   */
  readonly columns: readonly string[] | undefined;
}

/** CSV records (`format: { kind: 'csv', … }`, or the older top-level `csv` option). */
export interface CsvFormat extends CsvOptions {
  readonly kind: 'csv';
}

/** One column of a fixed-width record: where it is in the line, in bytes of the file's encoding. */
export interface FixedWidthColumn {
  /** The column's name (the key in the row given to `mapRow`). */
  readonly name: string;
  /** 1-based byte offset of the column's first byte in the line. */
  readonly start: number;
  /** The column's length in bytes (a GBK Chinese character is 2 bytes, a UTF-8 one 3). */
  readonly length: number;
}

/**
 * Fixed-width records: one record per line (LF or CRLF), each column a
 * byte range of the line, decoded on its own. A line shorter than the
 * columns' end, or a column whose range splits a multi-byte character, is a
 * bad row.
 */
export interface FixedWidthFormat {
  readonly kind: 'fixed-width';
  /** The columns; ranges must not overlap. */
  readonly columns: readonly FixedWidthColumn[];
  /**
   * Remove leading and trailing white space (padding, including the
   * full-width space U+3000) from every value.
   * @default true
   */
  readonly trim: boolean;
  /**
   * Lines at the top of the file that are not records (a title, a header).
   * @default 0
   */
  readonly skipLines: number;
}

/** How the export files are written. */
export type FileFormat = CsvFormat | FixedWidthFormat;

/** A parsed, frozen file source config. Build it with {@link parseFileSourceConfig}. */
export interface FileSourceConfig {
  /** The legacy system, e.g. `'service-catalog'`. Used in logs and `/readyz`. */
  readonly name: string;
  /** Absolute path of the directory the export files appear in. */
  readonly directory: string;
  /**
   * Which file names in `directory` are exports (given as a regular
   * expression string). The newest is the last in file-name order.
   * @default /\.csv$/
   */
  readonly pattern: RegExp;
  /**
   * The files' encoding. A BOM is removed in every encoding.
   * @default 'gbk'
   */
  readonly encoding: FileEncoding;
  /**
   * The CSV options (the same as `format` without `kind` when the format is
   * CSV; the defaults otherwise).
   * @default { delimiter: ',', header: true }
   */
  readonly csv: CsvOptions;
  /**
   * The files' format. Given as `format: { kind: 'csv', … }` or
   * `format: { kind: 'fixed-width', … }`; without `format` the files are
   * CSV as described by the `csv` option.
   * @default { kind: 'csv', delimiter: ',', header: true }
   */
  readonly format: FileFormat;
  /**
   * How often the directory is listed, besides `fs.watch` (which misses
   * events on some network and container filesystems).
   * @default 2000
   */
  readonly pollIntervalMs: number;
  /**
   * A new or changed file is loaded once its size and modification time
   * have stayed the same this long, so a file still being written is not
   * read half-way. `0` loads at once.
   * @default 500
   */
  readonly settleMs: number;
  /**
   * Above this share of bad rows (0–1) a file is refused as a whole and the
   * previous snapshot is kept. Unset: any number of bad rows is accepted.
   */
  readonly maxBadRowRatio: number | undefined;
  /**
   * Start without a file (and serve an empty snapshot, reported as down,
   * until one appears) instead of failing `start()`.
   * @default false
   */
  readonly allowEmpty: boolean;
  /**
   * The capability manifest of the legacy system, when configured. A file source makes no calls, so only
   * `batch` and `pagination` matter (loaders read them from `source.capabilities`); the rest is accepted so one
   * manifest format serves every source.
   * @default undefined (the manifest's defaults)
   */
  readonly capabilities?: CapabilityManifest | undefined;
}

const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const csvSchema = z.strictObject({
  delimiter: z
    .string()
    .min(1)
    .max(4)
    .refine((d) => !/["\r\n]/.test(d), 'must not contain a quote or a line break')
    .default(','),
  header: booleanOption().default(true),
  columns: z
    .array(z.string().trim().min(1).refine((name) => name !== '__proto__', 'is a reserved name'))
    .min(1)
    .refine((names) => new Set(names).size === names.length, 'must not repeat a name')
    .optional(),
});

const fixedWidthColumnSchema = z.strictObject({
  name: z.string().trim().min(1).refine((name) => name !== '__proto__', 'is a reserved name'),
  start: integerOption(1, 1_000_000),
  length: integerOption(1, 100_000),
});

const formatSchema = z.discriminatedUnion('kind', [
  csvSchema.extend({ kind: z.literal('csv') }),
  z.strictObject({
    kind: z.literal('fixed-width'),
    columns: z
      .array(fixedWidthColumnSchema)
      .min(1)
      .superRefine((columns, ctx) => {
        const names = new Set<string>();
        columns.forEach((column, i) => {
          if (names.has(column.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], input: column.name, message: 'must not repeat a name' });
          names.add(column.name);
          const end = column.start + column.length;
          const other = columns.findIndex((c, j) => j < i && c.start < end && column.start < c.start + c.length);
          if (other !== -1) ctx.addIssue({ code: 'custom', path: [i], message: `overlaps column ${JSON.stringify(columns[other]!.name)}` });
        });
      }),
    trim: booleanOption().default(true),
    skipLines: integerOption(0, 10_000).default(0),
  }),
]);

const inputSchema = z
  .strictObject({
    name: z.string().regex(NAME_PATTERN, 'must be 1–64 letters, digits, ".", "_" or "-"'),
    directory: z.string().refine(isAbsolute, 'must be an absolute path'),
    pattern: z
      .string()
      .min(1)
      .refine(isRegExp, 'must be a valid regular expression')
      .default('\\.csv$'),
    encoding: z.enum(['gbk', 'gb18030', 'utf-8']).default('gbk'),
    // Not defaulted here, so that giving both csv and format can be told apart from giving format alone.
    csv: csvSchema.optional(),
    format: formatSchema.optional(),
    pollIntervalMs: integerOption(10, 3_600_000).default(2000),
    settleMs: integerOption(0, 600_000).default(500),
    maxBadRowRatio: numberOption(0, 1).optional(),
    allowEmpty: booleanOption().default(false),
    capabilities: capabilityManifestInputSchema.optional(),
  })
  .superRefine(
    (input, ctx) => {
      const csv = input.csv as { header?: unknown; columns?: unknown } | undefined;
      if (csv && typeof csv === 'object' && csv.header === false && csv.columns === undefined) {
        ctx.addIssue({ code: 'custom', path: ['csv', 'columns'], message: 'is required when csv.header is false' });
      }
      const format = input.format as { kind?: unknown; header?: unknown; columns?: unknown } | undefined;
      if (format && typeof format === 'object' && format.kind === 'csv' && format.header === false && format.columns === undefined) {
        ctx.addIssue({ code: 'custom', path: ['format', 'columns'], message: 'is required when format.header is false' });
      }
      if (format !== undefined && input.csv !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['format'], message: 'cannot be given together with csv (put the CSV options in format)' });
      }
    },
    // Run even when other options are invalid, so every problem is reported at once.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  )
  .transform(
    (input): FileSourceConfig => ({
      name: input.name,
      directory: input.directory,
      pattern: new RegExp(input.pattern),
      encoding: input.encoding,
      ...formatsOf(input.csv, input.format),
      pollIntervalMs: input.pollIntervalMs,
      settleMs: input.settleMs,
      maxBadRowRatio: input.maxBadRowRatio,
      allowEmpty: input.allowEmpty,
      ...(input.capabilities ? { capabilities: resolveCapabilities(input.capabilities) } : {}),
    }),
  );

/**
 * Validates a file source config (from code or environment strings) and
 * returns it frozen, with defaults applied. Throws a `ConfigError` naming
 * every bad option and its value.
 */
export function parseFileSourceConfig(input: unknown): FileSourceConfig {
  return parseConfig(inputSchema, input, 'file source');
}

/** The `csv` and `format` fields of the parsed config from either way of giving the format. */
function formatsOf(
  csv: z.output<typeof csvSchema> | undefined,
  format: z.output<typeof formatSchema> | undefined,
): Pick<FileSourceConfig, 'csv' | 'format'> {
  if (format?.kind === 'fixed-width') {
    const columns = format.columns.map((column) => ({ name: column.name, start: column.start, length: column.length }));
    return {
      csv: { delimiter: ',', header: true, columns: undefined },
      format: { kind: 'fixed-width', columns, trim: format.trim, skipLines: format.skipLines },
    };
  }
  const options = format ?? csv ?? { delimiter: ',', header: true, columns: undefined };
  const csvOptions: CsvOptions = { delimiter: options.delimiter, header: options.header, columns: options.columns };
  return { csv: csvOptions, format: { kind: 'csv', ...csvOptions } };
}

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
