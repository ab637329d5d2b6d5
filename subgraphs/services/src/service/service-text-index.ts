/**
 * Substring search over item codes and names without scanning the catalog.
 * Chinese has no word boundaries, so the index is of characters and
 * character pairs (unigrams and bigrams of code points, NFKC-normalised and
 * lower-cased): a query's rarest pair gives the candidates, and each is then
 * checked with a plain substring test. Postings are item positions in code
 * order, so results come out in code order without sorting.
 */

/** A frozen search index over one catalog snapshot. */
export interface ServiceTextIndex {
  /** Positions (in the indexed order) of the items whose code or name contains `text`, ascending. */
  search(text: string): readonly number[];
}

/**
 * Folds case and compatibility forms, so `xk` finds `XK` and a full-width
 * `ＸＫ` typed by an IME finds it too.
 */
export function normaliseSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Builds the index over `fields(item)` (here: code and name) of each item, in the given order. */
export function createServiceTextIndex<T>(items: readonly T[], fields: (item: T) => readonly string[]): ServiceTextIndex {
  const haystacks: (readonly string[])[] = [];
  const postings = new Map<string, number[]>();
  items.forEach((item, position) => {
    const normalised = fields(item).map(normaliseSearchText);
    haystacks.push(normalised);
    for (const value of normalised) {
      const chars = Array.from(value);
      chars.forEach((char, i) => {
        post(postings, char, position);
        const next = chars[i + 1];
        if (next !== undefined) post(postings, char + next, position);
      });
    }
  });

  return {
    search(text) {
      const query = normaliseSearchText(text);
      const chars = Array.from(query);
      if (chars.length === 0) return [];
      let candidates: readonly number[] | undefined = chars.length === 1 ? postings.get(query) : undefined;
      for (let i = 0; i + 1 < chars.length; i += 1) {
        const list = postings.get(chars[i]! + chars[i + 1]!);
        if (list === undefined) return [];
        if (candidates === undefined || list.length < candidates.length) candidates = list;
      }
      if (candidates === undefined) return [];
      if (chars.length <= 2) return candidates;
      return candidates.filter((position) => haystacks[position]!.some((value) => value.includes(query)));
    },
  };
}

/** Adds `position` to the gram's postings once (positions arrive in ascending order). */
function post(postings: Map<string, number[]>, gram: string, position: number): void {
  const list = postings.get(gram);
  if (list === undefined) postings.set(gram, [position]);
  else if (list[list.length - 1] !== position) list.push(position);
}
