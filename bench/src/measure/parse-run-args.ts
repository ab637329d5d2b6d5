/**
 * The runner's command line: `--warmup`, `--duration`, `--rounds`,
 * `--connections`, `--only a,b`, `--validate`, `--heap-limit`. Every problem is reported at
 * once.
 */
import { parseArgs } from 'node:util';
import { BENCH_GATEWAY_IDS, type BenchGatewayId } from '../gateways/bench-gateway';
import { integerFlags } from './integer-flags';

/** The parsed options of one run. */
export interface RunOptions {
  /** Seconds of load before each measured window. @default 5 */
  readonly warmupSeconds: number;
  /** Seconds of each measured window. @default 15 */
  readonly durationSeconds: number;
  /** Rounds through all gateways; the table shows medians. @default 3 */
  readonly rounds: number;
  /** Concurrent closed-loop clients. @default 50 */
  readonly connections: number;
  /** Requests of the validation pass, per gateway. @default 20 */
  readonly validationRequests: number;
  /** The gateways to run, in run order. @default all */
  readonly gateways: readonly BenchGatewayId[];
  /**
   * V8's old-space limit of every gateway process, in MiB (`--max-old-space-size`,
   * the same for all gateways), or `undefined`: each gateway as it ships (govgraph's
   * with its command's node options, the others with Node's defaults). @default undefined
   */
  readonly heapLimitMiB: number | undefined;
}

/** Usage text of the runner. */
export const RUN_USAGE = `usage: node bench/dist/run.js [--warmup 5] [--duration 15] [--rounds 3] [--connections 50]
                            [--validate 20] [--heap-limit <MiB>] [--only ${BENCH_GATEWAY_IDS.join(',')}]
       node bench/dist/run.js registry [--runs 5]            (registry load time; node bench/dist/registry-load.js)
       node bench/dist/run.js policy [--warmup 30] [--duration 3] [--rounds 20] (policy overhead on the tour; node bench/dist/policy-overhead.js)`;

/** Parses `argv` (without node and the script). @throws Error listing every problem and the usage */
export function parseRunArgs(argv: readonly string[]): RunOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      warmup: { type: 'string', default: '5' },
      duration: { type: 'string', default: '15' },
      rounds: { type: 'string', default: '3' },
      connections: { type: 'string', default: '50' },
      validate: { type: 'string', default: '20' },
      only: { type: 'string' },
      'heap-limit': { type: 'string' },
    },
    strict: true,
  });
  const { integer: number, problems } = integerFlags();
  const options = {
    warmupSeconds: number('warmup', values.warmup, 0),
    durationSeconds: number('duration', values.duration, 1),
    rounds: number('rounds', values.rounds, 1),
    connections: number('connections', values.connections, 1),
    validationRequests: number('validate', values.validate, 1),
    gateways: [] as BenchGatewayId[],
    heapLimitMiB: values['heap-limit'] === undefined ? undefined : number('heap-limit', values['heap-limit'], 64),
  };
  const only = values.only === undefined ? [...BENCH_GATEWAY_IDS] : values.only.split(',').map((id) => id.trim()).filter(Boolean);
  for (const id of only) {
    if ((BENCH_GATEWAY_IDS as readonly string[]).includes(id)) options.gateways.push(id as BenchGatewayId);
    else problems.push(`--only: unknown gateway ${JSON.stringify(id)} (known: ${BENCH_GATEWAY_IDS.join(', ')})`);
  }
  if (options.gateways.length === 0) problems.push('--only names no gateway');
  if (problems.length > 0) throw new Error(`${problems.join('\n')}\n${RUN_USAGE}`);
  return options;
}
