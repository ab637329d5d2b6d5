/**
 * Opaque cursors of the admin API's lists: base64url of the last row's sort
 * time and id. Lists sort by (time desc, id desc), so a page continues with
 * the rows strictly after that pair, whatever was added in between.
 */
import { badUserInput } from './admin-errors';

/** The position after a row. */
export interface PagePosition {
  readonly at: Date;
  readonly id: string;
}

/** Encodes the position after `row`. */
export function encodeCursor(row: PagePosition): string {
  return Buffer.from(`${row.at.toISOString()}|${row.id}`, 'utf8').toString('base64url');
}

/** Decodes a cursor from {@link encodeCursor}. @throws `BAD_USER_INPUT` */
export function decodeCursor(cursor: string): PagePosition {
  const [time, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const at = time === undefined ? undefined : new Date(time);
  if (!at || Number.isNaN(at.getTime()) || !id || rest.length > 0) throw badUserInput(`Invalid cursor ${JSON.stringify(cursor)}.`);
  return { at, id };
}

/** The largest page size. */
export const MAX_PAGE_SIZE = 500;

/** Checks a page size. @throws `BAD_USER_INPUT` */
export function assertPageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`Invalid first ${String(first)}: must be an integer from 1 to ${MAX_PAGE_SIZE}.`);
  }
  return first;
}

/** The Prisma `where` of the rows after `cursor` in (field desc, id desc) order. */
export function afterCursor<Field extends string>(field: Field, cursor: string | null | undefined): Record<string, unknown> {
  if (cursor == null) return {};
  const { at, id } = decodeCursor(cursor);
  return { OR: [{ [field]: { lt: at } }, { [field]: at, id: { lt: id } }] };
}
