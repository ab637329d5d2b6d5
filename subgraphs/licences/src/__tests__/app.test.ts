import { createSilentLogger } from '@govgraph/sdk';
import { createLicencesSubgraph, parseLicencesSubgraphConfig } from '..';
import { chinaDate } from '../verification/china-date';
import { createTestLibrary, post, startSubgraph, type TestLibrary } from './fixtures/licence-fixtures';

describe('createLicencesSubgraph', () => {
  let library: TestLibrary;
  beforeAll(async () => {
    library = await createTestLibrary();
  });
  afterAll(() => library?.remove());

  it('listens on an ephemeral port, answers over HTTP and closes its database', async () => {
    const subgraph = createLicencesSubgraph(parseLicencesSubgraphConfig({ licenceDbUrl: library.url, port: 0, security: { mode: 'development' } }), { logger: createSilentLogger() });
    const running = await subgraph.listen({ port: 0 });
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
      const response = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ licence(number: "JS-LT0004-2016-000003") { number status } }' }),
      });
      expect(await response.json()).toEqual({ data: { licence: { number: 'JS-LT0004-2016-000003', status: 'VALID' } } });
    } finally {
      await running.close();
    }
    expect(await subgraph.licenceDb.checkHealth()).toEqual({ status: 'down', detail: 'stopped' });
  });

  it('checks licences against the real date in China by default', async () => {
    const subgraph = createLicencesSubgraph(parseLicencesSubgraphConfig({ licenceDbUrl: library.url, security: { mode: 'development' } }), { logger: createSilentLogger() });
    await subgraph.start();
    try {
      const before = chinaDate(new Date());
      const body = await post(subgraph, '{ verifyLicence(number: "JS-LT0004-2016-000003") { checkedOn } }');
      const after = chinaDate(new Date());
      expect([before, after]).toContain(body.data.verifyLicence.checkedOn);
    } finally {
      await subgraph.stop();
    }
  });

  it('keeps the clock of each subgraph built in one process', async () => {
    const early = await startSubgraph(library.url, {}, () => new Date('2020-01-01T00:00:00Z'));
    const late = await startSubgraph(library.url, {}, () => new Date('2031-01-01T00:00:00Z'));
    try {
      const query = '{ verifyLicence(number: "JS-LT0002-2010-000001") { result checkedOn } }';
      expect((await post(early, query)).data).toEqual({ verifyLicence: { result: 'VALID', checkedOn: '2020-01-01' } });
      expect((await post(late, query)).data).toEqual({ verifyLicence: { result: 'EXPIRED', checkedOn: '2031-01-01' } });
    } finally {
      await Promise.all([early.stop(), late.stop()]);
    }
  });
});
