/**
 * The policy chain's cost on the platform's own queries
 * (`npm run bench -- policy`, or `node bench/dist/policy-overhead.js`): the
 * requirement is that the platform with access control enforced serves at
 * least 0.9 of the requests per second it serves with it open.
 *
 * 1. The province's legacy systems start once, in a child process of their
 *    own on the runner's core (`platform/legacy-child.ts`), as a province's
 *    gateway calls the departments' systems on their machines: their
 *    generated data (~150 MiB of heap) stays out of the platforms under test.
 *    The platform's services (`startPlatformServices`: access control, the
 *    five subgraphs, the gateway) start twice against them, each in its own
 *    child process: `accessControl: 'enforce'` (registry, API key, grants,
 *    rate limits, masking, audit to the registry, usage counters) and
 *    `'open'`. The enforcing one is called with the key of an application
 *    holding the L4 demo grant (every mask cleared) with a rate no run
 *    reaches, so nothing is refused or masked.
 * 2. Validation: every read-only tour stop (mutations and the stops that show
 *    errors on purpose are skipped) must answer 200 without errors on both,
 *    and the two answers must be deep-equal.
 * 3. Warm-up: both platforms under the same load for `--warmup` seconds,
 *    once. A platform process needs about 20 s of load on this machine before
 *    its rate stops climbing (JIT tiers, heap sizing); shorter warm-ups made
 *    the first rounds measure the warm-up.
 * 4. Rounds: `--settle` seconds of load, then a fixed window of
 *    `--connections` closed-loop clients per platform each sending the stops
 *    in turn (autocannon), with each child's CPU time read before and after.
 *    `--schedule together` (the default): both platforms are loaded in the
 *    same window, sharing core 0, which the kernel's scheduler divides evenly
 *    between two busy processes; each platform's requests per second are then
 *    its throughput on half a core, and both halves see the same state of the
 *    machine at every instant. This machine's speed moves by ±10 %, sometimes
 *    40 %, within seconds (the same process's CPU time per request, one window
 *    to the next), more than the policy chain costs, so windows taken one
 *    after the other compared a platform with the machine's mood. The report
 *    prints each platform's share of the core, to show the halves were even.
 *    `--schedule alternate`: each platform in turn, alone, the order
 *    alternating round by round, the other stopped (SIGSTOP) for the
 *    warm-up, the settle and the window: an idle V8 process is not idle
 *    (timers, and the full GC its memory reducer runs a few seconds after its
 *    load stops).
 *    The legacy child's and the runner's CPU time are read too: if they
 *    filled the runner's core, the platforms would not be the bottleneck and
 *    the ratio would say little, so the report prints that core's load.
 * 5. Prints the medians, the per-round ratios and their median and quartiles.
 *    The verdict is on the median of the per-round ratios: only the two
 *    windows of one round compare like with like.
 *
 * `--calibrate` starts both platforms open (an A/A run): what the harness
 * gives two equal platforms, which should be a ratio near 1 and CPU per
 * request 1.00×; the report then gives no verdict.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { TOUR, type TourStop } from '@govgraph/example-platform';
import { describeDifference } from './measure/describe-difference';
import { readMachineFacts } from './measure/machine-facts';
import { integerFlags } from './measure/integer-flags';
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
  /** The platform's CPU time over the window's time: its share of core 0 (about 0.5 each when together). */
  readonly coreShare: number;
  /** The legacy systems' and the runner's CPU time over the window's time: the load of the runner's core. */
  readonly runnerCoreLoad: number;
}

const SCHEDULES = ['together', 'alternate'] as const;
type Schedule = (typeof SCHEDULES)[number];

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
      schedule: { type: 'string', default: 'together' },
      calibrate: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const { integer, problems } = integerFlags();
  const warmupSeconds = integer('warmup', values.warmup, 0);
  const settleSeconds = integer('settle', values.settle, 0);
  const durationSeconds = integer('duration', values.duration, 1);
  const rounds = integer('rounds', values.rounds, 1);
  const connections = integer('connections', values.connections, 1);
  const schedule = values.schedule as Schedule;
  // A/A: the "enforce" slot runs an open platform too, so the report shows what the harness itself gives two equal
  // platforms (a ratio near 1 and CPU per request 1.00×); the verdict line then says it is a calibration.
  const calibrate = values.calibrate === true;
  if (!SCHEDULES.includes(schedule)) problems.push(`--schedule must be one of ${SCHEDULES.join(', ')} (got ${JSON.stringify(values.schedule)})`);
  if (problems.length > 0) {
    throw new Error(
      `${problems.join('\n')}\nusage: node bench/dist/policy-overhead.js [--warmup 30] [--settle 1] [--duration 3] [--rounds 20] [--connections 10] [--schedule together|alternate] [--calibrate]`,
    );
  }
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  const pinning = pinRunner('the platforms');
  log(`pinning: ${pinning.description}`);

  const stops = TOUR.filter((stop) => !stop.expectErrors && !/^\s*mutation\b/.test(stop.query));
  const children = new Map<Mode, RunningChild>();
  let legacyChild: RunningChild | undefined;
  const stopAll = async (): Promise<void> => {
    // A platform paused by an interrupted window would not answer `stop`.
    resumeAll([...children.values()].map((child) => child.pid));
    await Promise.allSettled([...children.values()].map((child) => child.stop()));
    await legacyChild?.stop();
  };
  process.once('SIGINT', () => void stopAll().finally(() => process.exit(130)));
  const windows = new Map<Mode, PolicyWindow[]>(MODES.map((mode) => [mode, []]));
  try {
    legacyChild = await spawnChild({
      script: join(__dirname, 'platform', 'legacy-child.js'),
      args: [],
      core: pinning.loadCore,
      env: { NODE_ENV: 'production' },
      readyTimeoutMs: 120_000,
    });
    const legacy = legacyChild;
    log(`legacy systems started (pid ${legacy.pid})`);
    // The open platform starts first: in A/A runs (--calibrate) the platform started first served about 2 % more
    // than the other (four runs: 1.024, 0.984, 1.060, 1.020), so whatever advantage starting first gives goes to
    // the baseline, never to the enforcing platform.
    for (const mode of [...MODES].reverse()) {
      const child = await spawnChild({
        script: join(__dirname, 'platform', 'platform-child.js'),
        args: [calibrate ? 'open' : mode, JSON.stringify(legacy.info['legacy'])],
        core: pinning.targetCore,
        env: { NODE_ENV: 'production' },
        readyTimeoutMs: 120_000,
      });
      children.set(mode, child);
      log(`${mode}: platform started (pid ${child.pid})${calibrate ? ', access control open (--calibrate)' : ''}`);
    }
    const target = (mode: Mode): { child: RunningChild; url: string; headers: Record<string, string> } => {
      const child = children.get(mode) as RunningChild;
      return { child, url: child.info['url'] as string, headers: (child.info['headers'] as Record<string, string> | undefined) ?? {} };
    };

    await validate(stops, target('enforce'), target('open'));
    log(`validation: ${stops.length} read-only tour stops answer without errors and identically in both modes`);

    /** The CPU time of the platforms of `modes` (a stopped one could not answer), of the legacy systems and of this runner, now. */
    const readClocks = async (modes: readonly Mode[]): Promise<{ platforms: Map<Mode, number>; legacyMicros: number; runner: NodeJS.CpuUsage }> => {
      const [legacyUsage, ...platformUsages] = await Promise.all([legacy.usage(), ...modes.map((mode) => target(mode).child.usage())]);
      return {
        platforms: new Map(modes.map((mode, index) => [mode, platformUsages[index]?.cpuMicros ?? Number.NaN])),
        legacyMicros: legacyUsage.cpuMicros,
        runner: process.cpuUsage(),
      };
    };
    /** Stops the platforms not in `modes` (see 4. above); returns the resume. */
    const pauseAllBut = (modes: readonly Mode[]): (() => void) =>
      pauseProcesses(MODES.filter((mode) => !modes.includes(mode)).map((mode) => target(mode).child.pid));
    /** The tour load on `mode`'s platform for `seconds`. */
    const loadOf = (mode: Mode, seconds: number): Promise<LoadResult> => {
      const { url, headers } = target(mode);
      return runMixedLoad({ url, requests: stops, connections, headers, durationSeconds: seconds });
    };
    /** Settle, then one window in which every mode of `modes` is loaded at once; the others stay stopped. */
    const measureWindows = async (modes: readonly Mode[]): Promise<Map<Mode, PolicyWindow>> => {
      const resume = pauseAllBut(modes);
      try {
        if (settleSeconds > 0) await Promise.all(modes.map((mode) => loadOf(mode, settleSeconds)));
        const before = await readClocks(modes);
        const results = await Promise.all(modes.map((mode) => loadOf(mode, durationSeconds)));
        const after = await readClocks(modes);
        const runnerMicros = after.runner.user - before.runner.user + after.runner.system - before.runner.system;
        const runnerCoreMicros = after.legacyMicros - before.legacyMicros + runnerMicros;
        return new Map(
          modes.map((mode, index) => {
            const result = results[index] as LoadResult;
            const platformMicros = (after.platforms.get(mode) ?? Number.NaN) - (before.platforms.get(mode) ?? Number.NaN);
            const window: PolicyWindow = {
              ...result,
              cpuMsPerRequest: result.completed > 0 ? platformMicros / 1000 / result.completed : Number.NaN,
              coreShare: platformMicros / 1e6 / result.durationSeconds,
              runnerCoreLoad: runnerCoreMicros / 1e6 / result.durationSeconds,
            };
            return [mode, window];
          }),
        );
      } finally {
        resume();
      }
    };
    const describe = (round: number, mode: Mode, window: PolicyWindow): string =>
      `round ${round} ${mode}: ${window.requestsPerSecond.toFixed(1)} req/s, p50 ${window.latencyP50Ms} ms, p99 ${window.latencyP99Ms} ms, ` +
      `${window.cpuMsPerRequest.toFixed(2)} CPU ms/req, core share ${(window.coreShare * 100).toFixed(0)} %, runner's core ${(window.runnerCoreLoad * 100).toFixed(0)} %, failed ${window.failed}`;

    if (warmupSeconds > 0) {
      for (const modes of schedule === 'together' ? [MODES] : MODES.map((mode) => [mode])) {
        const resume = pauseAllBut(modes);
        const warm = await Promise.all(modes.map((mode) => loadOf(mode, warmupSeconds))).finally(resume);
        modes.forEach((mode, index) => log(`warm-up ${mode}: ${warm[index]?.requestsPerSecond.toFixed(1)} req/s over ${warmupSeconds} s, failed ${warm[index]?.failed}`));
      }
    }
    for (let round = 1; round <= rounds; round += 1) {
      const order: readonly Mode[] = round % 2 === 1 ? MODES : [...MODES].reverse();
      const measured = new Map<Mode, PolicyWindow>();
      // Together, the order in which the two loads and clocks start alternates too: neither platform always goes first.
      if (schedule === 'together') for (const [mode, window] of await measureWindows(order)) measured.set(mode, window);
      else for (const mode of order) measured.set(mode, (await measureWindows([mode])).get(mode) as PolicyWindow);
      for (const mode of order) {
        const window = measured.get(mode) as PolicyWindow;
        windows.get(mode)?.push(window);
        log(describe(round, mode, window));
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
    `| ${title} | ${of(mode, (w) => w.requestsPerSecond).toFixed(1)} | ${of(mode, (w) => w.latencyP50Ms).toFixed(0)} | ${of(mode, (w) => w.latencyP99Ms).toFixed(0)} | ${of(mode, (w) => w.cpuMsPerRequest).toFixed(2)} | ${(of(mode, (w) => w.coreShare) * 100).toFixed(0)} % | ${(of(mode, (w) => w.runnerCoreLoad) * 100).toFixed(0)} % | ${(windows.get(mode) ?? []).map((w) => w.requestsPerSecond.toFixed(1)).join(', ')} | ${(windows.get(mode) ?? []).reduce((total, w) => total + w.failed, 0)} |`;
  process.stdout.write(
    [
      `## Policy overhead on the platform tour${calibrate ? ' — calibration: both slots open (--calibrate)' : ''}: ${facts.date}`,
      '',
      `- machine: ${facts.cpuModel}, ${facts.cores} cores, ${facts.memoryGiB} GiB; Node ${facts.node}`,
      `- packages: ${Object.entries(facts.packages).filter(([name]) => !name.startsWith('@graphql-hive') && name !== 'pg').map(([name, version]) => `${name} ${version}`).join(', ')}`,
      `- workload: the ${stops.length} read-only tour stops, each of ${connections} closed-loop connections sending them in turn; the legacy systems in a process of their own on the runner's core; ${
        schedule === 'together'
          ? `both platforms loaded together on core 0 (--schedule together); warm-up ${warmupSeconds} s once, then ${rounds} rounds × (settle ${settleSeconds} s + window ${durationSeconds} s)`
          : `one platform at a time, the other stopped (--schedule alternate); warm-up ${warmupSeconds} s per platform once, then ${rounds} rounds × (settle ${settleSeconds} s + window ${durationSeconds} s) per platform, order alternating`
      }; medians over rounds`,
      `- pinning: ${pinning.description}`,
      `- command: \`${['node bench/dist/policy-overhead.js', ...argv].join(' ')}\``,
      '',
      '| platform | req/s | p50 ms | p99 ms | platform CPU ms/req | share of core 0 | runner\'s core (legacy systems + load) | req/s per round | failed |',
      '|---|---:|---:|---:|---:|---:|---:|---|---:|',
      row('enforce', 'access control enforced'),
      row('open', 'access control open'),
      '',
      calibrate
        ? `"enforce"/open req/s with both slots open, median of the per-round ratios: **${paired.median.toFixed(3)}** (quartiles ${paired.lowerQuartile.toFixed(2)}–${paired.upperQuartile.toFixed(2)}; the harness's own bias, no verdict)`
        : `enforce/open req/s, median of the per-round ratios: **${paired.median.toFixed(3)}** (quartiles ${paired.lowerQuartile.toFixed(2)}–${paired.upperQuartile.toFixed(2)}; target ≥ ${TARGET_RATIO}: ${paired.median >= TARGET_RATIO ? 'met' : 'NOT met'})`,
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
