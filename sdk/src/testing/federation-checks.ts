/**
 * Federation checks: the subgraph answers `_service { sdl }`, links
 * Federation 2, composes on its own (the gateway's own composition,
 * `@apollo/composition`; a subgraph that only extends entities, and so has
 * no root query, is composed with a minimal `Query` stub instead, and the
 * check's name says so), and declares every entity key the spec names.
 */
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { check, joinProblems, type ConformanceRun } from './conformance-run';
import type { ConformanceCheck } from './conformance-spec';
import { describeKey } from './find-entity-keys';

const FEDERATION_2_LINK = /@link\s*\(\s*url\s*:\s*"https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+"/;

/** @internal Runs the federation group. */
export async function runFederationChecks(run: ConformanceRun): Promise<ConformanceCheck[]> {
  const result = await run.sdl();
  const names = {
    service: '_service { sdl } answers',
    link: 'the SDL links Federation 2 (@link)',
    compose: 'the SDL composes on its own',
    keys: 'every entity type and key of the spec is declared',
  };
  if (result.problem !== undefined) {
    const blocked = `cannot check without the SDL: ${result.problem}`;
    return [check('federation', names.service, result.problem), check('federation', names.link, blocked), check('federation', names.compose, blocked), check('federation', names.keys, blocked)];
  }
  const { sdl, keys } = result;
  const checks: ConformanceCheck[] = [check('federation', names.service, undefined)];
  checks.push(
    check(
      'federation',
      names.link,
      FEDERATION_2_LINK.test(sdl)
        ? undefined
        : 'the SDL has no `extend schema @link(url: "https://specs.apollo.dev/federation/v2.x", import: [...])` — the gateway composes Federation 2 only: build the schema with createSubgraph, or add the @link',
    ),
  );
  checks.push(composeCheck(run.client.label, sdl, names.compose));

  const declared = new Set(keys.map((key) => `${key.typename}\u0000${key.fields}`));
  const problems: string[] = [];
  for (const [typename, samples] of Object.entries(run.spec.entities)) {
    const typeKeys = keys.filter((key) => key.typename === typename);
    if (typeKeys.length === 0) {
      problems.push(
        `the spec names entity type ${typename} but the SDL declares no @key on it — add @Directive('@key(fields: "…")') to the type (and it to the entities option), or remove it from the spec`,
      );
      continue;
    }
    for (const fields of Object.keys(samples)) {
      if (declared.has(`${typename}\u0000${fields}`)) continue;
      problems.push(
        `the spec names ${describeKey({ typename, fields })} but the SDL declares ${typeKeys.map((key) => describeKey(key)).join(', ')} — name the key exactly as its fields argument is written, or declare the key`,
      );
    }
  }
  checks.push(check('federation', names.keys, joinProblems(problems, 5)));
  return checks;
}

/**
 * The stub a subgraph without a root query is composed with: composition
 * refuses a supergraph without `Query`, which a subgraph that only extends
 * entities owned elsewhere never has on its own.
 */
const STUB_SUBGRAPH_NAME = 'conformance-stub';
const STUB_SDL = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
type Query { _conformance: Boolean }`;

/** The error composition reports for a supergraph without a query root type. */
const NO_QUERIES = 'NO_QUERIES';

/** The compose check; `name` is its title when the SDL composes alone. */
function composeCheck(label: string, sdl: string, name: string): ConformanceCheck {
  const subgraphName = /^[a-z][a-z0-9-]*$/i.test(label) && label !== STUB_SUBGRAPH_NAME ? label : 'subgraph';
  const alone = compose([{ name: subgraphName, sdl }]);
  if (!alone.some((error) => error.code === NO_QUERIES)) return check('federation', name, composeProblem(alone));
  // "No queries found": an extension-only subgraph, which can never compose alone. Compose it with a
  // minimal Query stub and report that (its other errors, if any, show there without the noise).
  const withStub = compose([{ name: subgraphName, sdl }, { name: STUB_SUBGRAPH_NAME, sdl: STUB_SDL }]);
  return check(
    'federation',
    `the SDL composes with a stub subgraph (type Query { _conformance: Boolean }): it defines no root query of its own`,
    composeProblem(withStub),
  );
}

interface CompositionError {
  readonly message: string;
  readonly code?: string | undefined;
}

function compose(subgraphs: readonly { name: string; sdl: string }[]): readonly CompositionError[] {
  try {
    const result = composeServices(subgraphs.map(({ name, sdl }) => ({ name, typeDefs: parse(sdl), url: `http://${name}.invalid/graphql` })));
    return (result.errors ?? []).map((error) => ({ message: error.message, code: (error.extensions as { code?: unknown } | undefined)?.code as string | undefined }));
  } catch (error) {
    return [{ message: (error as Error).message }];
  }
}

function composeProblem(errors: readonly CompositionError[]): string | undefined {
  if (errors.length === 0) return undefined;
  return `composition fails with ${errors.length} error(s): ${errors.map((error) => error.message).join(' | ')} — fix the type-graphql classes (or SDL) these errors name; the gateway would refuse the same supergraph`;
}
