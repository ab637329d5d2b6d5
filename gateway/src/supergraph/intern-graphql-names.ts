/**
 * Keeps the supergraph's names one-byte strings, so the gateway's JSON
 * answers are too.
 *
 * V8 stores a string either one byte per character (Latin-1) or two, and
 * `JSON.stringify` writes a two-byte result as soon as one key or value it
 * meets is stored two-byte, whatever the characters. A property key is the
 * one "internalized" copy of its text, and the first copy made wins for as
 * long as anything holds it. Federation's schema building prints schemas
 * and parses them again, and that text is stored two-byte whenever a piece
 * of it was (a description in Chinese, or a shared literal such as `' | '`
 * that another module happened to make two-byte), so field names such as
 * `inStock` could become two-byte keys for the life of the process. Every
 * answer then doubled in size: the public benchmark's 87.6 KB answer became
 * a 175 KB string, above V8's 128 KB large-object limit, one large-object
 * page per in-flight answer, collected only by full garbage collections
 * (`bench/README.md`, "Update 2026-11-28, second session").
 *
 * Interning each name of the SDL as a one-byte string before anything else
 * parses it makes those one-byte copies the keys every later parse, schema
 * and response object resolves to. (Values in Chinese still make their own
 * answers two-byte: that is their nature, not an accident of the process.)
 */

const NAME = /[_A-Za-z][_0-9A-Za-z]*/g;

/**
 * The interned names, for the life of the process: the schemas built from
 * them hold the same strings for as long as they run, and a reloaded
 * supergraph mostly repeats them.
 */
const interned: Record<string, true> = Object.create(null) as Record<string, true>;
const seen = new Set<string>();

/**
 * Interns every GraphQL name that occurs in `sdl` (type, field, argument,
 * enum value and directive names; words of descriptions too, which is
 * harmless) as a one-byte string. Call it before the SDL is parsed.
 */
export function internGraphQLNames(sdl: string): void {
  for (const match of sdl.matchAll(NAME)) {
    const name = match[0];
    // A Set, not a lookup in `interned`: a key lookup could itself intern the (maybe two-byte) slice.
    if (seen.has(name)) continue;
    const copy = oneByteCopy(name);
    seen.add(copy);
    interned[copy] = true;
  }
}

/** A copy of an ASCII `text` that V8 stores one byte per character, whatever the string it was sliced from. */
function oneByteCopy(text: string): string {
  return Buffer.from(text, 'latin1').toString('latin1');
}
