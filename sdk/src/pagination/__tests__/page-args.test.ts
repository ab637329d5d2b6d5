import { parsePageArgs, toPageResult } from '..';
import { BadRequestError } from '../../errors';

describe('parsePageArgs', () => {
  it('defaults to page 1 of 20', () => {
    expect(parsePageArgs({})).toEqual({ page: 1, pageSize: 20, offset: 0 });
  });

  it('derives the offset', () => {
    expect(parsePageArgs({ page: 3, pageSize: 50 })).toEqual({ page: 3, pageSize: 50, offset: 100 });
  });

  it('refuses an oversized page with BAD_USER_INPUT naming the limit', () => {
    const attempt = () => parsePageArgs({ page: 1, pageSize: 1000 });
    expect(attempt).toThrow(BadRequestError);
    expect(attempt).toThrow('pageSize must be between 1 and 100, got 1000');
  });

  it('reports every bad argument at once', () => {
    expect(() => parsePageArgs({ page: 0, pageSize: -1 }, 50)).toThrow(
      'page must be between 1 and 1000000, got 0; pageSize must be between 1 and 50, got -1',
    );
  });
});

describe('toPageResult', () => {
  it('knows whether a next page exists', () => {
    const request = parsePageArgs({ page: 2, pageSize: 2 });
    expect(toPageResult(request, ['c', 'd'], 5)).toEqual({ items: ['c', 'd'], page: 2, pageSize: 2, total: 5, hasNextPage: true });
    expect(toPageResult(parsePageArgs({ page: 3, pageSize: 2 }), ['e'], 5).hasNextPage).toBe(false);
  });
});
