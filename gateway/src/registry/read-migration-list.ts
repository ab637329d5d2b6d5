/**
 * Reads a Prisma migrations folder into the schema engine's `MigrationList`,
 * exactly as the `prisma` CLI does before `migrate deploy`: every directory
 * (sorted by name, i.e. by timestamp) with its `migration.sql`, and the
 * `migration_lock.toml`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm' with { 'resolution-mode': 'import' };

/** The migration list of `migrationsDir`. @internal */
export function readMigrationList(migrationsDir: string): MigrationList {
  const lockFile = join(migrationsDir, 'migration_lock.toml');
  const directories = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return {
    baseDir: migrationsDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockFile) ? readFileSync(lockFile, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: directories.map((name) => {
      const file = join(migrationsDir, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: existsSync(file)
            ? { tag: 'ok' as const, value: readFileSync(file, 'utf8') }
            : { tag: 'error' as const, value: `${file} does not exist` },
        },
      };
    }),
  };
}
