import { createBatchLoader, createGroupedLoader } from '..';
import { NotFoundError } from '../../errors';

describe('createBatchLoader', () => {
  it('returns values in key order from an unordered, partial batch answer', async () => {
    const calls: (readonly string[])[] = [];
    const loader = createBatchLoader({
      name: 'byCode',
      batch: async (keys: readonly string[]) => {
        calls.push(keys);
        return keys.filter((key) => key !== 'missing').reverse().map((key) => ({ key, value: key.toLowerCase() }));
      },
      keyOf: (row) => row.key,
    });
    const values = await Promise.all([loader.load('A'), loader.load('missing'), loader.load('B'), loader.load('A')]);
    expect(values).toEqual([{ key: 'A', value: 'a' }, null, { key: 'B', value: 'b' }, { key: 'A', value: 'a' }]);
    expect(calls).toEqual([['A', 'missing', 'B']]);
  });

  it('splits batches at maxBatchSize', async () => {
    const sizes: number[] = [];
    const loader = createBatchLoader({
      name: 'byId',
      maxBatchSize: 2,
      batch: async (keys: readonly number[]) => {
        sizes.push(keys.length);
        return keys.map((id) => ({ id }));
      },
      keyOf: (row) => row.id,
    });
    await loader.loadMany([1, 2, 3, 4, 5]);
    expect(sizes).toEqual([2, 2, 1]);
  });

  it("puts a NotFoundError in place of a missing key with missing: 'error', without failing the others", async () => {
    const loader = createBatchLoader({ name: 'strict', missing: 'error', batch: async () => [{ id: 'x' }], keyOf: (row) => row.id });
    const [found, missing] = await loader.loadMany(['x', 'y']);
    expect(found).toEqual({ id: 'x' });
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as Error).message).toBe('strict: no record for key "y"');
  });

  it('rejects every key of a batch whose call failed', async () => {
    const loader = createBatchLoader({ name: 'down', batch: async () => Promise.reject(new Error('down')), keyOf: (row: { id: string }) => row.id });
    await expect(loader.load('a')).rejects.toThrow('down');
  });

  it('refuses a non-positive maxBatchSize', () => {
    expect(() => createBatchLoader({ name: 'bad', maxBatchSize: 0, batch: async () => [], keyOf: (v: string) => v })).toThrow(
      'bad: maxBatchSize must be a positive integer, got 0',
    );
  });
});

describe('createGroupedLoader', () => {
  it('groups children by parent key, empty list for a parent without children', async () => {
    let calls = 0;
    const loader = createGroupedLoader({
      name: 'licencesByHolder',
      batch: async () => {
        calls += 1;
        return [
          { holder: 'p2', n: 1 },
          { holder: 'p1', n: 2 },
          { holder: 'p2', n: 3 },
        ];
      },
      groupOf: (row) => row.holder,
    });
    const [p1, p2, p3] = await Promise.all([loader.load('p1'), loader.load('p2'), loader.load('p3')]);
    expect(p1).toEqual([{ holder: 'p1', n: 2 }]);
    expect(p2).toEqual([{ holder: 'p2', n: 1 }, { holder: 'p2', n: 3 }]);
    expect(p3).toEqual([]);
    expect(calls).toBe(1);
  });
});
