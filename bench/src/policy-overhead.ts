/**
 * The policy chain's cost on the platform's own queries
 * (`npm run bench -- policy`, or `node bench/dist/policy-overhead.js`): the
 * requirement is that the platform with access control enforced serves at
 * least 0.9 of the requests per second it serves with it open.
 *
 * 1. The whole platform (`startPlatform`: legacy systems, subgraphs, gateway)
 *    starts twice, each in its own child process: `accessControl: 'enforce'`
 *    (registry, API key, grants, rate limits, masking, audit to the registry,
 *    usage counters) and `'open'`. The enforcing one is called with the key of
 *    an application holding the L4 demo grant (every mask cleared) with a
 *    rate no run reaches, so nothing is refused or masked.
 * 2. Validation: every read-only tour stop (mutations and the stops that show
 *    errors on purpose are skipped) must answer 200 without errors on both,
 *    and the two answers must be deep-equal.
 * 3. Warm-up: each platform under the same load for `--warmup` seconds, once.
 *    A platform process needs about 20 s of load on this machine before its
 *    rate stops climbing (JIT tiers, heap sizing); shorter warm-ups made the
 *    first rounds measure the warm-up.
 * 4. Rounds: for each round, each platform in turn (the order alternates
 *    round by round): `--settle` seconds of load, then a fixed window of
 *    `--connections` closed-loop clients each sending the stops in turn
 *    (autocannon), with the child's CPU time read before and after. Both
 *    platforms share one core, so the one not measured is stopped (SIGSTOP)
 *    for the warm-up, the settle and the window of the other: an idle V8
 *    process is not idle (timers, and the full GC its memory reducer runs a
 *    few seconds after its load stops), and that work landed in the other
 *    platform's window.
 * 5. Prints the medians, the per-round ratios and their median and quartiles.
 *    The verdict is on the median of the per-round ratios: the two windows of
 *    a round see the same state of the machine, and a window of one platform
 *    moves by ±10 % from the next one on its own, more than the policy chain
 *    costs, so only pairs of neighbouring windows compare like with like.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { TOUR, type TourStop } from '@govgraph/example-platform';
import { describeDifference } from './measure/describe-difference';
import { readMachineFacts } from './measure/machine-facts';
import { median } from './measure/median';
import { pairedRatios } from './measure/paired-ratios';
import { pauseProcesses, resumeAll } from './measure/pause-processes';
import { pinRunner } from './measure/pin-runner';
import type { LoadResult } from './measure/run-load';
import { runMixedLoad } from './measure/run-mixed-load';
import { spawnChild, type RunningChild } from './measure/spawn-child';

/** The requirement on enforce/open requests per second. */
const TARGET_RATIO = 0.9;
const MODES = ['enforce', 'open'] as const;
type Mode = (typeof MODES)[number];

/** One window of one platform. */
interface PolicyWindow extends LoadResult {
  readonly cpuMsPerRequest: number;
}

/** Runs the policy-overhead benchmark with `argv` (without node and the script); prints the report on stdout. */
export async function runPolicyOverhead(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      warmup: { type: 'string', default: '30' },
      settle: { type: 'string', default: '1' },
      duration: { type: 'string', default: '3' },
      rounds: { type: 'string', default: '20' },
      connections: { type: 'string', default: '10' },
    },
    strict: true,
  });
  const problems: string[] = [];
  const integer = (flag: string, text: string, min: number): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) problems.push(`--${flag} must be an integer >= ${min} (got ${JSON.stringify(text)})`);
    return value;
  };
  const warmupSeconds = integer('warmup', values.warmup, 0);
  const settleSeconds = integer('settle', values.settle, 0);
  const durationSeconds = integer('duration', values.duration, 1);
  const rounds = integer('rounds', values.rounds, 1);
  const connections = integer('connections', values.connections, 1);
  if (problems.length > 0) {
    throw new Error(`${problems.join('\n')}\nusage: node bench/dist/policy-overhead.js [--warmup 30] [--settle 1] [--duration 3] [--rounds 20] [--connections 10]`);
  }
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  const pinning = pinRunner('the platforms');
  log(`pinning: ${pinning.description}`);

  const stops = TOUR.filter((stop) => !stop.expectErrors && !/^\s*mutation\b/.test(stop.query));
  const children = new Map<Mode, RunningChild>();
  const stopAll = async (): Promise<void> => {
    // A platform paused by an interrupted window would not answer `stop`.
    resumeAll([...children.values()].map((child) => child.pid));
    await Promise.allSettled([...children.values()].map((child) => child.stop()));
  };
  process.once('SIGINT', () => void stopAll().finally(() => process.exit(130)));
  const windows = new Map<Mode, PolicyWindow[]>(MODES.map((mode) => [mode, []]));
  try {
    for (const mode of MODES) {
      const child = await spawnChild({
        script: join(__dirname, 'platform', 'platform-child.js'),
        args: [mode],
        core: pinning.targetCore,
        env: { NODE_ENV: 'production' },
        readyTimeoutMs: 120_000,
      });
      children.set(mode, child);
      log(`${mode}: platform started (pid ${child.pid})`);
    }
    /** Stops the other platform while `mode` is measured (see 4. above); returns the resume. */
    const pauseOthers = (mode: Mode): (() => void) =>
      pauseProcesses([...children.entries()].filter(([other]) => other !== mode).map(([, child]) => child.pid));
    const target = (mode: Mode): { child: RunningChild; url: string; headers: Record<string, string> } => {
      const child = children.get(mode) as RunningChild;
      return { child, url: child.info['url'] as string, headers: (child.info['headers'] as Record<string, string> | undefined) ?? {} };
    };

    await validate(stops, target('enforce'), target('open'));
    log(`validation: ${stops.length} read-only tour stops answer without errors and identically in both modes`);

    /** Settle, then one measured window of `mode`, with the other platform stopped throughout. */
    const measureWindow = async (mode: Mode): Promise<PolicyWindow> => {
      const { child, url, headers } = target(mode);
      const load = { url, requests: stops, connections, headers };
      const resume = pauseOthers(mode);
      try {
        if (settleSeconds > 0) await runMixedLoad({ ...load, durationSeconds: settleSeconds });
        const before = await child.usage();
        const result = await runMixedLoad({ ...load, durationSeconds });
        const after = await child.usage();
        return { ...result, cpuMsPerRequest: result.completed > 0 ? (after.cpuMicros - before.cpuMicros) / 1000 / result.completed : Number.NaN };
      } finally {
        resume();
      }
    };

    if (warmupSeconds > 0) {
      for (const mode of MODES) {
        const { url, headers } = target(mode);
        const resume = pauseOthers(mode);
        const warm = await runMixedLoad({ url, requests: stops, connections, headers, durationSeconds: warmupSeconds }).finally(resume);
        log(`warm-up ${mode}: ${warm.requestsPerSecond.toFixed(1)} req/s over ${warmupSeconds} s, failed ${warm.failed}`);
      }
    }
    for (let round = 1; round <= rounds; round += 1) {
      const order: readonly Mode[] = round % 2 === 1 ? MODES : [...MODES].reverse();
      for (const mode of order) {
        const window = await measureWindow(mode);
        windows.get(mode)?.push(window);
        log(
          `round ${round} ${mode}: ${window.requestsPerSecond.toFixed(1)} req/s, p50 ${window.latencyP50Ms} ms, p99 ${window.latencyP99Ms} ms, ` +
            `${window.cpuMsPerRequest.toFixed(2)} CPU ms/req, failed ${window.failed}`,
        );
      }
    }
    // Let the requests still in flight at the end of the last window finish before the platforms stop.
    await new Promise((resolve) => setTimeout(resolve, 1000));
  } finally {
    await stopAll();
  }

  const facts = readMachineFacts();
  const of = (mode: Mode, pick: (w: PolicyWindow) => number): number => median((windows.get(mode) ?? []).map(pick));
  const enforce = windows.get('enforce') ?? [];
  const open = windows.get('open') ?? [];
  const paired = pairedRatios(
    enforce.map((w) => w.requestsPerSecond),
    open.map((w) => w.requestsPerSecond),
  );
  const ratio = of('enforce', (w) => w.requestsPerSecond) / of('open', (w) => w.requestsPerSecond);
  const cpuRatio = of('enforce', (w) => w.cpuMsPerRequest) / of('open', (w) => w.cpuMsPerRequest);
  const row = (mode: Mode, title: string): string =>
    `| ${title} | ${of(mode, (w) => w.requestsPerSecond).toFixed(1)} | ${of(mode, (w) => w.latencyP50Ms).toFixed(0)} | ${of(mode, (w) => w.latencyP99Ms).toFixed(0)} | ${of(mode, (w) => w.cpuMsPerRequest).toFixed(2)} | ${(windows.get(mode) ?? []).map((w) => w.requestsPerSecond.toFixed(1)).join(', ')} | ${(windows.get(mode) ?? []).reduce((total, w) => total + w.failed, 0)} |`;
  process.stdout.write(
    [
      `## Policy overhead on the platform tour: ${facts.date}`,
      '',
      `- machine: ${facts.cpuModel}, ${facts.cores} cores, ${facts.memoryGiB} GiB; Node ${facts.node}`,
      `- packages: ${Object.entries(facts.packages).filter(([name]) => !name.startsWith('@graphql-hive') && name !== 'pg').map(([name, version]) => `${name} ${version}`).join(', ')}`,
      `- workload: the ${stops.length} read-only tour stops, each of ${connections} closed-loop connections sending them in turn; warm-up ${warmupSeconds} s per platform once, then ${rounds} rounds × (settle ${settleSeconds} s + window ${durationSeconds} s) per platform, order alternating; medians over rounds`,
      `- pinning: ${pinning.description}`,
      `- command: \`${['node bench/dist/policy-overhead.js', ...argv].join(' ')}\``,
      '',
      '| platform | req/s | p50 ms | p99 ms | platform CPU ms/req | req/s per round | failed |',
      '|---|---:|---:|---:|---:|---|---:|',
      row('enforce', 'access control enforced'),
      row('open', 'access control open'),
      '',
      `enforce/open req/s, median of the per-round ratios: **${paired.median.toFixed(3)}** (quartiles ${paired.lowerQuartile.toFixed(2)}–${paired.upperQuartile.toFixed(2)}; target ≥ ${TARGET_RATIO}: ${paired.median >= TARGET_RATIO ? 'met' : 'NOT met'})`,
      `- per round: ${paired.perRound.map((r) => r.toFixed(2)).join(', ')}`,
      `- ratio of the medians: req/s ${ratio.toFixed(3)}, platform CPU ms/req ${cpuRatio.toFixed(2)}×`,
      '',
    ].join('\n'),
  );
}

/** Every stop answers 200 without errors on both platforms, with deep-equal bodies. @throws Error naming the first problems */
async function validate(
  stops: readonly TourStop[],
  enforce: { url: string; headers: Record<string, string> },
  open: { url: string; headers: Record<string, string> },
): Promise<void> {
  const problems: string[] = [];
  for (const stop of stops) {
    const [a, b] = await Promise.all([post(enforce.url, stop, enforce.headers), post(open.url, stop, open.headers)]);
    for (const [mode, answer] of [['enforce', a], ['open', b]] as const) {
      if (answer.status !== 200 || (answer.body as { errors?: unknown }).errors !== undefined) {
        problems.push(`${stop.title} (${mode}): HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
      }
    }
    const difference = describeDifference(a.body, b.body);
    if (difference !== undefined) problems.push(`${stop.title}: enforce and open answers differ at ${difference}`);
  }
  if (problems.length > 0) throw new Error(`validation failed:\n${problems.join('\n')}`);
}

async function post(url: string, stop: TourStop, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify({ query: stop.query, variables: stop.variables }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    return { status: response.status, body: text };
  }
}

if (require.main === module) {
  runPolicyOverhead(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
