import { createTimeOrderedIdGenerator } from '../time-ordered-id';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('createTimeOrderedIdGenerator', () => {
  it('makes UUID version 7 ids whose first 48 bits are the clock in milliseconds', () => {
    const next = createTimeOrderedIdGenerator(() => 1_796_000_000_123);
    const id = next();
    expect(id).toMatch(UUID_V7);
    expect(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(1_796_000_000_123);
  });

  it('sorts ids in the order they were made, as text, within one millisecond and across the sequence limit', () => {
    const next = createTimeOrderedIdGenerator(() => 1_796_000_000_000);
    const ids = Array.from({ length: 10_000 }, () => next());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    // 4,096 per millisecond: the rest borrow the following milliseconds.
    expect(ids[4095]?.slice(0, 13)).toBe(ids[0]?.slice(0, 13));
    expect(Number.parseInt((ids[4096] ?? '').replaceAll('-', '').slice(0, 12), 16)).toBe(1_796_000_000_001);
    ids.forEach((id) => expect(id).toMatch(UUID_V7));
  });

  it('keeps increasing when the clock steps back', () => {
    const times = [2_000, 2_000, 1_000, 3_000];
    const next = createTimeOrderedIdGenerator(() => times.shift() ?? 3_000);
    const ids = [next(), next(), next(), next()];
    expect([...ids].sort()).toEqual(ids);
    expect(Number.parseInt((ids[2] ?? '').replaceAll('-', '').slice(0, 12), 16)).toBe(2_000);
    expect(Number.parseInt((ids[3] ?? '').replaceAll('-', '').slice(0, 12), 16)).toBe(3_000);
  });

  it('differs between two generators at the same millisecond (62 random bits)', () => {
    const a = createTimeOrderedIdGenerator(() => 5_000);
    const b = createTimeOrderedIdGenerator(() => 5_000);
    const fromA = new Set(Array.from({ length: 1000 }, () => a()));
    expect(Array.from({ length: 1000 }, () => b()).some((id) => fromA.has(id))).toBe(false);
  });
});
