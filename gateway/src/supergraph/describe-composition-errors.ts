/**
 * Turns @apollo/composition's errors into a report an operator can act on:
 * for each error its code, the message, and every place it points at, as
 * subgraph + schema coordinate (`User.name`) + line and column. Composition
 * errors carry the AST nodes they are about; each node's `loc.source.name` is
 * the subgraph (the SDLs are parsed with the subgraph name as source name) and
 * its coordinate is looked up in an index built from the subgraph documents.
 */
import { Kind, visit, type ASTNode, type DocumentNode, type GraphQLError } from 'graphql';

/** One place a composition error points at. */
export interface CompositionErrorLocation {
  readonly subgraph: string;
  /** Schema coordinate: `Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`, `@directive`. */
  readonly coordinate?: string;
  readonly line?: number;
  readonly column?: number;
}

/** One composition error, described. */
export interface CompositionProblem {
  /** The composition error code, e.g. `FIELD_TYPE_MISMATCH`. */
  readonly code: string;
  readonly message: string;
  readonly locations: readonly CompositionErrorLocation[];
}

/** Describes `errors`; `documents` maps each subgraph name to the document composed. */
export function describeCompositionErrors(
  errors: readonly GraphQLError[],
  documents: ReadonlyMap<string, DocumentNode>,
): CompositionProblem[] {
  const coordinates = indexCoordinates(documents);
  return errors.map((error) => {
    const code = typeof error.extensions['code'] === 'string' ? error.extensions['code'] : 'COMPOSITION_ERROR';
    const locations: CompositionErrorLocation[] = [];
    for (const node of error.nodes ?? []) {
      const subgraph = (node as { subgraph?: unknown }).subgraph;
      const source = node.loc?.source.name;
      const name = typeof subgraph === 'string' ? subgraph : source && documents.has(source) ? source : undefined;
      if (name === undefined) continue;
      const coordinate = node.loc ? coordinates.get(`${node.loc.source.name}:${node.loc.start}`) : undefined;
      locations.push({
        subgraph: name,
        ...(coordinate ? { coordinate } : {}),
        ...(node.loc ? { line: node.loc.startToken.line, column: node.loc.startToken.column } : {}),
      });
    }
    return { code, message: error.message, locations };
  });
}

/** The multi-line report of {@link describeCompositionErrors}'s result. */
export function formatCompositionReport(problems: readonly CompositionProblem[]): string {
  const lines = [`Supergraph composition failed with ${problems.length} error${problems.length === 1 ? '' : 's'}:`];
  problems.forEach((problem, index) => {
    const coordinates = [...new Set(problem.locations.flatMap((l) => (l.coordinate ? [l.coordinate] : [])))];
    lines.push(`${index + 1}. ${problem.code}${coordinates.length ? ` at ${coordinates.join(', ')}` : ''}`);
    lines.push(`   ${problem.message}`);
    for (const location of problem.locations) {
      const where = location.line === undefined ? '' : ` (line ${location.line}, column ${location.column})`;
      lines.push(`   - subgraph "${location.subgraph}"${location.coordinate ? `, ${location.coordinate}` : ''}${where}`);
    }
  });
  return lines.join('\n');
}

const TYPE_KINDS = new Set<string>([
  Kind.OBJECT_TYPE_DEFINITION,
  Kind.OBJECT_TYPE_EXTENSION,
  Kind.INTERFACE_TYPE_DEFINITION,
  Kind.INTERFACE_TYPE_EXTENSION,
  Kind.INPUT_OBJECT_TYPE_DEFINITION,
  Kind.INPUT_OBJECT_TYPE_EXTENSION,
  Kind.ENUM_TYPE_DEFINITION,
  Kind.ENUM_TYPE_EXTENSION,
  Kind.UNION_TYPE_DEFINITION,
  Kind.UNION_TYPE_EXTENSION,
  Kind.SCALAR_TYPE_DEFINITION,
  Kind.SCALAR_TYPE_EXTENSION,
]);

/** Maps `sourceName:start` of each definition node to its schema coordinate. */
function indexCoordinates(documents: ReadonlyMap<string, DocumentNode>): Map<string, string> {
  const index = new Map<string, string>();
  for (const document of documents.values()) {
    const path: string[] = [];
    const record = (node: ASTNode, coordinate: string): void => {
      if (node.loc) index.set(`${node.loc.source.name}:${node.loc.start}`, coordinate);
    };
    visit(document, {
      enter(node) {
        if (TYPE_KINDS.has(node.kind) && 'name' in node && node.name) {
          path.push(node.name.value);
          record(node, node.name.value);
        } else if (node.kind === Kind.DIRECTIVE_DEFINITION) {
          path.push(`@${node.name.value}`);
          record(node, `@${node.name.value}`);
        } else if (node.kind === Kind.FIELD_DEFINITION || node.kind === Kind.INPUT_VALUE_DEFINITION || node.kind === Kind.ENUM_VALUE_DEFINITION) {
          const parent = path[path.length - 1];
          const coordinate = parent === undefined ? node.name.value : childCoordinate(parent, node.kind, node.name.value);
          path.push(coordinate);
          record(node, coordinate);
        } else {
          return;
        }
      },
      leave(node) {
        if (
          (TYPE_KINDS.has(node.kind) && 'name' in node && node.name) ||
          node.kind === Kind.DIRECTIVE_DEFINITION ||
          node.kind === Kind.FIELD_DEFINITION ||
          node.kind === Kind.INPUT_VALUE_DEFINITION ||
          node.kind === Kind.ENUM_VALUE_DEFINITION
        ) {
          path.pop();
        }
      },
    });
  }
  return index;
}

/** `Type.field`, `Type.field(arg:)` for an argument under a field, `@dir(arg:)` for a directive argument. */
function childCoordinate(parent: string, kind: Kind, name: string): string {
  if (kind === Kind.INPUT_VALUE_DEFINITION && (parent.includes('.') || parent.startsWith('@'))) return `${parent}(${name}:)`;
  return `${parent}.${name}`;
}
