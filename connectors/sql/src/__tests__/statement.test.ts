import { parseStatement } from '../statement';

describe('parseStatement', () => {
  it('splits SQL, numbered placeholders and the key list', () => {
    const statement = parseStatement('select * from t where a = $1 and b IN ( $keys ) and c = $2::int');
    expect(statement.parts).toEqual([
      { kind: 'sql', text: 'select * from t where a = ' },
      { kind: 'param', index: 1 },
      { kind: 'sql', text: ' and b ' },
      { kind: 'keys' },
      { kind: 'sql', text: ' and c = ' },
      { kind: 'param', index: 2 },
      { kind: 'sql', text: '::int' },
    ]);
    expect(statement).toMatchObject({ paramCount: 2, keyLists: 1, questionMark: false });
  });

  it.each([
    ["select 'it''s $1'", 'a string literal with a doubled quote'],
    ["select E'\\' $1'", 'an escape string'],
    ['select "col$1"', 'a quoted identifier'],
    ['select `col$1`', 'a backquoted identifier'],
    ['select 1 -- $1', 'a line comment'],
    ['select /* outer /* $1 */ $2 */ 1', 'a nested block comment'],
    ['select $$ $1 $$', 'a dollar-quoted string'],
    ['select $body$ $1 $keys $body$', 'a tagged dollar-quoted string'],
    ['select price$1 from t', 'an identifier containing $'],
  ])('leaves placeholders in %s as text (%s)', (text) => {
    const statement = parseStatement(text);
    expect(statement.paramCount).toBe(0);
    expect(statement.keyLists).toBe(0);
    expect(statement.parts).toEqual([{ kind: 'sql', text }]);
  });

  it('notes a ? outside literals, and ignores one inside', () => {
    expect(parseStatement('select * from t where a = ?').questionMark).toBe(true);
    expect(parseStatement("select '?' as q").questionMark).toBe(false);
  });

  it('refuses $0, gaps and a key list outside in (…)', () => {
    expect(() => parseStatement('select $0')).toThrow(/from \$1/);
    expect(() => parseStatement('select $1, $3')).toThrow(/\$2 is missing/);
    expect(() => parseStatement('select * from t where id = any($keys)')).toThrow(/in \(\$keys\)/);
    expect(() => parseStatement('select * from t where id in ($keys, 1)')).toThrow(/in \(\$keys\)/);
    expect(() => parseStatement('select * from t where id within ($keys)')).toThrow(/in \(\$keys\)/);
  });
});

describe('parseStatement (MySQL rules)', () => {
  it.each([
    ["select 'it\\'s $1'", 'a backslash-escaped quote'],
    ['select "a \\" $1"', 'a double-quoted string with a backslash escape'],
    ['select 1 # $1', 'a # comment'],
    ['select 1 /* $1 */', 'a block comment'],
  ])('leaves placeholders in %s as text (%s)', (text) => {
    expect(parseStatement(text, 'mysql').paramCount).toBe(0);
  });

  it('reads $tag$ as text, and "--" without a space as arithmetic', () => {
    expect(parseStatement('select $1 as $a$', 'mysql').paramCount).toBe(1);
    expect(parseStatement('select 1--$1', 'mysql').paramCount).toBe(1);
    expect(parseStatement('select 1--$1').paramCount).toBe(0);
  });
});

describe('ParsedStatement.outline', () => {
  it('keeps only the top level: literals, comments, placeholders and parenthesised parts are blanked', () => {
    const { outline } = parseStatement("select f(order by x), 'limit' from t where id in ($keys) and a = $1 -- limit");
    expect(outline).not.toMatch(/order by|limit|\$/);
    expect(outline).toMatch(/^select f\( +\), +from t where id in \( *\) and a = +$/);
  });
});
