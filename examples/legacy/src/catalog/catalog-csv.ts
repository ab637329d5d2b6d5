/**
 * The catalog export's CSV dialect: a Chinese header row, one service per
 * row, comma separated, CRLF line ends, RFC 4180 quoting (a field holding a
 * comma, quote, CR or LF is quoted and its quotes doubled). Encoding to GBK
 * happens when the file is written.
 */
import type { ServiceRecord } from '../data/types';

/** The header row, in column order. */
export const CATALOG_HEADER: readonly string[] = Object.freeze(['事项编码', '事项名称', '实施部门', '事项类型', '网办深度', '承诺时限', '法定时限']);

/** Kinds of deliberately corrupt rows, for testing a reader's row-level error handling. */
export type CatalogBadRowKind =
  /** A row with 3 columns instead of 7. */
  | 'wrong-column-count'
  /** 承诺时限 written as Chinese numerals (`十五`), as hand-edited exports do. */
  | 'non-numeric-days'
  /** 网办深度 outside 1–4 (`5`). */
  | 'bad-depth';

/** One corrupt row to insert into an export. */
export interface CatalogBadRow {
  readonly kind: CatalogBadRowKind;
  /** Index among the data rows before which it goes (0 = first data row). @default after the last row */
  readonly at?: number;
  /** Its item code. @default `BAD-<n>` (n = 1-based position in `badRows`) */
  readonly code?: string;
}

/** RFC 4180 field quoting. */
export function formatCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The fields of one service, in header order. */
export function catalogRowOf(service: ServiceRecord): string[] {
  return [service.code, service.name, service.department, service.kind, String(service.onlineDepth), String(service.promisedDays), String(service.legalDays)];
}

/** The fields of one corrupt row. */
export function badCatalogRow(kind: CatalogBadRowKind, code: string): string[] {
  const base = [code, '损坏的事项（测试）', '测试部门', '公共服务', '2', '5', '10'];
  switch (kind) {
    case 'wrong-column-count':
      return base.slice(0, 3);
    case 'non-numeric-days':
      return [...base.slice(0, 5), '十五', '20'];
    case 'bad-depth':
      return [...base.slice(0, 4), '5', ...base.slice(5)];
  }
}

/** The whole export as text: header, rows (bad rows inserted), each line ending in CRLF. */
export function formatCatalogCsv(services: readonly ServiceRecord[], badRows: readonly CatalogBadRow[] = []): string {
  const rows = services.map(catalogRowOf);
  // Insert from the highest position down so earlier positions keep their meaning.
  const placed = badRows.map((bad, index) => ({ at: Math.min(bad.at ?? rows.length, rows.length), order: index, row: badCatalogRow(bad.kind, bad.code ?? `BAD-${index + 1}`) }));
  placed.sort((a, b) => b.at - a.at || b.order - a.order);
  for (const { at, row } of placed) rows.splice(at, 0, row);
  return [CATALOG_HEADER, ...rows].map((fields) => `${fields.map(formatCsvField).join(',')}\r\n`).join('');
}
