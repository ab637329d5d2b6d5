/**
 * The registry of gateway (2): a real SQLite registry (migrated by
 * `openRegistry`) in a fresh temporary directory, holding the province-sized
 * load of the reference platform (`seedScale`) plus one benchmark
 * application granted the four benchmark subgraphs whole at L4, with an API
 * key. Totals are exactly the province's: 3,428 applications and 50,000
 * grants, so the grant checks, the snapshot and the key look-up run at the
 * size they run at in production.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRegistryAdmin, openRegistry, seedScale, type Registry } from '@govgraph/gateway';
import { BENCH_SUBGRAPH_NAMES } from '../fixtures/bench-subgraph-definition';

/** Applications of the reference province. */
export const PROVINCE_APPLICATIONS = 3428;
/** Grants of the reference province. */
export const PROVINCE_GRANTS = 50_000;

/** Options of {@link seedBenchRegistry}. */
export interface SeedBenchRegistryOptions {
  /** Applications in total, the benchmark's included. @default {@link PROVINCE_APPLICATIONS} */
  readonly applications?: number;
  /** Grants in total, the benchmark's included. @default {@link PROVINCE_GRANTS} */
  readonly grants?: number;
  /**
   * An existing directory to create `registry.db` in; the caller owns it and
   * `close()` leaves it. @default a new temporary directory, removed by `close()`
   */
  readonly directory?: string;
}

/** An open, seeded registry and what a client needs to call through it. */
export interface BenchRegistry {
  readonly registry: Registry;
  /** The registry URL (`file:…/registry.db`). */
  readonly url: string;
  /** The server pepper of the key hashes (random per registry). */
  readonly pepper: string;
  /** The benchmark application's API key (`x-api-key`). */
  readonly apiKey: string;
  readonly applicationId: string;
  /** Closes the registry and removes its directory (unless the caller gave the directory). */
  close(): Promise<void>;
}

/**
 * Opens a new registry and seeds it. The benchmark grant is never what
 * refuses a request: its rate and daily quota are far above what one machine
 * can send, so every request goes through every check and is answered.
 */
export async function seedBenchRegistry(options: SeedBenchRegistryOptions = {}): Promise<BenchRegistry> {
  const applications = options.applications ?? PROVINCE_APPLICATIONS;
  const grants = options.grants ?? PROVINCE_GRANTS;
  if (applications < 1 || grants < applications) throw new Error('a bench registry needs at least one application and a grant per application');
  const directory = options.directory ?? mkdtempSync(join(tmpdir(), 'govgraph-bench-registry-'));
  const remove = (): void => {
    if (options.directory === undefined) rmSync(directory, { recursive: true, force: true });
  };
  let registry: Registry | undefined;
  try {
    const url = `file:${join(directory, 'registry.db')}`;
    registry = await openRegistry({ url });
    const pepper = randomBytes(32).toString('base64url');
    const admin = createRegistryAdmin(registry.prisma, { pepper });
    const department = await admin.createDepartment({ code: 'bench', name: 'Benchmark department' });
    const application = await admin.createApplication({ name: 'Gateways benchmark', departmentId: department.id, contact: 'bench@govgraph.invalid' });
    await admin.addGrant({
      applicationId: application.id,
      targets: BENCH_SUBGRAPH_NAMES.map((name) => `subgraph:${name}`),
      maxGrade: 'L4',
      purpose: 'benchmark',
      requestsPerSecond: 1_000_000,
      dailyQuota: 1_000_000_000,
    });
    const { secret } = await admin.issueApiKey(application.id);
    // The rest of the province: keys under another pepper, never matching a request.
    if (applications > 1) await seedScale(registry, { applications: applications - 1, grants: grants - 1 });
    const open = registry;
    return {
      registry: open,
      url,
      pepper,
      apiKey: secret,
      applicationId: application.id,
      async close() {
        await open.close();
        remove();
      },
    };
  } catch (error) {
    await registry?.close().catch(() => undefined);
    remove();
    throw error;
  }
}
