/** The keyset walk every dialect's suite runs: 53 rows, pages of 10, many rows sharing the leading key. */
import type { SqlSource } from '../index';

export const KEYSET_ROW_COUNT = 53;

/** `(id, grp, label)` rows: grp = id % 7 (reversed), so each grp value repeats 7–8 times and ids interleave. */
export function keysetRows(): { id: number; grp: number; label: string }[] {
  return Array.from({ length: KEYSET_ROW_COUNT }, (_, i) => {
    const id = i + 1;
    return { id, grp: 6 - (id % 7), label: `事项-${String(id).padStart(3, '0')}` };
  });
}

/** The ids in the order the walk must return them. */
export function expectedIds(direction: 'asc' | 'desc'): number[] {
  const sorted = keysetRows().sort((a, b) => a.grp - b.grp || a.id - b.id);
  const ids = sorted.map((row) => row.id);
  return direction === 'asc' ? ids : ids.reverse();
}

/** Walks every page; returns the ids in order and the page sizes. */
export async function walkKeyset(
  source: SqlSource,
  table: string,
  direction: 'asc' | 'desc',
): Promise<{ ids: number[]; pages: number[] }> {
  const ids: number[] = [];
  const pages: number[] = [];
  let after: string | null = null;
  do {
    const page: { rows: { id: number | string }[]; nextCursor: string | null } = await source.queryKeyset<{ id: number | string }>({
      text: `select id, grp, label from ${table} where label like $1`,
      params: ['事项-%'],
      keys: [
        { column: 'grp', direction },
        { column: 'id', direction },
      ],
      limit: 10,
      after,
    });
    pages.push(page.rows.length);
    ids.push(...page.rows.map((row) => Number(row.id)));
    after = page.nextCursor;
    if (pages.length > 20) throw new Error('the walk does not end');
  } while (after !== null);
  return { ids, pages };
}
