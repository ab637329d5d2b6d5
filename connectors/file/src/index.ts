export { fileSource, type FileSource, type FileSnapshot, type FileRefusal } from './connector';
export {
  parseFileSourceConfig,
  type FileSourceConfig,
  type FileEncoding,
  type CsvOptions,
  type CsvFormat,
  type FixedWidthFormat,
  type FixedWidthColumn,
  type FileFormat,
} from './config';
export type { MapRow, MapRowContext } from './mapping';
export type { FileBadRow } from './parse-csv';
