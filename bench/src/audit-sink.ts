/**
 * The audit store's cost per record on the embedded registry (`npm run bench
 * -- audit`, or `node bench/dist/audit-sink.js`): SQLite, the default registry,
 * writes the audit stream on the gateway's own thread, so every microsecond
 * of an insert is taken from the requests.
 *
 * Two registries (files in a temporary directory, migrated), written in
 * alternation, batch by batch, with the records the gateway produces for the
 * platform's tour (the coordinate lists of `--coordinates` fields, one list
 * per operation, `--operations` operations):
 *
 * - `inline`: each row carries its coordinates as JSON, as every record did
 *   before coordinate sets (the `coordinates` column, still read for old
 *   records), written over a better-sqlite3 connection the way the registry
 *   driver writes (one prepared statement, one transaction per batch, WAL).
 *   Its JavaScript is only the statement's: it favours this side.
 * - `sets`: the gateway's audit sink (`createPrismaAuditSink`), which stores
 *   each distinct list once and names it from the row.
 *
 * CPU time per record (user + system, the process's; the insert is
 * synchronous) is measured per batch; prints the medians, the ratio, and the
 * bytes per record of each file.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { createPrismaAuditSink, openRegistry, type Registry } from '@govgraph/gateway';
import { readMachineFacts } from './measure/machine-facts';
import { integerFlags } from './measure/integer-flags';
import { median } from './measure/median';

/** One audit record as the sink takes it (`AuditRecordInput` of the gateway). */
type AuditRecord = Parameters<ReturnType<typeof createPrismaAuditSink>['write']>[0][number];

const INLINE_COLUMNS = [
  'id',
  'at',
  'kind',
  'applicationId',
  'operationName',
  'operationHash',
  'coordinates',
  'maxGrade',
  'outcome',
  'durationMs',
  'subgraphs',
  'requestId',
] as const;

/** Runs the audit-sink benchmark with `argv` (without node and the script); prints the report on stdout. */
export async function runAuditSink(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      batches: { type: 'string', default: '40' },
      'batch-size': { type: 'string', default: '500' },
      coordinates: { type: 'string', default: '24' },
      operations: { type: 'string', default: '12' },
    },
    strict: true,
  });
  const { integer, problems } = integerFlags();
  const batches = integer('batches', values.batches, 3);
  const batchSize = integer('batch-size', values['batch-size'], 1);
  const coordinateCount = integer('coordinates', values.coordinates, 0);
  const operations = integer('operations', values.operations, 1);
  if (problems.length > 0) {
    throw new Error(`${problems.join('\n')}\nusage: node bench/dist/audit-sink.js [--batches 40] [--batch-size 500] [--coordinates 24] [--operations 12]`);
  }

  // One coordinate list per operation, the same array for every run of it (as the grant step hands it over).
  const lists = Array.from({ length: operations }, (_, operation) =>
    Array.from({ length: coordinateCount }, (_, index) => ({ coordinate: `Operation${operation}Type.field${index}Name`, grade: index % 3 === 0 ? ('L3' as const) : ('L1' as const) })),
  );
  let sequence = 0;
  const recordsOf = (count: number): AuditRecord[] =>
    Array.from({ length: count }, () => {
      sequence += 1;
      const operation = sequence % operations;
      return {
        at: new Date(),
        kind: 'operation',
        applicationId: 'cm4app000000000000000bench',
        operationName: `TourStop${operation}`,
        operationHash: `${operation}`.padStart(64, 'a'),
        coordinates: lists[operation] ?? [],
        maxGrade: 'L3',
        outcome: 'ok',
        durationMs: 12.3,
        subgraphs: ['licences', 'users'],
        requestId: `00000000-0000-4000-8000-${`${sequence}`.padStart(12, '0')}`,
      };
    });

  const directory = mkdtempSync(join(tmpdir(), 'govgraph-bench-audit-'));
  const registries: Registry[] = [];
  let inlineDb: Database.Database | undefined;
  try {
    const open = async (name: string): Promise<{ registry: Registry; file: string }> => {
      const file = join(directory, `${name}.db`);
      const registry = await openRegistry({ url: `file:${file}` });
      registries.push(registry);
      return { registry, file };
    };
    const inline = await open('inline');
    const sets = await open('sets');
    inlineDb = new Database(inline.file, { timeout: 10_000 });
    inlineDb.pragma('journal_mode = WAL');
    const insertInline = inlineDb.prepare(`INSERT INTO "AuditRecord" (${INLINE_COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES (${INLINE_COLUMNS.map(() => '?').join(', ')})`);
    const writeInline = inlineDb.transaction((records: readonly AuditRecord[]) => {
      for (const record of records) {
        insertInline.run(
          record.requestId,
          record.at.toISOString().replace('Z', '+00:00'),
          record.kind,
          record.applicationId ?? null,
          record.operationName ?? null,
          record.operationHash,
          JSON.stringify(record.coordinates),
          record.maxGrade,
          record.outcome,
          Math.round(record.durationMs),
          JSON.stringify(record.subgraphs),
          record.requestId,
        );
      }
    });
    const sink = createPrismaAuditSink(sets.registry.prisma);

    const cpuMicros = (): number => {
      const usage = process.cpuUsage();
      return usage.user + usage.system;
    };
    const perRecord = { inline: [] as number[], sets: [] as number[] };
    for (let batch = 0; batch < batches; batch += 1) {
      // Alternate which layout goes first, so neither always follows the other's writes.
      const order = batch % 2 === 0 ? (['inline', 'sets'] as const) : (['sets', 'inline'] as const);
      for (const layout of order) {
        const records = recordsOf(batchSize);
        const before = cpuMicros();
        if (layout === 'inline') writeInline(records);
        else await sink.write(records);
        // The first two batches of each warm the statement caches and the JIT.
        if (batch >= 2) perRecord[layout].push((cpuMicros() - before) / batchSize);
      }
    }
    inlineDb.pragma('wal_checkpoint(TRUNCATE)');
    await sets.registry.prisma.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
    const bytesPerRecord = (file: string): number => statSync(file).size / (batches * batchSize);

    const facts = readMachineFacts();
    const inlineMicros = median(perRecord.inline);
    const setsMicros = median(perRecord.sets);
    process.stdout.write(
      [
        `## Audit store cost per record (SQLite registry): ${facts.date}`,
        '',
        `- machine: ${facts.cpuModel}, ${facts.cores} cores, ${facts.memoryGiB} GiB; Node ${facts.node}`,
        `- workload: ${batches} batches of ${batchSize} records per layout, alternating; ${operations} operations of ${coordinateCount} coordinates each; medians over batches 3–${batches}`,
        `- command: \`${['node bench/dist/audit-sink.js', ...argv].join(' ')}\``,
        '',
        '| layout | CPU µs per record | bytes per record (file) |',
        '|---|---:|---:|',
        `| inline coordinates (before) | ${inlineMicros.toFixed(1)} | ${bytesPerRecord(inline.file).toFixed(0)} |`,
        `| coordinate sets (the sink) | ${setsMicros.toFixed(1)} | ${bytesPerRecord(sets.file).toFixed(0)} |`,
        '',
        `sets/inline CPU per record: **${(setsMicros / inlineMicros).toFixed(2)}×**`,
        '',
      ].join('\n'),
    );
  } finally {
    inlineDb?.close();
    await Promise.allSettled(registries.map((registry) => registry.close()));
    rmSync(directory, { recursive: true, force: true });
  }
}

if (require.main === module) {
  runAuditSink(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
