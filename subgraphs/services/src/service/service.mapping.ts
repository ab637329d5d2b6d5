/**
 * A row of the catalog's CSV export → a {@link Service}. The catalog is
 * maintained by hand in many offices, so every column is checked: a row
 * that breaks a rule throws an `UpstreamDataError` naming each bad column,
 * and the file source skips and reports it (line and reason) while the rest
 * of the export is served. The catalog is public (L1) data, so a reason may
 * quote the offending value.
 */
import { UpstreamDataError } from '@govgraph/sdk';
import type { MapRow, MapRowContext } from '@govgraph/connector-file';
import type { Service } from './service.type';

/** The export's header, in the exporter's column order; a file lacking one of them is refused as a whole. */
export const CATALOG_COLUMNS = Object.freeze(['事项编码', '事项名称', '实施部门', '事项类型', '网办深度', '承诺时限', '法定时限'] as const);

/**
 * The shape of a catalog item code: the 6-digit region code (GB/T 2260, e.g.
 * `320100` Nanjing, `320000` the province), two capital letters for the item
 * kind (`XK` 行政许可, `GG` 公共服务, …) and a 4-digit sequence.
 */
export const SERVICE_CODE_PATTERN = /^\d{6}-[A-Z]{2}-\d{4}$/;

/** The longest accepted texts, to catch a shifted or merged column. */
const MAX_LENGTH = { name: 200, department: 100, kind: 50 } as const;
/** The longest time limit accepted, in working days: 4 digits. */
const DAYS_PATTERN = /^\d{1,4}$/;

/**
 * Maps one export row, or throws an `UpstreamDataError` listing every
 * problem of the row. Values are trimmed (hand-edited exports pad them).
 */
export function mapServiceRow(row: Readonly<Record<string, string>>): Service {
  const problems: string[] = [];
  const text = (column: string): string => (row[column] ?? '').trim();

  const code = text('事项编码');
  if (code === '') problems.push('事项编码 is empty');
  else if (!SERVICE_CODE_PATTERN.test(code)) problems.push(`事项编码 ${quote(code)} is not of the form 320100-XK-0012`);

  const name = requiredText('事项名称', text('事项名称'), MAX_LENGTH.name, problems);
  const department = requiredText('实施部门', text('实施部门'), MAX_LENGTH.department, problems);
  const kind = requiredText('事项类型', text('事项类型'), MAX_LENGTH.kind, problems);

  const depthText = text('网办深度');
  const onlineDepth = /^[1-4]$/.test(depthText) ? Number(depthText) : undefined;
  if (onlineDepth === undefined) problems.push(`网办深度 must be a whole number from 1 to 4 (got ${quote(depthText)})`);

  const promisedText = text('承诺时限');
  const promisedDays = DAYS_PATTERN.test(promisedText) ? Number(promisedText) : undefined;
  if (promisedDays === undefined) {
    problems.push(`承诺时限 must be a whole number of working days, 0 (on the spot) to 9999 (got ${quote(promisedText)})`);
  }

  const legalText = text('法定时限');
  const legalDays = DAYS_PATTERN.test(legalText) && Number(legalText) >= 1 ? Number(legalText) : undefined;
  if (legalDays === undefined) problems.push(`法定时限 must be a whole number of working days from 1 to 9999 (got ${quote(legalText)})`);

  if (promisedDays !== undefined && legalDays !== undefined && promisedDays > legalDays) {
    problems.push(`承诺时限 ${promisedDays} exceeds 法定时限 ${legalDays}`);
  }
  if (problems.length > 0 || onlineDepth === undefined || promisedDays === undefined || legalDays === undefined) {
    throw new UpstreamDataError(`Bad catalog row: ${problems.join('; ')}`);
  }
  return { code, name, department, kind, onlineDepth, promisedDays, legalDays };
}

/**
 * The `mapRow` of the catalog's file source: {@link mapServiceRow} plus a
 * check that an item code appears only once in an export (a repeated code
 * is a bad row; its first row is kept). The file source maps each file's
 * rows in one synchronous pass, in line order, so the codes seen are reset
 * whenever a new file, or the same file again, starts.
 */
export function createServiceRowMapper(): MapRow<Service> {
  let file: string | undefined;
  let lastLine = 0;
  let seen = new Map<string, number>();
  return (row: Record<string, string>, ctx: MapRowContext): Service => {
    if (ctx.file !== file || ctx.line <= lastLine) {
      file = ctx.file;
      seen = new Map();
    }
    lastLine = ctx.line;
    const service = mapServiceRow(row);
    const firstLine = seen.get(service.code);
    if (firstLine !== undefined) throw new UpstreamDataError(`Bad catalog row: 事项编码 ${service.code} repeats line ${firstLine}`);
    seen.set(service.code, ctx.line);
    return service;
  };
}

function requiredText(column: string, value: string, maxLength: number, problems: string[]): string {
  if (value === '') problems.push(`${column} is empty`);
  else if ([...value].length > maxLength) problems.push(`${column} is longer than ${maxLength} characters`);
  return value;
}

function quote(value: string): string {
  const shown = [...value].length > 24 ? `${[...value].slice(0, 23).join('')}…` : value;
  return JSON.stringify(shown);
}
