/**
 * Batching is the SDK's job: one query for 100 cases, with each applicant's
 * name and licences, must cost a small bounded number of calls to the
 * legacy systems, counted by the simulators and the SQL source — not one
 * call per case.
 */
import { startTestPlatform, type TestPlatform } from '../src';

const QUERY = `{
  cases(pageSize: 100) {
    items {
      number
      applicant {
        ... on Person { name licences { number type { name } } }
        ... on Enterprise { name licences { number type { name } } }
      }
    }
  }
}`;

describe('batching across subgraphs', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(() => platform?.close());

  it('answers 100 cases with applicant names and licences in at most 2 calls per legacy system', async () => {
    const { population, legalPerson, cases } = platform.legacy;
    for (const system of [population, legalPerson, cases]) system.calls.reset();
    const sqlBefore = platform.licenceDb.stats().queries;

    const { body } = await platform.graphql<{ cases: { items: { number: string; applicant: { name: string; licences: unknown[] } }[] } }>(QUERY);

    expect(body.errors).toBeUndefined();
    const items = body.data!.cases.items;
    expect(items).toHaveLength(100);
    expect(items.every((item) => typeof item.applicant.name === 'string' && item.applicant.name.length > 0)).toBe(true);

    // Exact data for one case, straight from the dataset the simulators serve.
    const first = platform.legacy.dataset.cases.find((c) => c.number === items[0]!.number)!;
    const holderLicences = platform.legacy.dataset.licences.filter((l) => l.holderId === first.applicantId);
    expect(items[0]!.applicant.licences).toHaveLength(holderLicences.length);

    const calls = {
      population: population.calls.total(),
      legalPerson: legalPerson.calls.total(),
      caseHandling: cases.calls.total(),
      licenceLibrary: platform.licenceDb.stats().queries - sqlBefore,
    };
    // One batch call per legacy system; the licence library gets one statement for all
    // holders' licences and one for all their licence types.
    expect(calls).toEqual({ population: 1, legalPerson: 1, caseHandling: 1, licenceLibrary: 2 });
    // Printed for the README's batching figure.
    process.stdout.write(`batching: 100 cases → ${JSON.stringify(calls)}\n`);
  });
});
