import { integerFlags } from '../integer-flags';

describe('integerFlags', () => {
  it('reads integers at or above the minimum and notes every other value, one line per flag', () => {
    const { integer, problems } = integerFlags();
    expect(integer('rounds', '20', 1)).toBe(20);
    expect(integer('warmup', '0', 0)).toBe(0);
    integer('rounds', '0', 1);
    integer('batches', '2.5', 3);
    integer('duration', 'ten', 1);
    expect(problems).toEqual([
      '--rounds must be an integer >= 1 (got "0")',
      '--batches must be an integer >= 3 (got "2.5")',
      '--duration must be an integer >= 1 (got "ten")',
    ]);
  });
});
