/**
 * The facts a benchmark result is meaningless without: CPU, cores, Node,
 * the versions of the gateways' packages, the date, and whether processes
 * were pinned to cores.
 */
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

/** Packages whose versions a result depends on. */
export const MEASURED_PACKAGES = [
  'graphql',
  'graphql-yoga',
  '@apollo/gateway',
  '@envelop/apollo-federation',
  'undici',
  '@graphql-hive/gateway-runtime',
  '@graphql-hive/router-runtime',
  'autocannon',
  // the registry of the policy chain (gateway (2), the policy and registry benchmarks)
  '@prisma/client',
  'better-sqlite3',
  'pg',
] as const;

/** Machine and software facts of a run. */
export interface MachineFacts {
  readonly date: string;
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly packages: Readonly<Record<string, string>>;
}

/** Reads the facts of this machine and of the installed packages. */
export function readMachineFacts(): MachineFacts {
  const packages: Record<string, string> = {};
  for (const name of MEASURED_PACKAGES) packages[name] = installedVersion(name);
  return {
    date: new Date().toISOString(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    packages,
  };
}

function installedVersion(name: string): string {
  try {
    const manifest = require.resolve(`${name}/package.json`, { paths: [__dirname] });
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    // packages with an `exports` map that hides package.json: find it beside the entry point
    try {
      let directory = require.resolve(name, { paths: [__dirname] });
      for (let depth = 0; depth < 5; depth += 1) {
        directory = directory.slice(0, directory.lastIndexOf('/'));
        try {
          const manifest = JSON.parse(readFileSync(`${directory}/package.json`, 'utf8')) as { name?: string; version?: string };
          if (manifest.name === name) return manifest.version ?? 'unknown';
        } catch {
          // not here; go up
        }
      }
    } catch {
      // not installed
    }
    return 'not installed';
  }
}
