/**
 * Configuration of a file source: a directory where a legacy system drops
 * export files (`catalog-YYYYMMDDHHmmss.csv`), their encoding (GBK by
 * default: most provincial systems export in it) and the CSV dialect.
 */
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { booleanOption, integerOption, numberOption, parseConfig } from '@govgraph/sdk';

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
  /** @default { delimiter: ',', header: true } */
  readonly csv: CsvOptions;
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
    csv: csvSchema.default({ delimiter: ',', header: true }),
    pollIntervalMs: integerOption(10, 3_600_000).default(2000),
    settleMs: integerOption(0, 600_000).default(500),
    maxBadRowRatio: numberOption(0, 1).optional(),
    allowEmpty: booleanOption().default(false),
  })
  .superRefine(
    (input, ctx) => {
      const csv = input.csv as { header?: unknown; columns?: unknown } | undefined;
      if (csv && typeof csv === 'object' && csv.header === false && csv.columns === undefined) {
        ctx.addIssue({ code: 'custom', path: ['csv', 'columns'], message: 'is required when csv.header is false' });
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
      csv: { delimiter: input.csv.delimiter, header: input.csv.header, columns: input.csv.columns },
      pollIntervalMs: input.pollIntervalMs,
      settleMs: input.settleMs,
      maxBadRowRatio: input.maxBadRowRatio,
      allowEmpty: input.allowEmpty,
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

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
