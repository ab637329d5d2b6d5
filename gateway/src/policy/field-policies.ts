/**
 * What the gateway knows of every field from the supergraph alone: which
 * subgraphs serve it (`@join__field(graph:)`, else every `@join__type(graph:)`
 * of its type, named by the `join__Graph` enum's `@join__graph(name:)`), its
 * data grade (`@tag(name: "govgraph:grade:L3")`, L1 when absent) and its mask
 * rule (`@tag(name: "govgraph:mask:phone")`). Subgraphs declare both beside
 * the field with the SDK's `@Grade`/`@Mask`, which emit Federation's built-in
 * `@tag`, kept by composition (issue 4 design).
 */
import { Kind, parse, type ConstDirectiveNode, type DocumentNode } from 'graphql';
import { GW_ERRORS } from '../errors';
import { gradeRank, isDataGrade, type DataGrade } from '../stores/data-grade';
import { isMaskRule, type MaskRule } from '../stores/mask-rule';

/** The policy facts of one `Type.field` coordinate. */
export interface FieldPolicy {
  readonly coordinate: string;
  /** Names of the subgraphs that can resolve the field. */
  readonly subgraphs: readonly string[];
  readonly grade: DataGrade;
  readonly mask?: MaskRule;
}

/** Every `Type.field` of the supergraph's object and interface types. */
export type FieldPolicies = ReadonlyMap<string, FieldPolicy>;

/** Tag prefix of a data grade. */
export const GRADE_TAG_PREFIX = 'govgraph:grade:';
/** Tag prefix of a mask rule. */
export const MASK_TAG_PREFIX = 'govgraph:mask:';

const JOIN_SPEC = 'https://specs.apollo.dev/join/';
const TAG_SPEC = 'https://specs.apollo.dev/tag/';

/**
 * Reads the field policies of a supergraph SDL (or parsed document).
 * @throws GatewayError `GW_SUPERGRAPH_INVALID` when a govgraph tag names an
 *   unknown grade or mask rule, or a field carries two mask rules (fail closed:
 *   a typo must not leave data unmasked).
 */
export function readFieldPolicies(supergraph: string | DocumentNode): FieldPolicies {
  const document = typeof supergraph === 'string' ? parse(supergraph) : supergraph;
  const names = linkedNames(document);
  const graphNames = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== `${names.join}__Graph`) continue;
    for (const value of definition.values ?? []) {
      const name = stringArgument(findDirective(value.directives, `${names.join}__graph`), 'name');
      graphNames.set(value.name.value, name ?? value.name.value.toLowerCase());
    }
  }

  const policies = new Map<string, FieldPolicy>();
  const problems: string[] = [];
  for (const definition of document.definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      definition.kind !== Kind.INTERFACE_TYPE_EXTENSION
    ) {
      continue;
    }
    const typeName = definition.name.value;
    if (typeName.startsWith(`${names.join}__`) || typeName.startsWith('link__')) continue;
    const typeGraphs = graphsOf(definition.directives, `${names.join}__type`, graphNames, false);
    for (const field of definition.fields ?? []) {
      const coordinate = `${typeName}.${field.name.value}`;
      const joinFields = (field.directives ?? []).filter((d) => d.name.value === `${names.join}__field`);
      const fieldGraphs = graphsOf(joinFields, `${names.join}__field`, graphNames, true);
      const subgraphs = joinFields.length > 0 && fieldGraphs.length > 0 ? fieldGraphs : typeGraphs;
      let grade: DataGrade = 'L1';
      let mask: MaskRule | undefined;
      for (const tag of (field.directives ?? []).filter((d) => d.name.value === names.tag)) {
        const name = stringArgument(tag, 'name');
        if (name?.startsWith(GRADE_TAG_PREFIX)) {
          const value = name.slice(GRADE_TAG_PREFIX.length);
          if (!isDataGrade(value)) problems.push(`${coordinate}: unknown data grade "${value}" (L1, L2, L3, L4)`);
          else if (gradeRank(value) > gradeRank(grade)) grade = value;
        } else if (name?.startsWith(MASK_TAG_PREFIX)) {
          const value = name.slice(MASK_TAG_PREFIX.length);
          if (!isMaskRule(value)) problems.push(`${coordinate}: unknown mask rule "${value}" (resident-id, phone, name, address)`);
          else if (mask !== undefined && mask !== value) problems.push(`${coordinate}: two mask rules ("${mask}", "${value}")`);
          else mask = value;
        }
      }
      policies.set(coordinate, { coordinate, subgraphs: [...new Set([...(policies.get(coordinate)?.subgraphs ?? []), ...subgraphs])], grade, ...(mask ? { mask } : {}) });
    }
  }
  if (problems.length > 0) {
    throw GW_ERRORS.GW_SUPERGRAPH_INVALID.err(`The supergraph's govgraph tags are invalid:\n${problems.map((p) => `- ${p}`).join('\n')}`, {
      details: { problems },
    });
  }
  return policies;
}

/** The names `join` and `tag` are imported under (`@link(url:, as:)`). */
function linkedNames(document: DocumentNode): { join: string; tag: string } {
  const names = { join: 'join', tag: 'tag' };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of (definition.directives ?? []).filter((d) => d.name.value === 'link')) {
      const url = stringArgument(link, 'url');
      const as = stringArgument(link, 'as');
      if (url?.startsWith(JOIN_SPEC) && as) names.join = as;
      if (url?.startsWith(TAG_SPEC)) names.tag = as ?? 'tag';
    }
  }
  return names;
}

function graphsOf(
  directives: readonly ConstDirectiveNode[] | undefined,
  name: string,
  graphNames: ReadonlyMap<string, string>,
  skipExternal: boolean,
): string[] {
  const graphs: string[] = [];
  for (const directive of directives ?? []) {
    if (directive.name.value !== name) continue;
    if (skipExternal && (booleanArgument(directive, 'external') || booleanArgument(directive, 'usedOverridden'))) continue;
    const graph = directive.arguments?.find((a) => a.name.value === 'graph')?.value;
    if (graph?.kind === Kind.ENUM) graphs.push(graphNames.get(graph.value) ?? graph.value.toLowerCase());
  }
  return graphs;
}

function findDirective(directives: readonly ConstDirectiveNode[] | undefined, name: string): ConstDirectiveNode | undefined {
  return directives?.find((d) => d.name.value === name);
}

function stringArgument(directive: ConstDirectiveNode | undefined, name: string): string | undefined {
  const value = directive?.arguments?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.STRING ? value.value : undefined;
}

function booleanArgument(directive: ConstDirectiveNode, name: string): boolean {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.BOOLEAN && value.value;
}
