/**
 * Size of a parsed document in the terms of the document limits: field
 * depth, aliases and root fields, each as executed, i.e. with fragments
 * counted where they are spread. Each fragment is measured once (memoised),
 * so a document of fragments spreading fragments costs O(its size), and a
 * fragment cycle (invalid, and not yet validated here) cannot loop.
 */
import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/** The measures of {@link measureDocument}. */
export interface DocumentMeasures {
  /** Deepest field nesting outside introspection (a root field is depth 1). */
  readonly depth: number;
  /** Deepest nesting under `__schema` / `__type`. */
  readonly introspectionDepth: number;
  /** Aliases, with each fragment's counted once per spread (largest over the operations). */
  readonly aliases: number;
  /** Fields of the root selection set, fragments expanded (largest over the operations). */
  readonly rootFields: number;
}

interface Measure {
  depth: number;
  introspectionDepth: number;
  aliases: number;
  fields: number;
}

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/** Measures every operation of `document` and returns the largest values. */
export function measureDocument(document: DocumentNode): DocumentMeasures {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const memo = new Map<string, Measure>();
  const inProgress = new Set<string>();
  const empty = (): Measure => ({ depth: 0, introspectionDepth: 0, aliases: 0, fields: 0 });

  const measureSet = (set: SelectionSetNode, inIntrospection: boolean): Measure => {
    const total = empty();
    for (const selection of set.selections) {
      let inner: Measure;
      if (selection.kind === Kind.FIELD) {
        const introspection = inIntrospection || INTROSPECTION_FIELDS.has(selection.name.value);
        const below = selection.selectionSet ? measureSet(selection.selectionSet, introspection) : empty();
        inner = {
          depth: introspection ? 0 : 1 + below.depth,
          introspectionDepth: introspection ? 1 + Math.max(below.introspectionDepth, below.depth) : below.introspectionDepth,
          aliases: below.aliases + (selection.alias ? 1 : 0),
          fields: 1,
        };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = measureSet(selection.selectionSet, inIntrospection);
      } else {
        inner = measureFragment(selection.name.value, inIntrospection);
      }
      total.depth = Math.max(total.depth, inner.depth);
      total.introspectionDepth = Math.max(total.introspectionDepth, inner.introspectionDepth);
      total.aliases += inner.aliases;
      total.fields += inner.fields;
    }
    return total;
  };

  const measureFragment = (name: string, inIntrospection: boolean): Measure => {
    const key = `${inIntrospection ? 'i' : 'o'}:${name}`;
    const known = memo.get(key);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || inProgress.has(key)) return empty();
    inProgress.add(key);
    const measured = measureSet(fragment.selectionSet, inIntrospection);
    inProgress.delete(key);
    memo.set(key, measured);
    return measured;
  };

  const result = { depth: 0, introspectionDepth: 0, aliases: 0, rootFields: 0 };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const measured = measureSet(definition.selectionSet, false);
    result.depth = Math.max(result.depth, measured.depth);
    result.introspectionDepth = Math.max(result.introspectionDepth, measured.introspectionDepth);
    result.aliases = Math.max(result.aliases, measured.aliases);
    result.rootFields = Math.max(result.rootFields, measured.fields);
  }
  return result;
}
