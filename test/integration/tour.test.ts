/**
 * The README's tour, run through the real gateway over the real subgraphs and
 * simulated legacy systems (default province, seed 20260101), compared with
 * the exact answers in `examples/platform/tour-expected.json` (the output the
 * README shows). Set UPDATE_TOUR=1 to rewrite that file after a deliberate change.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOUR } from '@govgraph/example-platform';
import { startTestPlatform, type TestPlatform } from '../src';

const EXPECTED_FILE = join(__dirname, '../../examples/platform/tour-expected.json');
const update = process.env.UPDATE_TOUR === '1';

describe('the README tour through the gateway', () => {
  let platform: TestPlatform;
  const answers: Record<string, unknown> = {};
  const expected: Record<string, unknown> = existsSync(EXPECTED_FILE) ? (JSON.parse(readFileSync(EXPECTED_FILE, 'utf8')) as Record<string, unknown>) : {};

  beforeAll(async () => {
    platform = await startTestPlatform();
  });

  afterAll(async () => {
    await platform?.close();
    if (update) writeFileSync(EXPECTED_FILE, `${JSON.stringify(answers, null, 2)}\n`);
  });

  it.each(TOUR.map((stop) => [stop.title, stop] as const))('%s', async (title, stop) => {
    const { status, body } = await platform.graphql(stop.query, stop.variables as Record<string, unknown> | undefined);
    answers[title] = body;
    expect(status).toBe(200);
    if (stop.expectErrors) expect(body.errors?.length).toBeGreaterThan(0);
    else expect(body.errors).toBeUndefined();
    if (!update) expect(body).toEqual(expected[title]);
  });
});
