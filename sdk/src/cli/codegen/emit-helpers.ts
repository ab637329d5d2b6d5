/** Small pieces the code emitters share: type names, property keys, string literals, dependency order. */
import type { FieldModel, ObjectModel, TypeRef } from './api-model';

/** A TypeScript string literal. */
export function literal(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

/** Text safe inside a JSDoc block. */
export function docText(text: string): string {
  return text.replace(/\*\//g, '* /').replace(/\s+/g, ' ').trim();
}

/** The TypeScript type of one value of `type` (without list or null). */
export function tsTypeOf(type: TypeRef): string {
  switch (type.kind) {
    case 'scalar':
      return type.scalar === 'int' || type.scalar === 'float' ? 'number' : type.scalar === 'boolean' ? 'boolean' : 'string';
    case 'enum':
      return type.values.length > 0 ? type.values.map(literal).join(' | ') : 'string';
    case 'object':
      return type.name;
    case 'unknown':
      return 'unknown';
  }
}

/** The TypeScript type of a field, with list and null. */
export function tsFieldType(field: FieldModel): string {
  const one = tsTypeOf(field.type);
  if (field.list) return `readonly ${/[|&]/.test(one) ? `(${one})` : one}[]`;
  return field.optional && one !== 'unknown' ? `${one} | null` : one;
}

/** `TODO(govgraph)` comment for an unknown type, or ''. */
export function todoOf(type: TypeRef): string {
  return type.kind === 'unknown' ? ` // TODO(govgraph): ${type.todo}; kept as its JSON text` : '';
}

/**
 * Objects ordered so that a class appears after every class its required
 * single-object fields name (decorator metadata reads those at definition time).
 */
export function inDependencyOrder(objects: readonly ObjectModel[]): ObjectModel[] {
  const byName = new Map(objects.map((object) => [object.name, object]));
  const ordered: ObjectModel[] = [];
  const seen = new Set<string>();
  const visit = (object: ObjectModel): void => {
    if (seen.has(object.name)) return;
    seen.add(object.name);
    for (const field of object.fields) {
      if (field.type.kind === 'object') {
        const target = byName.get(field.type.name);
        if (target) visit(target);
      }
    }
    ordered.push(object);
  };
  objects.forEach(visit);
  return ordered;
}

/** The object types reachable from `roots`, in dependency order. */
export function reachableObjects(objects: readonly ObjectModel[], roots: readonly TypeRef[]): ObjectModel[] {
  const byName = new Map(objects.map((object) => [object.name, object]));
  const names = new Set<string>();
  const walk = (type: TypeRef): void => {
    if (type.kind !== 'object' || names.has(type.name)) return;
    names.add(type.name);
    for (const field of byName.get(type.name)?.fields ?? []) walk(field.type);
  };
  roots.forEach(walk);
  return inDependencyOrder(objects.filter((object) => names.has(object.name)));
}

/** An object literal key: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : literal(name);
}
