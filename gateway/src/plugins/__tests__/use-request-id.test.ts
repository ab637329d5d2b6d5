import { normaliseRequestId } from '../use-request-id';

describe('normaliseRequestId', () => {
  const fresh = () => 'fresh-id';

  it.each(['abc', 'app-1:order.42_x', 'a'.repeat(128), '550e8400-e29b-41d4-a716-446655440000'])('keeps the plain id %s', (id) => {
    expect(normaliseRequestId(id, fresh)).toBe(id);
  });

  it.each([
    ['missing', null],
    ['empty', ''],
    ['too long', 'a'.repeat(129)],
    ['with a space', 'a b'],
    ['with a newline', 'a\nb'],
    ['with non-ASCII', '请求1'],
    ['with a quote', 'a"b'],
  ])('replaces an id that is %s', (_label, id) => {
    expect(normaliseRequestId(id, fresh)).toBe('fresh-id');
  });
});
