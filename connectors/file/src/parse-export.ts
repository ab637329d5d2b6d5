/**
 * A read export file → its rows, by the configured format: CSV from the
 * decoded text, fixed-width from the raw bytes (positions are bytes).
 */
import type { FileSourceConfig } from './config';
import type { ReadResult } from './client';
import { parseCsv, type ParsedCsv } from './parse-csv';
import { parseFixedWidth } from './parse-fixed-width';

/** Parses what `ExportDirectory.read` gave for a file that did not change while read. @internal */
export function parseExport(read: Exclude<ReadResult, { kind: 'changed' }>, config: FileSourceConfig): ParsedCsv {
  if (read.kind === 'bytes') {
    if (config.format.kind !== 'fixed-width') throw new Error('a CSV file was read as bytes');
    return parseFixedWidth(read.bytes, config.format, config.encoding);
  }
  return parseCsv(read.text, config.csv, config.encoding);
}
