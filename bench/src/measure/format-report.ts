/**
 * The run's report as Markdown: machine facts, one row per gateway (median
 * over rounds) with ratios to the baseline, FAILING and "not available"
 * gateways named with the reason, and the policy-chain cost.
 */
import type { MachineFacts } from './machine-facts';
import type { WindowMeasurement } from './measure-window';
import { median } from './median';

/** What the run learnt about one gateway. */
export type GatewayOutcome =
  | {
      readonly id: string;
      readonly title: string;
      readonly status: 'measured';
      /** Subgraph fetches per request in the (sequential) validation pass. */
      readonly validationFetchesPerRequest: number;
      readonly rounds: readonly WindowMeasurement[];
    }
  | { readonly id: string; readonly title: string; readonly status: 'failing' | 'not available'; readonly reason: string };

/** How the run was made. */
export interface RunSettings {
  readonly warmupSeconds: number;
  readonly durationSeconds: number;
  readonly rounds: number;
  readonly connections: number;
  readonly validationRequests: number;
  /** Every gateway's `--max-old-space-size`, or `undefined`: each gateway as it ships. @default undefined */
  readonly heapLimitMiB?: number | undefined;
  /** The node options of govgraph's gateway command on this machine (used when `heapLimitMiB` is undefined). @default [] */
  readonly govgraphNodeArgs?: readonly string[];
  /** `gateway on core 0; runner and subgraphs on core 1`, or why there was no pinning. */
  readonly pinning: string;
  readonly command: string;
}

/** The medians of one measured gateway. */
export interface GatewaySummary {
  readonly requestsPerSecond: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
  readonly cpuMsPerRequest: number;
  readonly peakRssMiB: number;
  readonly subgraphFetchesPerRequest: number;
  readonly loadSideCoreShare: number;
  readonly failed: number;
}

/** Medians over rounds (failed answers are summed). */
export function summariseRounds(rounds: readonly WindowMeasurement[]): GatewaySummary {
  const of = (pick: (round: WindowMeasurement) => number): number => median(rounds.map(pick));
  return {
    requestsPerSecond: of((r) => r.requestsPerSecond),
    latencyP50Ms: of((r) => r.latencyP50Ms),
    latencyP99Ms: of((r) => r.latencyP99Ms),
    cpuMsPerRequest: of((r) => r.cpuMsPerRequest),
    peakRssMiB: Math.max(...rounds.map((r) => r.peakRssBytes)) / 2 ** 20,
    subgraphFetchesPerRequest: of((r) => r.subgraphFetchesPerRequest),
    loadSideCoreShare: of((r) => r.loadSideCoreShare),
    failed: rounds.reduce((total, r) => total + r.failed, 0),
  };
}

const fixed = (value: number, digits: number): string => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const ratio = (value: number, base: number | undefined): string =>
  base === undefined || !Number.isFinite(value) || !Number.isFinite(base) || base === 0 ? '–' : `${(value / base).toFixed(2)}×`;

/** The report. `baselineId` names the gateway the ratios are relative to. */
export function formatReport(
  outcomes: readonly GatewayOutcome[],
  options: { baselineId: string; facts: MachineFacts; settings: RunSettings; policyPair?: readonly [string, string] },
): string {
  const { facts, settings } = options;
  const summaries = new Map<string, GatewaySummary>();
  for (const outcome of outcomes) if (outcome.status === 'measured') summaries.set(outcome.id, summariseRounds(outcome.rounds));
  const base = summaries.get(options.baselineId);

  const lines: string[] = [];
  lines.push(`## Gateways benchmark: ${facts.date}`, '');
  lines.push(`- machine: ${facts.cpuModel}, ${facts.cores} cores, ${facts.memoryGiB} GiB; Node ${facts.node}`);
  lines.push(`- packages: ${Object.entries(facts.packages).map(([name, version]) => `${name} ${version}`).join(', ')}`);
  lines.push(
    `- method: ${settings.validationRequests} validation requests per gateway, then ${settings.rounds} rounds × (warm-up ${settings.warmupSeconds} s + window ${settings.durationSeconds} s), ${settings.connections} connections (autocannon, closed loop); medians over rounds`,
  );
  lines.push(
    `- heap: ${
      settings.heapLimitMiB === undefined
        ? `each gateway as it ships: govgraph's with the node options of its command, gateway/bin/govgraph-gateway (${settings.govgraphNodeArgs?.join(' ') || "none: Node's defaults"}); the others with Node's default limit`
        : `every gateway with --max-old-space-size=${settings.heapLimitMiB}`
    }`,
  );
  lines.push(`- pinning: ${settings.pinning}`);
  lines.push(`- command: \`${settings.command}\``, '');
  lines.push(
    '| gateway | req/s | p50 ms | p99 ms | CPU ms/req | peak RSS MiB | subgraph fetches/req | req/s vs baseline | CPU/req vs baseline | load-side core | failed |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const outcome of outcomes) {
    if (outcome.status !== 'measured') {
      lines.push(`| ${outcome.title} | ${outcome.status.toUpperCase()} | | | | | | | | | |`);
      continue;
    }
    const s = summaries.get(outcome.id) as GatewaySummary;
    lines.push(
      `| ${outcome.title}${outcome.id === options.baselineId ? ' **(baseline)**' : ''} | ${fixed(s.requestsPerSecond, 1)} | ${fixed(s.latencyP50Ms, 0)} | ${fixed(s.latencyP99Ms, 0)} | ${fixed(s.cpuMsPerRequest, 1)} | ${fixed(s.peakRssMiB, 0)} | ${fixed(s.subgraphFetchesPerRequest, 1)} (${fixed(outcome.validationFetchesPerRequest, 0)} sequential) | ${ratio(s.requestsPerSecond, base?.requestsPerSecond)} | ${ratio(s.cpuMsPerRequest, base?.cpuMsPerRequest)} | ${fixed(s.loadSideCoreShare * 100, 0)}% | ${s.failed} |`,
    );
  }
  const notes = outcomes.filter((o) => o.status !== 'measured');
  if (notes.length > 0) {
    lines.push('');
    for (const outcome of notes) if ('reason' in outcome) lines.push(`- ${outcome.title}: ${outcome.status.toUpperCase()}: ${outcome.reason}`);
  }
  if (options.policyPair) {
    const [open, policies] = options.policyPair;
    const a = summaries.get(open);
    const b = summaries.get(policies);
    lines.push('');
    lines.push(
      a && b
        ? `Policy chain cost (${policies} / ${open}): req/s ${ratio(b.requestsPerSecond, a.requestsPerSecond)}, CPU ms/req ${ratio(b.cpuMsPerRequest, a.cpuMsPerRequest)}, p50 ${ratio(b.latencyP50Ms, a.latencyP50Ms)}`
        : `Policy chain cost (${policies} / ${open}): not measured in this run.`,
    );
  }
  return lines.join('\n');
}
