/**
 * The data rewrites a query plan attaches to a fetch (`inputRewrites` on the
 * representations sent, `outputRewrites` on the data received), applied in
 * place. They appear with `@interfaceObject` (the interface entity is sent as
 * `__typename: "Media"`) and with fields of different names across subgraphs.
 * The semantics are those of @apollo/gateway's `dataRewrites.ts`.
 */
import type { FetchDataRewrite } from '@apollo/query-planner';
import type { GraphQLSchema } from 'graphql';
import { isObjectOfType } from './is-object-of-type';

const FRAGMENT_PREFIX = '... on ';

/** Applies each rewrite of `rewrites` to `value` (an object or a list of them), in place. */
export function applyRewrites(schema: GraphQLSchema, rewrites: readonly FetchDataRewrite[] | undefined, value: unknown): void {
  if (!rewrites) return;
  for (const rewrite of rewrites) {
    if (rewrite.path.length === 0) continue;
    const parent = rewrite.path.slice(0, -1);
    const last = rewrite.path[rewrite.path.length - 1] as string;
    if (last.startsWith(FRAGMENT_PREFIX)) throw new Error(`Unexpected fragment as last element of ${rewrite.path.join('/')}`);
    applyAtPath(schema, parent, 0, value, (target) => {
      if (rewrite.kind === 'ValueSetter') {
        setOwn(target, last, rewrite.setValueTo);
        return;
      }
      const atPath = Object.hasOwn(target, last) ? target[last] : undefined;
      if (atPath) {
        setOwn(target, rewrite.renameKeyTo, atPath);
        target[last] = undefined;
      }
    });
  }
}

function applyAtPath(
  schema: GraphQLSchema,
  path: readonly string[],
  at: number,
  value: unknown,
  rewrite: (target: Record<string, unknown>) => void,
): void {
  if (Array.isArray(value)) {
    for (const element of value) applyAtPath(schema, path, at, element, rewrite);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const target = value as Record<string, unknown>;
  if (at === path.length) {
    rewrite(target);
    return;
  }
  const element = path[at] as string;
  if (element.startsWith(FRAGMENT_PREFIX)) {
    if (isObjectOfType(schema, target, element.slice(FRAGMENT_PREFIX.length), true)) applyAtPath(schema, path, at + 1, target, rewrite);
  } else {
    applyAtPath(schema, path, at + 1, Object.hasOwn(target, element) ? target[element] : undefined, rewrite);
  }
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
