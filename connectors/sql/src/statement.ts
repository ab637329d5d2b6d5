/**
 * The statement language of this connector: SQL with PostgreSQL-style
 * numbered placeholders `$1 … $n` in every dialect, plus one key-list
 * placeholder `in ($keys)` for batch look-ups. Values are always bound,
 * never spliced into the text: there is no interpolation API.
 *
 * The scanner skips string literals, quoted identifiers, comments and
 * PostgreSQL dollar-quoted bodies, so a `$1` inside `'…'` stays text. Each
 * dialect renders the parts in its own placeholder syntax (see `dialects/`).
 */

/** Lexical rules of a statement: MySQL/MariaDB differ from PostgreSQL and SQLite (see {@link parseStatement}). */
export type StatementDialect = 'sqlite' | 'postgres' | 'mysql';

/** One piece of a statement. */
export type StatementPart =
  | { readonly kind: 'sql'; readonly text: string }
  /** `$n`: the n-th value of `params` (1-based). */
  | { readonly kind: 'param'; readonly index: number }
  /** `in ($keys)` as a whole: membership in the key list. */
  | { readonly kind: 'keys' };

/** A statement split into literal SQL and placeholders. */
export interface ParsedStatement {
  /** The statement as written, for logs and error causes (never for messages). */
  readonly text: string;
  readonly parts: readonly StatementPart[];
  /** The highest `$n` used (0 if none). */
  readonly paramCount: number;
  /** How many `in ($keys)` lists the statement has. */
  readonly keyLists: number;
  /**
   * A `?` outside literals and comments: an anonymous placeholder in SQLite
   * (which this connector refuses), an operator in PostgreSQL (jsonb `?`).
   */
  readonly questionMark: boolean;
  /**
   * The statement's top level: the text with every literal, quoted name,
   * comment, placeholder and parenthesised part blanked (the parentheses
   * stay). Lets callers look for clauses such as `order by` of the statement
   * itself, not of a subquery, a window or a string.
   */
  readonly outline: string;
}

/**
 * Splits `text` into SQL and placeholders. Throws a `TypeError` (a
 * programming mistake, not a request error) for `$keys` outside
 * `in ($keys)`, for `$0` or for a gap in `$1 … $n`.
 *
 * `dialect` picks the lexical rules: MySQL/MariaDB strings take backslash
 * escapes (in `'…'` and `"…"`), `#` starts a line comment, and there are no
 * dollar-quoted bodies; the other dialects follow PostgreSQL (and SQLite,
 * which agrees with it on everything the scanner looks at).
 * @internal
 */
export function parseStatement(text: string, dialect: StatementDialect = 'postgres'): ParsedStatement {
  const mysql = dialect === 'mysql';
  const parts: StatementPart[] = [];
  const used = new Set<number>();
  let keyLists = 0;
  let questionMark = false;
  let sql = '';
  let outline = '';
  let depth = 0;
  let i = 0;
  const blank = (from: number, to: number): void => {
    outline += ' '.repeat(Math.max(0, to - from));
  };
  const flush = (): void => {
    if (sql) parts.push({ kind: 'sql', text: sql });
    sql = '';
  };

  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === "'") {
      const end = endOfQuoted(text, i, "'", mysql || isEscapeString(text, i));
      sql += text.slice(i, end);
      blank(i, end);
      i = end;
    } else if (c === '"' || c === '`') {
      const end = endOfQuoted(text, i, c, mysql && c === '"');
      sql += text.slice(i, end);
      blank(i, end);
      i = end;
    } else if ((c === '-' && next === '-' && (!mysql || /^\s?$/.test(text[i + 2] ?? ''))) || (mysql && c === '#')) {
      // MySQL needs a space after "--" (1--1 is arithmetic there).
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      sql += text.slice(i, stop);
      blank(i, stop);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = endOfBlockComment(text, i, !mysql);
      sql += text.slice(i, end);
      blank(i, end);
      i = end;
    } else if (c === '?') {
      questionMark = true;
      sql += c;
      outline += depth === 0 ? c : ' ';
      i += 1;
    } else if (c === '$' && !isIdentifierChar(text[i - 1])) {
      const rest = text.slice(i);
      const number = /^\$(\d+)/.exec(rest);
      const dollarQuote = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(rest);
      const keys = /^\$keys(?![A-Za-z0-9_$])/.exec(rest);
      if (number) {
        const index = Number(number[1]);
        if (index < 1) throw new TypeError('SQL placeholders are numbered from $1');
        flush();
        parts.push({ kind: 'param', index });
        used.add(index);
        blank(i, i + number[0].length);
        i += number[0].length;
      } else if (dollarQuote && !mysql) {
        const close = text.indexOf(dollarQuote[0], i + dollarQuote[0].length);
        const end = close === -1 ? text.length : close + dollarQuote[0].length;
        sql += text.slice(i, end);
        blank(i, end);
        i = end;
      } else if (keys) {
        const opening = /\bin\s*\(\s*$/i.exec(sql);
        const closing = /^\s*\)/.exec(text.slice(i + keys[0].length));
        if (!opening || !closing) throw new TypeError('The key list placeholder must be written "in ($keys)"');
        sql = sql.slice(0, opening.index);
        flush();
        parts.push({ kind: 'keys' });
        keyLists += 1;
        // The list's "(" was counted on the way in; its ")" is consumed here.
        depth -= 1;
        blank(i, i + keys[0].length + closing[0].length - 1);
        outline += depth === 0 ? ')' : ' ';
        i += keys[0].length + closing[0].length;
      } else {
        sql += c;
        outline += depth === 0 ? c : ' ';
        i += 1;
      }
    } else {
      sql += c;
      if (c === ')') depth = Math.max(0, depth - 1);
      outline += depth === 0 ? c : ' ';
      if (c === '(') depth += 1;
      i += 1;
    }
  }
  flush();

  const paramCount = used.size === 0 ? 0 : Math.max(...used);
  for (let n = 1; n <= paramCount; n += 1) {
    if (!used.has(n)) throw new TypeError(`SQL placeholders must be numbered without gaps: $${n} is missing`);
  }
  return { text, parts, paramCount, keyLists, questionMark, outline };
}

function isIdentifierChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_$]/.test(c);
}

/** `E'…'` (PostgreSQL escape string): backslash escapes the next character. */
function isEscapeString(text: string, quoteAt: number): boolean {
  const prefix = text[quoteAt - 1];
  return (prefix === 'E' || prefix === 'e') && !isIdentifierChar(text[quoteAt - 2]);
}

/** Index just past the closing quote; a doubled quote is an escaped one. Unterminated: end of text. */
function endOfQuoted(text: string, start: number, quote: string, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (backslashEscapes && c === '\\') {
      i += 2;
    } else if (c === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else {
      i += 1;
    }
  }
  return text.length;
}

/** Index just past a block comment; PostgreSQL nests them (`nested`), MySQL does not. Unterminated: end of text. */
function endOfBlockComment(text: string, start: number, nested: boolean): number {
  let depth = 0;
  let i = start;
  while (i < text.length) {
    if (text[i] === '/' && text[i + 1] === '*' && (nested || depth === 0)) {
      depth += 1;
      i += 2;
    } else if (text[i] === '*' && text[i + 1] === '/') {
      depth -= 1;
      i += 2;
      if (depth === 0) return i;
    } else {
      i += 1;
    }
  }
  return text.length;
}
