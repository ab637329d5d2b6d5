import { UpstreamDataError } from '@govgraph/sdk';
import { mapBatchRecords } from '../map-batch-records';
import { keyOfLoaded, RejectedRecordError } from '../rejected-record-error';

interface Item {
  code: string;
  size: number;
}

const mapItem = (record: unknown): Item => {
  const { code, size } = record as { code?: unknown; size?: unknown };
  if (typeof code !== 'string' || typeof size !== 'number') throw new UpstreamDataError('unreadable item', { details: { source: 'test' } });
  return { code, size };
};
const keysOf = (record: unknown): Record<string, string> => {
  const code = (record as { code?: unknown }).code;
  return typeof code === 'string' ? { code } : {};
};

describe('mapBatchRecords', () => {
  it('maps good records and turns a bad one into a RejectedRecordError under its key', () => {
    const [good, bad] = mapBatchRecords([{ code: 'A', size: 1 }, { code: 'B', size: 'big' }], mapItem, keysOf);
    expect(good).toEqual({ code: 'A', size: 1 });
    expect(bad).toBeInstanceOf(RejectedRecordError);
    expect(bad).toMatchObject({ code: 'CONN_UPSTREAM_INVALID_RESPONSE', message: 'unreadable item', keys: { code: 'B' }, details: { source: 'test' } });
    const keyOf = keyOfLoaded<Item>('code');
    expect([good, bad].map((value) => keyOf(value as Item | RejectedRecordError))).toEqual(['A', 'B']);
  });

  it('refuses the whole answer when a bad record carries no key to place it under', () => {
    expect(() => mapBatchRecords([{ code: 'A', size: 1 }, { size: 2 }], mapItem, keysOf)).toThrow(UpstreamDataError);
  });

  it('lets errors other than UpstreamDataError through unchanged', () => {
    const boom = new TypeError('bug');
    expect(() =>
      mapBatchRecords([{}], () => {
        throw boom;
      }, keysOf),
    ).toThrow(boom);
  });
});
