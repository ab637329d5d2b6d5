import { BadRequestError } from '@govgraph/sdk';
import { pathSegment } from '../index';
import { encodeQuery } from '../query-string';

describe('pathSegment', () => {
  it('percent-encodes everything but unreserved characters', () => {
    expect(pathSegment('NJ-2024_000.123~')).toBe('NJ-2024_000.123~');
    expect(pathSegment('a/b?c#d e')).toBe('a%2Fb%3Fc%23d%20e');
    expect(pathSegment("it's (ok)!*")).toBe('it%27s%20%28ok%29%21%2A');
    expect(pathSegment('张三')).toBe('%E5%BC%A0%E4%B8%89');
    expect(pathSegment(320102)).toBe('320102');
  });

  it.each(['', '.', '..'])('refuses %p, which would change the path', (value) => {
    expect(() => pathSegment(value)).toThrow(BadRequestError);
  });

  it('refuses a lone surrogate', () => {
    expect(() => pathSegment('\ud800')).toThrow(BadRequestError);
  });
});

describe('encodeQuery', () => {
  it('is empty for no parameters', () => {
    expect(encodeQuery(undefined)).toBe('');
    expect(encodeQuery({ a: undefined, b: null })).toBe('');
  });

  it('encodes keys and values, never with +', () => {
    expect(encodeQuery({ 'a b': 'c d+e', n: 1.5, big: 10n, ok: false })).toBe('?a%20b=c%20d%2Be&n=1.5&big=10&ok=false');
  });

  it('refuses a non-finite number as a programming error', () => {
    expect(() => encodeQuery({ n: Number.NaN })).toThrow('query parameter "n" is NaN; pass a finite number');
  });
});
