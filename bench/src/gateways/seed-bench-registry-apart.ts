/**
 * Seeds a bench registry in a separate, short-lived process
 * (`seed-bench-registry-child.js`) and hands back the seeded file. The
 * gateway child calls this before starting a gateway with `usesRegistry`, so
 * the gateway's peak RSS (the kernel's high-water mark of its own process)
 * measures the gateway, not the 50,000-grant seed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnChild } from '../measure/spawn-child';
import type { SeededBenchRegistry } from './bench-gateway';

/** A seeded registry file and how to remove it. */
export interface SeededApart {
  readonly seeded: SeededBenchRegistry;
  /** Removes the registry's directory (after the gateway over it has closed it). */
  remove(): void;
}

/** Time the seeding process may take (a few seconds on a busy 2-core machine). */
const SEED_TIMEOUT_MS = 120_000;

/**
 * Seeds a new registry in a child process and waits until it has exited.
 * Needs the compiled bench (`dist/`), like every child script of the runner.
 */
export async function seedBenchRegistryApart(): Promise<SeededApart> {
  const directory = mkdtempSync(join(tmpdir(), 'govgraph-bench-registry-'));
  const remove = (): void => rmSync(directory, { recursive: true, force: true });
  try {
    const child = await spawnChild({ script: join(__dirname, 'seed-bench-registry-child.js'), args: [directory], readyTimeoutMs: SEED_TIMEOUT_MS });
    await child.stop();
    const { url, pepper, apiKey, applicationId } = child.info;
    if (typeof url !== 'string' || typeof pepper !== 'string' || typeof apiKey !== 'string' || typeof applicationId !== 'string') {
      throw new Error(`the seeding process answered an incomplete registry: ${JSON.stringify(Object.keys(child.info))}`);
    }
    return { seeded: { url, pepper, apiKey, applicationId }, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
