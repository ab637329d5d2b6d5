/**
 * Where a plan node works in the result tree: the plan's path (`@` for every
 * list element) and the values found there. Entity fetches work on every
 * object at a `Flatten` path at once; the concrete paths of those objects
 * (`["topProducts", 2]`) are computed only when a subgraph reports an error.
 */
import type { ResponsePath } from '@apollo/query-planner';

/** The values a plan node works on. */
export interface ResultCursor {
  /** The plan's path from the root, `@` standing for every list element. */
  readonly path: ResponsePath;
  /** The value(s) at the path: the root object, or the flattened list at a `Flatten` path. */
  readonly data: unknown;
  /** The root of the result tree. */
  readonly root: Record<string, unknown>;
}

/** The cursor at `subpath` below `cursor`, or `undefined` when nothing is there. */
export function moveIntoCursor(cursor: ResultCursor, subpath: ResponsePath): ResultCursor | undefined {
  const data = flattenAtPath(cursor.data, subpath, 0);
  return data === undefined || data === null ? undefined : { path: [...cursor.path, ...subpath], data, root: cursor.root };
}

/** The non-null objects the cursor points at, in result order. */
export function entitiesAt(cursor: ResultCursor): Record<string, unknown>[] {
  if (!Array.isArray(cursor.data)) return [cursor.data as Record<string, unknown>];
  const entities: Record<string, unknown>[] = [];
  for (const value of cursor.data as unknown[]) if (value !== null && value !== undefined) entities.push(value as Record<string, unknown>);
  return entities;
}

/** The concrete path of each entity of {@link entitiesAt}, in the same order. */
export function concretePathsAt(cursor: ResultCursor): (string | number)[][] {
  const paths: (string | number)[][] = [];
  collectPaths([], cursor.path, 0, cursor.root, paths);
  return paths;
}

function flattenAtPath(value: unknown, path: ResponsePath, at: number): unknown {
  if (at === path.length || value === undefined || value === null) return value;
  const element = path[at];
  if (element === '@') {
    if (!Array.isArray(value)) throw new Error(`Expected a list at "@" of the plan path ${path.join('/')}`);
    const flattened: unknown[] = [];
    for (const item of value) {
      const inner = flattenAtPath(item, path, at + 1);
      // flatMap semantics, as @apollo/gateway: a list at the next level is spread.
      if (Array.isArray(inner)) for (const element of inner as unknown[]) flattened.push(element);
      else flattened.push(inner);
    }
    return flattened;
  }
  if (typeof element !== 'string' || Array.isArray(value)) throw new Error(`Unexpected list at ${String(element)} of the plan path ${path.join('/')}`);
  const object = value as Record<string, unknown>;
  return flattenAtPath(Object.hasOwn(object, element) ? object[element] : undefined, path, at + 1);
}

function collectPaths(prefix: (string | number)[], path: ResponsePath, at: number, data: unknown, out: (string | number)[][]): void {
  if (data === null || data === undefined) return;
  if (at === path.length) {
    out.push(prefix.slice());
    return;
  }
  const element = path[at];
  if (element === '@' || Array.isArray(data)) {
    if (!Array.isArray(data)) return;
    const next = element === '@' ? at + 1 : at;
    data.forEach((item: unknown, index) => {
      prefix.push(index);
      collectPaths(prefix, path, next, item, out);
      prefix.pop();
    });
    return;
  }
  const object = data as Record<string, unknown>;
  if (typeof element === 'string' && Object.hasOwn(object, element)) {
    prefix.push(element);
    collectPaths(prefix, path, at + 1, object[element], out);
    prefix.pop();
  }
}
