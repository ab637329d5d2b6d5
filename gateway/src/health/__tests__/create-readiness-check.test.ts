import type { SubgraphDataSource, SubgraphProbe } from '../../datasources/subgraph-data-source';
import { createReadinessCheck } from '../create-readiness-check';

function fakeSource(name: string, answers: SubgraphProbe[]): SubgraphDataSource & { probes: number } {
  const source = {
    name,
    probes: 0,
    send: () => Promise.reject(new Error('not used')),
    probe: async () => {
      const answer = answers[Math.min(source.probes, answers.length - 1)] as SubgraphProbe;
      source.probes++;
      await new Promise((resolve) => setImmediate(resolve));
      return answer;
    },
    close: async () => undefined,
  };
  return source;
}

const UP: SubgraphProbe = { ok: true, latencyMs: 1 };
const DOWN: SubgraphProbe = { ok: false, latencyMs: 1, problem: 'unreachable' };

describe('readiness check', () => {
  it('is ready only when every subgraph answers', async () => {
    const check = createReadinessCheck({ dataSources: [fakeSource('users', [UP]), fakeSource('licences', [DOWN])], probeCacheMs: 0, probeTimeoutMs: 100 });

    expect(await check.check()).toEqual({ ready: false, subgraphs: { users: UP, licences: DOWN } });
  });

  it('reuses a round of probes for probeCacheMs, then probes again', async () => {
    let now = 0;
    const users = fakeSource('users', [UP, DOWN]);
    const check = createReadinessCheck({ dataSources: [users], probeCacheMs: 5000, probeTimeoutMs: 100, now: () => now });

    expect((await check.check()).ready).toBe(true);
    now = 4999;
    expect((await check.check()).ready).toBe(true);
    expect(users.probes).toBe(1);
    now = 5000;
    expect((await check.check()).ready).toBe(false);
    expect(users.probes).toBe(2);
  });

  it('shares one round of probes between concurrent checks', async () => {
    const users = fakeSource('users', [UP]);
    const check = createReadinessCheck({ dataSources: [users], probeCacheMs: 0, probeTimeoutMs: 100 });

    const reports = await Promise.all([check.check(), check.check(), check.check()]);

    expect(reports.every((r) => r.ready)).toBe(true);
    expect(users.probes).toBe(1);
  });
});
