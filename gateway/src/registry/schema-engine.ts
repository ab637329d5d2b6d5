/**
 * Prisma's schema engine (migrations) in WebAssembly, so migrations run on
 * machines with no way to download the native engine that the `prisma` CLI
 * insists on. `@prisma/schema-engine-wasm` is an internal Prisma package: its
 * version is pinned to the engines version of the installed Prisma (see
 * gateway/package.json), and only `applyMigrations` and `diff` are used.
 *
 * The package is an ES module that imports its `.wasm` as a module (a bundler
 * convention Node does not follow), so the gateway uses the package's
 * wasm-bindgen glue, copied into `generated/schema-engine/` by
 * `scripts/generate-prisma.js`, and instantiates the package's `.wasm` itself.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm' with { 'resolution-mode': 'import' };
import * as glue from './generated/schema-engine/schema-engine-bg';

export type { SchemaEngine };

/** The module name under which the wasm binary imports its glue functions. */
const GLUE_MODULE = './schema_engine_bg.js';

interface EngineGlue {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  version(): string;
  SchemaEngine: {
    new: (options: { datamodels: [string, string][] | undefined }, log: (line: string) => void, adapter: object) => Promise<SchemaEngine>;
  };
}

let loaded: EngineGlue | undefined;
/**
 * Timers the engine started and that have not fired. The engine leaves some
 * behind (timeouts of futures that already completed, about 10 s), which would
 * keep a CLI or test process alive; they are cleared when no engine is in use.
 */
const pendingTimers = new Set<NodeJS.Timeout>();
let enginesInUse = 0;

/**
 * Compiles and instantiates the wasm binary once per process (about 20 ms)
 * and returns the glue bound to it.
 */
function loadEngine(): EngineGlue {
  if (loaded) return loaded;
  const engineGlue = glue as unknown as EngineGlue & Record<string, unknown>;
  const wasmFile = join(dirname(require.resolve('@prisma/schema-engine-wasm')), 'schema_engine_bg.wasm');
  const module = new WebAssembly.Module(readFileSync(wasmFile));
  const modules = new Set(WebAssembly.Module.imports(module).map((entry) => entry.module));
  if (modules.size !== 1 || !modules.has(GLUE_MODULE)) {
    throw new Error(`@prisma/schema-engine-wasm: unexpected wasm imports ${[...modules].join(', ')}; regenerate with npm run generate`);
  }
  const imports: Record<string, unknown> = { ...engineGlue };
  for (const name of Object.keys(imports).filter((key) => key.startsWith('__wbg_setTimeout_'))) {
    imports[name] = (callback: () => void, ms: number) => {
      const timer = setTimeout(() => {
        pendingTimers.delete(timer);
        callback();
      }, ms >>> 0);
      pendingTimers.add(timer);
      return timer;
    };
  }
  const instance = new WebAssembly.Instance(module, { [GLUE_MODULE]: imports as WebAssembly.ModuleImports });
  engineGlue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  loaded = engineGlue;
  return loaded;
}

/** Options of {@link withSchemaEngine}. @internal */
export interface CreateSchemaEngineOptions {
  /** The database the engine works on (for `diff` alone, any adapter of any provider will do). */
  readonly adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Prisma schema files (`[path, content]`), when the command needs the datamodel. */
  readonly datamodels?: [string, string][];
  /** Engine log lines (JSON). @default discarded */
  readonly onLog?: (line: string) => void;
}

/**
 * Runs `use` with a schema engine over `adapterFactory`, then frees the engine
 * (and, once no engine is in use, the timers it left behind).
 * @internal
 */
export async function withSchemaEngine<T>(options: CreateSchemaEngineOptions, use: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const glue = loadEngine();
  const onLog = options.onLog ?? (() => undefined);
  enginesInUse += 1;
  try {
    const engine = await glue.SchemaEngine.new({ datamodels: options.datamodels }, onLog, bindMigrationAwareSqlAdapterFactory(options.adapterFactory));
    try {
      return await use(engine);
    } finally {
      engine.free();
    }
  } finally {
    enginesInUse -= 1;
    if (enginesInUse === 0) {
      for (const timer of pendingTimers) clearTimeout(timer);
      pendingTimers.clear();
    }
  }
}

/** The version (engines commit) of the loaded schema engine. @internal */
export function schemaEngineVersion(): string {
  return loadEngine().version();
}
