/**
 * The registry load time (`npm run bench -- registry`, or
 * `node bench/dist/registry-load.js`): the requirement is that the gateway
 * loads a registry the size of the reference province (3,428 applications,
 * 50,000 grants) in under a second, at start and after every change. The
 * gateway's scale test asserts only that such a load is correct; the number
 * comes from here.
 *
 * For SQLite (a file in a temporary directory) and, when
 * `GOVGRAPH_BENCH_POSTGRES_URL` is set, PostgreSQL (a schema unique to the
 * run, dropped afterwards): open and migrate the registry, `seedScale` it,
 * then time `load()` of `createPrismaRegistryReader` `--runs` times in a row
 * (the first is the cold one a starting gateway sees) and `version()` (what
 * every gateway polls every two seconds). Each snapshot is checked to hold
 * every application, key and grant. Prints a Markdown table.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createPrismaRegistryReader, openRegistry, seedScale } from '@govgraph/gateway';
import { readMachineFacts } from './measure/machine-facts';
import { median } from './measure/median';

/** The requirement: a province-sized registry loads in under this. */
const LOAD_BUDGET_MS = 1000;

/** Where one measured registry lives. */
interface RegistryPlace {
  readonly provider: 'sqlite' | 'postgresql';
  readonly url: string;
  /** Drops what the run created (the schema is dropped over the registry's own connection before it closes). */
  readonly dropSql?: string;
  readonly cleanup: () => void;
}

/** One provider's figures. */
interface RegistryLoadResult {
  readonly provider: string;
  readonly seedSeconds: number;
  readonly loadsMs: readonly number[];
  readonly versionMs: number;
}

/** Runs the registry load benchmark with `argv` (without node and the script); prints the report on stdout. */
export async function runRegistryLoad(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      runs: { type: 'string', default: '5' },
      applications: { type: 'string', default: '3428' },
      grants: { type: 'string', default: '50000' },
    },
    strict: true,
  });
  const runs = Number(values.runs);
  const applications = Number(values.applications);
  const grants = Number(values.grants);
  const problems = [
    ...(Number.isInteger(runs) && runs >= 1 ? [] : [`--runs must be an integer >= 1 (got ${values.runs})`]),
    ...(Number.isInteger(applications) && applications >= 1 ? [] : [`--applications must be an integer >= 1 (got ${values.applications})`]),
    ...(Number.isInteger(grants) && grants >= applications ? [] : [`--grants must be an integer >= --applications (got ${values.grants})`]),
  ];
  if (problems.length > 0) {
    throw new Error(`${problems.join('\n')}\nusage: node bench/dist/registry-load.js [--runs 5] [--applications 3428] [--grants 50000]`);
  }

  const places = [sqlitePlace()];
  const postgresUrl = process.env['GOVGRAPH_BENCH_POSTGRES_URL'];
  if (postgresUrl) places.push(postgresqlPlace(postgresUrl));
  else process.stderr.write('PostgreSQL skipped: set GOVGRAPH_BENCH_POSTGRES_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres) to measure it\n');

  const results: RegistryLoadResult[] = [];
  for (const place of places) {
    try {
      results.push(await measure(place, { runs, applications, grants }));
    } finally {
      place.cleanup();
    }
  }

  const facts = readMachineFacts();
  const fixed = (ms: number): string => ms.toFixed(0);
  process.stdout.write(
    [
      `## Registry load time: ${facts.date}`,
      '',
      `- machine: ${facts.cpuModel}, ${facts.cores} cores, ${facts.memoryGiB} GiB; Node ${facts.node}`,
      `- packages: @prisma/client ${facts.packages['@prisma/client'] ?? '?'}, better-sqlite3 ${facts.packages['better-sqlite3'] ?? '?'}, pg ${facts.packages['pg'] ?? '?'}`,
      `- registry: ${applications} applications (one API key each), ${grants} grants, 40 departments (\`seedScale\`); ${runs} \`load()\` in a row, the first one cold`,
      `- command: \`${['node bench/dist/registry-load.js', ...argv].join(' ')}\``,
      '',
      `| registry | seed s | load() ms: min | median | max | every run (ms, in order) | version() ms | under ${LOAD_BUDGET_MS} ms |`,
      '|---|---:|---:|---:|---:|---|---:|---|',
      ...results.map(
        (r) =>
          `| ${r.provider} | ${r.seedSeconds.toFixed(1)} | ${fixed(Math.min(...r.loadsMs))} | ${fixed(median(r.loadsMs))} | ${fixed(Math.max(...r.loadsMs))} | ${r.loadsMs.map(fixed).join(', ')} | ${r.versionMs.toFixed(1)} | ${Math.max(...r.loadsMs) < LOAD_BUDGET_MS ? 'yes' : 'NO'} |`,
      ),
      '',
    ].join('\n'),
  );
}

async function measure(place: RegistryPlace, size: { runs: number; applications: number; grants: number }): Promise<RegistryLoadResult> {
  const registry = await openRegistry({ url: place.url });
  try {
    const seedStart = performance.now();
    await seedScale(registry, { applications: size.applications, grants: size.grants });
    const seedSeconds = (performance.now() - seedStart) / 1000;
    process.stderr.write(`${place.provider}: seeded in ${seedSeconds.toFixed(1)} s\n`);

    const reader = createPrismaRegistryReader(registry.prisma);
    const loadsMs: number[] = [];
    for (let run = 0; run < size.runs; run += 1) {
      const start = performance.now();
      const snapshot = await reader.load();
      const elapsed = performance.now() - start;
      const loadedGrants = [...snapshot.grantsByApplication.values()].reduce((sum, list) => sum + list.length, 0);
      if (snapshot.applicationsById.size !== size.applications || snapshot.credentialsByHash.size !== size.applications || loadedGrants !== size.grants) {
        throw new Error(
          `${place.provider}: the snapshot holds ${snapshot.applicationsById.size} applications, ${snapshot.credentialsByHash.size} keys and ${loadedGrants} grants; ` +
            `expected ${size.applications}, ${size.applications} and ${size.grants}`,
        );
      }
      loadsMs.push(elapsed);
      process.stderr.write(`${place.provider}: load() ${elapsed.toFixed(0)} ms\n`);
    }
    const versions: number[] = [];
    for (let run = 0; run < 10; run += 1) {
      const start = performance.now();
      await reader.version();
      versions.push(performance.now() - start);
    }
    return { provider: place.provider === 'sqlite' ? 'SQLite (file)' : 'PostgreSQL', seedSeconds, loadsMs, versionMs: median(versions) };
  } finally {
    if (place.dropSql) await registry.prisma.$executeRawUnsafe(place.dropSql).catch(() => undefined);
    await registry.close();
  }
}

function sqlitePlace(): RegistryPlace {
  const directory = mkdtempSync(join(tmpdir(), 'govgraph-registry-load-'));
  return {
    provider: 'sqlite',
    url: `file:${join(directory, 'registry.db')}`,
    cleanup: () => rmSync(directory, { recursive: true, force: true }),
  };
}

function postgresqlPlace(base: string): RegistryPlace {
  const schema = `registry_bench_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const url = new URL(base);
  url.searchParams.set('schema', schema);
  return { provider: 'postgresql', url: url.toString(), dropSql: `DROP SCHEMA IF EXISTS "${schema}" CASCADE`, cleanup: () => undefined };
}

if (require.main === module) {
  runRegistryLoad(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
