/**
 * The gateways benchmark runner (`npm run bench`): the public gateways
 * benchmark's workload, every gateway side by side in one run.
 *
 * 1. The four subgraphs start in their own child process.
 * 2. Validation: each gateway starts alone in its own child process and must
 *    answer every validation request deep-equal to the expected response; a
 *    gateway that does not is FAILING and is not measured.
 * 3. For each round, for each valid gateway: start it alone, warm up, measure
 *    the fixed window, check it still answers correctly, stop it.
 * 4. Print the medians over rounds, with ratios to the baseline.
 *
 * Where `taskset` exists and there are at least 2 cores, the gateway runs on
 * core 0 and everything else (this runner with the load generator, the
 * subgraphs) on core 1.
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { writeBenchSupergraph } from './fixtures/bench-supergraph';
import { loadBenchWorkload } from './fixtures/bench-workload';
import { isAvailableBenchGateway, type AvailableBenchGateway } from './gateways/bench-gateway';
import { govgraphCommandNodeArgs } from './gateways/govgraph-command-node-args';
import { BASELINE_GATEWAY_ID, findBenchGateway } from './gateways/bench-gateways';
import { formatReport, type GatewayOutcome } from './measure/format-report';
import { readMachineFacts } from './measure/machine-facts';
import { measureWindow, type WindowMeasurement } from './measure/measure-window';
import { parseRunArgs } from './measure/parse-run-args';
import { runAuditSink } from './audit-sink';
import { runPolicyOverhead } from './policy-overhead';
import { runRegistryLoad } from './registry-load';
import { spawnChild, type RunningChild } from './measure/spawn-child';
import { validateGateway } from './measure/validate-gateway';

const GATEWAY_CORE = 0;
const LOAD_CORE = 1;

/**
 * The other benchmarks, run by name as the first argument (`npm run bench --
 * registry`, `npm run bench -- policy --rounds 5`, `npm run bench -- audit`).
 */
const COMMANDS: Readonly<Record<string, (argv: readonly string[]) => Promise<void>>> = {
  registry: runRegistryLoad,
  policy: runPolicyOverhead,
  audit: runAuditSink,
};

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const other = command === undefined ? undefined : COMMANDS[command];
  if (other) return other(rest);
  const options = parseRunArgs(process.argv.slice(2));
  const pinning = pinRunner();
  const log = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  log(`pinning: ${pinning.description}`);

  const workload = loadBenchWorkload();
  const children = new Set<RunningChild>();
  const stopAll = async (): Promise<void> => {
    await Promise.allSettled([...children].map((child) => child.stop()));
  };
  process.once('SIGINT', () => void stopAll().finally(() => process.exit(130)));

  const subgraphs = await spawnChild({ script: join(__dirname, 'fixtures', 'subgraphs-child.js'), args: [], core: pinning.loadCore });
  children.add(subgraphs);
  const supergraph = writeBenchSupergraph(workload.supergraphSdl, subgraphs.info['urls'] as Record<string, string>);

  /** `--heap-limit` for every gateway, or the node options each gateway ships with (govgraph's command's; Node's defaults for the others). */
  const nodeArgsOf = (gateway: AvailableBenchGateway): readonly string[] =>
    options.heapLimitMiB === undefined ? (gateway.nodeArgs?.() ?? []) : [`--max-old-space-size=${options.heapLimitMiB}`];
  const startGateway = async (gateway: AvailableBenchGateway): Promise<{ child: RunningChild; url: string; headers: Readonly<Record<string, string>> }> => {
    const child = await spawnChild({
      script: join(__dirname, 'gateways', 'gateway-child.js'),
      args: [gateway.id, supergraph.path],
      core: pinning.gatewayCore,
      nodeArgs: nodeArgsOf(gateway),
      env: { APOLLO_TELEMETRY_DISABLED: 'true', NODE_ENV: 'production' },
    });
    children.add(child);
    return { child, url: child.info['url'] as string, headers: (child.info['headers'] as Record<string, string> | undefined) ?? {} };
  };
  const stopGateway = async (child: RunningChild): Promise<void> => {
    await child.stop();
    children.delete(child);
  };
  const sumCounts = async (): Promise<number> => Object.values(await subgraphs.counts()).reduce((a, b) => a + b, 0);

  const outcomes = new Map<string, GatewayOutcome>();
  const measured: { id: string; title: string; validationFetchesPerRequest: number; rounds: WindowMeasurement[] }[] = [];
  try {
    for (const id of options.gateways) {
      const gateway = findBenchGateway(id);
      if (!isAvailableBenchGateway(gateway)) {
        outcomes.set(id, { id, title: gateway.title, status: 'not available', reason: gateway.pending });
        log(`${id}: not available (${gateway.pending})`);
        continue;
      }
      let started: { child: RunningChild; url: string; headers: Readonly<Record<string, string>> } | undefined;
      try {
        started = await startGateway(gateway);
        const before = await sumCounts();
        const validation = await validateGateway({
          url: started.url,
          query: workload.query,
          expectedResponse: workload.expectedResponse,
          requests: options.validationRequests,
          headers: started.headers,
        });
        const fetches = ((await sumCounts()) - before) / validation.requests;
        if (validation.correct === validation.requests) {
          log(`${id}: valid (${validation.correct}/${validation.requests} deep-equal; ${fetches} subgraph fetches per request)`);
          const entry = { id, title: gateway.title, validationFetchesPerRequest: fetches, rounds: [] as WindowMeasurement[] };
          measured.push(entry);
          outcomes.set(id, { ...entry, status: 'measured' });
        } else {
          const reason = `${validation.requests - validation.correct}/${validation.requests} answers wrong: ${validation.problems.join('; ')}`;
          outcomes.set(id, { id, title: gateway.title, status: 'failing', reason });
          log(`${id}: FAILING: ${reason}`);
        }
      } catch (error) {
        const reason = `did not start or answer: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
        outcomes.set(id, { id, title: gateway.title, status: 'failing', reason });
        log(`${id}: FAILING: ${reason}`);
      } finally {
        if (started) await stopGateway(started.child);
      }
    }

    for (let round = 1; round <= options.rounds; round += 1) {
      for (const entry of measured) {
        const outcome = outcomes.get(entry.id);
        if (outcome?.status !== 'measured') continue;
        const gateway = findBenchGateway(entry.id);
        if (!isAvailableBenchGateway(gateway)) continue;
        const started = await startGateway(gateway);
        try {
          const window = await measureWindow({
            gateway: started.child,
            gatewayUrl: started.url,
            subgraphs,
            query: workload.query,
            connections: options.connections,
            warmupSeconds: options.warmupSeconds,
            durationSeconds: options.durationSeconds,
            headers: started.headers,
          });
          const after = await validateGateway({
            url: started.url,
            query: workload.query,
            expectedResponse: workload.expectedResponse,
            requests: 3,
            headers: started.headers,
          });
          if (after.correct !== after.requests) {
            const reason = `wrong answers after round ${round}'s window: ${after.problems.join('; ')}`;
            outcomes.set(entry.id, { id: entry.id, title: entry.title, status: 'failing', reason });
            log(`${entry.id}: FAILING: ${reason}`);
            continue;
          }
          entry.rounds.push(window);
          log(
            `round ${round} ${entry.id}: ${window.requestsPerSecond.toFixed(1)} req/s, p50 ${window.latencyP50Ms} ms, p99 ${window.latencyP99Ms} ms, ` +
              `${window.cpuMsPerRequest.toFixed(1)} CPU ms/req, ${(window.peakRssBytes / 2 ** 20).toFixed(0)} MiB, ` +
              `${window.subgraphFetchesPerRequest.toFixed(1)} fetches/req, load side ${(window.loadSideCoreShare * 100).toFixed(0)}%, failed ${window.failed}`,
          );
        } finally {
          await stopGateway(started.child);
        }
      }
    }
  } finally {
    await stopAll();
    supergraph.remove();
  }

  const ordered = options.gateways.map((id) => outcomes.get(id)).filter((o): o is GatewayOutcome => o !== undefined);
  process.stdout.write(
    `${formatReport(ordered, {
      baselineId: BASELINE_GATEWAY_ID,
      facts: readMachineFacts(),
      settings: {
        warmupSeconds: options.warmupSeconds,
        durationSeconds: options.durationSeconds,
        rounds: options.rounds,
        connections: options.connections,
        validationRequests: options.validationRequests,
        heapLimitMiB: options.heapLimitMiB,
        govgraphNodeArgs: govgraphCommandNodeArgs(),
        pinning: pinning.description,
        command: `node bench/dist/run.js ${process.argv.slice(2).join(' ')}`.trim(),
      },
      ...(options.gateways.includes('govgraph-open') && options.gateways.includes('govgraph-policies')
        ? { policyPair: ['govgraph-open', 'govgraph-policies'] as const }
        : {}),
    })}\n`,
  );
}

/** Pins this process (all threads) to the load core, if `taskset` works and there are 2 cores or more. */
function pinRunner(): { gatewayCore?: number; loadCore?: number; description: string } {
  if (cpus().length < 2) return { description: 'none (fewer than 2 cores)' };
  const result = spawnSync('taskset', ['-a', '-cp', String(LOAD_CORE), String(process.pid)], { stdio: 'ignore' });
  if (result.error || result.status !== 0) return { description: 'none (taskset not available)' };
  return {
    gatewayCore: GATEWAY_CORE,
    loadCore: LOAD_CORE,
    description: `gateway on core ${GATEWAY_CORE}; runner (autocannon) and subgraphs on core ${LOAD_CORE} (taskset)`,
  };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
