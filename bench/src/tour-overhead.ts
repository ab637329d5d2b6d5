/**
 * The gateway's overhead on the platform's own tour (`npm run tour-overhead`
 * in bench/): each read-only stop of the README tour, through the gateway,
 * against the same subgraph calls made directly by a client.
 *
 * 1. The platform starts in this process (`startPlatform`, ephemeral ports,
 *    a temporary data directory).
 * 2. Recording: a second govgraph gateway, composed from recording proxies in
 *    front of the same subgraphs, runs each stop once; the proxies record the
 *    subgraph calls it makes (bodies, headers, timing) and they are grouped
 *    into waves (overlapping calls in parallel, dependent ones after).
 * 3. Measuring, stop by stop, alternating: the stop through the platform's
 *    gateway (no proxies) and the recorded waves replayed directly against the
 *    subgraphs (each wave in parallel). Same HTTP client (fetch) for both.
 * 4. Prints, per stop, the median latency of each path, the difference (the
 *    gateway's overhead: parsing, validation, planning, policies, merging,
 *    serialisation, its extra hop) and their ratio.
 *
 * Mutations and the stops that show errors on purpose are skipped: replaying
 * them would change the case system's state.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createGateway, createSilentLogger } from '@govgraph/gateway';
import { SUBGRAPH_NAMES, startPlatform, TOUR, type TourStop } from '@govgraph/example-platform';
import { CreditCodeScalar, generateContextKeyPair, ResidentIdScalar } from '@govgraph/sdk';
import { addBenchApplication } from './platform/add-bench-application';
import { groupIntoWaves } from './measure/group-into-waves';
import { median } from './measure/median';
import { startRecordingProxy, type RecordedCall, type RecordingProxy } from './measure/start-recording-proxy';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { iterations: { type: 'string', default: '50' }, warmup: { type: 'string', default: '10' } } });
  const iterations = Number(values.iterations);
  const warmup = Number(values.warmup);
  if (!Number.isInteger(iterations) || iterations < 1 || !Number.isInteger(warmup) || warmup < 0) {
    throw new Error('usage: node bench/dist/tour-overhead.js [--iterations 50] [--warmup 10]');
  }

  const dataDirectory = mkdtempSync(join(tmpdir(), 'govgraph-tour-overhead-'));
  // One key pair for the platform's gateway and the recording gateway, so the subgraphs (which only
  // accept calls signed by the gateway) answer both; an application without a reachable rate limit.
  const contextKeys = generateContextKeyPair();
  const platform = await startPlatform({ dataDirectory, contextKeys, registryPollMs: 200 });
  const secrets = platform.access.secrets!;
  const apiKey = await addBenchApplication({
    registryUrl: `file:${join(dataDirectory, 'registry.db')}`,
    pepper: secrets.pepper,
    templateApiKey: secrets.sensitiveApiKey,
  });
  await new Promise((resolve) => setTimeout(resolve, 600));
  const sink: RecordedCall[] = [];
  const proxies: RecordingProxy[] = [];
  try {
    for (const name of SUBGRAPH_NAMES) proxies.push(await startRecordingProxy(name, platform.subgraphs[name].url, sink));
    const recorder = await createGateway(
      {
        supergraph: { kind: 'subgraphs', subgraphs: SUBGRAPH_NAMES.map((name, index) => ({ name, url: (proxies[index] as RecordingProxy).url })) },
        port: 0,
        logLevel: 'silent',
        graphiql: false,
      },
      {
        logger: createSilentLogger(),
        scalars: { ResidentId: ResidentIdScalar, CreditCode: CreditCodeScalar },
        accessControl: { mode: 'open', contextToken: contextKeys },
      },
    );
    const recorderListening = await recorder.listen();
    const stops = TOUR.filter((stop) => !stop.expectErrors && !/^\s*mutation\b/.test(stop.query));
    const rows: string[] = [];
    try {
      for (const stop of stops) {
        sink.length = 0;
        await post(`${recorderListening.url}/graphql`, stop, {});
        const waves = groupIntoWaves(sink.splice(0, sink.length));
        const calls = waves.reduce((total, wave) => total + wave.length, 0);

        const throughGateway: number[] = [];
        const direct: number[] = [];
        for (let i = 0; i < warmup + iterations; i += 1) {
          const a = await timed(() => post(platform.graphqlUrl, stop, { 'x-api-key': apiKey }));
          const b = await timed(() => replay(waves));
          if (i >= warmup) {
            throughGateway.push(a);
            direct.push(b);
          }
        }
        const g = median(throughGateway);
        const d = median(direct);
        rows.push(
          `| ${stop.title} | ${calls} in ${waves.length} waves | ${g.toFixed(2)} | ${d.toFixed(2)} | ${(g - d).toFixed(2)} | ${(g / d).toFixed(2)}× |`,
        );
        process.stderr.write(`${stop.title}: gateway ${g.toFixed(2)} ms, direct ${d.toFixed(2)} ms\n`);
      }
    } finally {
      await recorder.stop();
    }
    process.stdout.write(
      [
        `## Gateway overhead on the platform tour: ${new Date().toISOString()}`,
        '',
        `Node ${process.version}; ${iterations} sequential iterations per stop after ${warmup} warm-up, medians; everything in one process.`,
        '',
        '| tour stop | subgraph calls | through the gateway ms | direct ms | overhead ms | ratio |',
        '|---|---:|---:|---:|---:|---:|',
        ...rows,
        '',
      ].join('\n'),
    );
  } finally {
    await Promise.allSettled(proxies.map((proxy) => proxy.close()));
    await platform.close();
    rmSync(dataDirectory, { recursive: true, force: true });
  }
}

async function post(url: string, stop: TourStop, headers: Record<string, string>): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query: stop.query, variables: stop.variables }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (response.status !== 200 || body.errors) throw new Error(`${stop.title}: HTTP ${response.status} ${JSON.stringify(body).slice(0, 300)}`);
}

async function replay(waves: readonly RecordedCall[][]): Promise<void> {
  for (const wave of waves) {
    await Promise.all(
      wave.map(async (call) => {
        const response = await fetch(call.url, { method: 'POST', headers: call.headers, body: call.body });
        const body = (await response.json()) as { errors?: unknown };
        if (response.status !== 200 || body.errors) throw new Error(`direct call to ${call.subgraph} failed: HTTP ${response.status}`);
      }),
    );
  }
}

async function timed(run: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
