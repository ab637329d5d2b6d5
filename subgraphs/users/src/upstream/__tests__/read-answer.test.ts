import { UpstreamDataError } from '@govgraph/sdk';
import { z } from 'zod';
import { countText } from '../count-text';
import { readAnswer } from '../read-answer';

const page = z.object({ total: countText, person: z.array(z.unknown()).optional() });

describe('readAnswer', () => {
  it('returns the parsed envelope', () => {
    expect(readAnswer(page, { total: ' 12 ', person: [{}] }, 'population-registry', 'SearchPersons')).toEqual({ total: 12, person: [{}] });
  });

  it('refuses an envelope of the wrong shape with UpstreamDataError naming the system, operation and field', () => {
    let error: unknown;
    try {
      readAnswer(page, { total: '-1', person: 'one' }, 'population-registry', 'SearchPersons');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UpstreamDataError);
    expect((error as UpstreamDataError).message).toMatch(
      /^legacy system "population-registry" answered SearchPersons with an unreadable response: total: must be a non-negative integer; person: /,
    );
    expect((error as UpstreamDataError).details).toEqual({ source: 'population-registry' });
  });
});
