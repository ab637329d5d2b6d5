/**
 * Reading one record a legacy system answered with, field by field, collecting
 * every problem so that one `UpstreamDataError` names all that is wrong with it.
 * Problems name fields, never values: values are personal data (ID numbers,
 * phone numbers) and error messages reach clients.
 */

/** Options of {@link RecordReader.text}. */
export interface TextFieldOptions {
  /** Accept `''` (e.g. a phone number the registry does not have). @default false */
  readonly allowEmpty?: boolean;
}

/** Reads the fields of one record; see {@link readRecord}. */
export interface RecordReader {
  /** The field as trimmed text; records a problem (and returns `''`) when it is missing, `null`, not text, or empty. */
  text(field: string, options?: TextFieldOptions): string;
  /** Records a problem found by the caller (e.g. `gender must be M or F`). */
  problem(message: string): void;
  /** Every problem recorded so far. */
  readonly problems: readonly string[];
}

/** Starts reading `record`; `undefined` when it is not an object at all. */
export function readRecord(record: unknown): RecordReader | undefined {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return undefined;
  const fields = record as Readonly<Record<string, unknown>>;
  const problems: string[] = [];
  return {
    text(field, options = {}) {
      const value = fields[field];
      if (value === undefined || value === null) {
        problems.push(`${field} is missing`);
        return '';
      }
      if (typeof value !== 'string') {
        problems.push(`${field} must be text, got ${Array.isArray(value) ? 'a list' : typeof value}`);
        return '';
      }
      const text = value.trim();
      if (text === '' && !options.allowEmpty) problems.push(`${field} is empty`);
      return text;
    },
    problem(message) {
      problems.push(message);
    },
    problems,
  };
}

/** The raw text of `field` of a record (trimmed), if it has one: to name or place a record that failed to map. */
export function rawText(record: unknown, field: string): string | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const value = (record as Readonly<Record<string, unknown>>)[field];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
