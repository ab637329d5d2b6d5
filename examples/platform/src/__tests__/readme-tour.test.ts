import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOUR } from '../tour';

/** The README shows the tour's queries and answers; the integration test checks the answers against the gateway. */
describe('the README tour', () => {
  const readme = readFileSync(join(__dirname, '../../../../README.md'), 'utf8');
  const expected = JSON.parse(readFileSync(join(__dirname, '../../tour-expected.json'), 'utf8')) as Record<string, unknown>;

  it.each(TOUR.map((stop) => [stop.title, stop] as const))('shows "%s" with its query, variables and real answer', (title, stop) => {
    expect(readme).toContain(stop.query);
    if (stop.variables) expect(readme).toContain(JSON.stringify(stop.variables));
    expect(expected[title]).toBeDefined();
    expect(readme).toContain(JSON.stringify(expected[title], null, 2));
  });
});
