export { startCatalogExporter, type CatalogExporterOptions, type CatalogExporterHandle } from './start-catalog-exporter';
export { writeCatalogExport, type CatalogExportOptions, type CatalogExportFile } from './write-catalog-export';
export {
  CATALOG_HEADER,
  formatCatalogCsv,
  formatCsvField,
  catalogRowOf,
  badCatalogRow,
  type CatalogBadRow,
  type CatalogBadRowKind,
} from './catalog-csv';
export { CATALOG_FILE_PATTERN, catalogFileName, catalogFileTime } from './catalog-file-name';
