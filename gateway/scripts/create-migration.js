#!/usr/bin/env node
/**
 * Creates a registry migration for SQLite and for PostgreSQL from a change of
 * `gateway/prisma/models.prisma`, with no network and no database server.
 *
 * `prisma migrate dev` needs the native schema engine (downloaded on first
 * use, impossible offline) and a shadow database. This script uses the
 * schema engine compiled to WebAssembly (`@prisma/schema-engine-wasm`) and its
 * `diff` command, which compares two Prisma schemas without a database: from
 * the models as of the last migration (`gateway/prisma/migrations/models.snapshot.prisma`,
 * empty before the first) to the current models, once per provider. It writes
 *
 *   gateway/prisma/migrations/<provider>/<UTC yyyymmddHHMMss>_<name>/migration.sql
 *   gateway/prisma/migrations/<provider>/migration_lock.toml
 *
 * (Prisma's own layout, so `prisma migrate deploy` can apply them where the
 * native engine is available) and updates the snapshot. Review the SQL and
 * commit it with the models. The gateway applies pending migrations at start
 * (`src/registry/migrate.ts`).
 *
 * Usage: node gateway/scripts/create-migration.js <name>
 *        node gateway/scripts/create-migration.js --check   (exit 1 when the models changed without a migration)
 * Needs Node >= 20.19 (it `require`s the engine's ES module glue).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { PRISMA_DIR, PROVIDERS, renderSchema, writeProviderSchemas } = require('./prisma-schemas');

const MIGRATIONS_DIR = path.join(PRISMA_DIR, 'migrations');
const SNAPSHOT_FILE = path.join(MIGRATIONS_DIR, 'models.snapshot.prisma');
const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** The engine, instantiated from the package's wasm binary and glue. */
function loadEngine() {
  const glue = require('@prisma/schema-engine-wasm/schema_engine_bg');
  const wasmFile = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm')), 'schema_engine_bg.wasm');
  const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(wasmFile)), { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return glue;
}

/** The schema text of `provider` for a given models text. */
function schemaFor(provider, models) {
  const current = renderSchema(provider);
  const modelsNow = fs.readFileSync(path.join(PRISMA_DIR, 'models.prisma'), 'utf8');
  // renderSchema appends the current models; swap in the snapshot's.
  return current.slice(0, current.length - modelsNow.length) + models;
}

/** SQL that turns the `from` models into the `to` models on `provider` ('' when nothing changes). */
async function diffSql(engine, provider, fromModels, toModels) {
  const { PrismaBetterSqlite3 } = require('@prisma/adapter-better-sqlite3');
  const { bindMigrationAwareSqlAdapterFactory } = require('@prisma/driver-adapter-utils');
  // `diff` between two datamodels touches no database; the engine still wants an adapter.
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaBetterSqlite3({ url: ':memory:' }));
  const schemaEngine = await engine.SchemaEngine.new({ datamodels: undefined }, () => undefined, adapter);
  try {
    const target = (models) =>
      models === undefined ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schemaFor(provider, models) }] };
    const result = await schemaEngine.diff({ from: target(fromModels), to: target(toModels), script: true, exitCode: null, filters: NO_FILTERS });
    const sql = result.stdout ?? '';
    return /^\s*(--[^\n]*\n\s*)*--\s*This is an empty migration\.?\s*$/.test(sql) || sql.trim() === '' ? '' : sql;
  } finally {
    schemaEngine.free();
  }
}

function timestamp(date) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`;
}

async function main() {
  const arg = process.argv[2];
  if (!arg) {
    console.error('usage: node gateway/scripts/create-migration.js <name> | --check');
    process.exit(2);
  }
  writeProviderSchemas();
  const engine = loadEngine();
  const previous = fs.existsSync(SNAPSHOT_FILE) ? fs.readFileSync(SNAPSHOT_FILE, 'utf8') : undefined;
  const current = fs.readFileSync(path.join(PRISMA_DIR, 'models.prisma'), 'utf8');
  const scripts = new Map();
  for (const provider of PROVIDERS) scripts.set(provider, await diffSql(engine, provider, previous, current));

  const changed = [...scripts.values()].some((sql) => sql !== '');
  if (arg === '--check') {
    if (changed) {
      console.error('gateway/prisma/models.prisma changed since the last migration: run node gateway/scripts/create-migration.js <name>');
      process.exit(1);
    }
    console.log('migrations are up to date with the models');
    return;
  }
  if (!changed) {
    console.log('no change since the last migration: nothing created');
    return;
  }
  const name = arg.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (!name) throw new Error(`invalid migration name "${arg}"`);
  const folder = `${timestamp(new Date())}_${name}`;
  for (const [provider, sql] of scripts) {
    const providerDir = path.join(MIGRATIONS_DIR, provider);
    const dir = path.join(providerDir, folder);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'migration.sql'), sql === '' ? '-- This is an empty migration.\n' : sql);
    fs.writeFileSync(
      path.join(providerDir, 'migration_lock.toml'),
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`,
    );
    console.log(`wrote ${path.relative(process.cwd(), path.join(dir, 'migration.sql'))}`);
  }
  fs.writeFileSync(SNAPSHOT_FILE, current);
}

main().catch((error) => {
  console.error(`create-migration failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
