/**
 * The govgraph repository a package is scaffolded into: the nearest
 * directory holding `tsconfig.base.json` and a `package.json` with
 * workspaces. Generated tsconfigs extend that base and reference its packages.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Walks up from each start directory in turn; `undefined` when none is inside a govgraph repository. */
export function findRepositoryRoot(...starts: readonly string[]): string | undefined {
  for (const start of starts) {
    let dir = resolve(start);
    for (;;) {
      if (isRepositoryRoot(dir)) return dir;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return undefined;
}

function isRepositoryRoot(dir: string): boolean {
  if (!existsSync(join(dir, 'tsconfig.base.json')) || !existsSync(join(dir, 'package.json'))) return false;
  try {
    const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { workspaces?: unknown };
    return Array.isArray(json.workspaces) && existsSync(join(dir, 'sdk', 'package.json'));
  } catch {
    return false;
  }
}
