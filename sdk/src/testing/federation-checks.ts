/**
 * Federation checks: the subgraph answers `_service { sdl }`, links
 * Federation 2, composes on its own (the gateway's own composition,
 * `@apollo/composition`), and declares every entity key the spec names.
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
  checks.push(check('federation', names.compose, composeProblem(run.client.label, sdl)));

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

function composeProblem(label: string, sdl: string): string | undefined {
  let errors: readonly { message: string }[] | undefined;
  try {
    const name = /^[a-z][a-z0-9-]*$/i.test(label) ? label : 'subgraph';
    const result = composeServices([{ name, typeDefs: parse(sdl), url: 'http://subgraph.invalid/graphql' }]);
    errors = result.errors;
  } catch (error) {
    errors = [{ message: (error as Error).message }];
  }
  if (!errors || errors.length === 0) return undefined;
  return `composition fails with ${errors.length} error(s): ${errors.map((error) => error.message).join(' | ')} — fix the type-graphql classes (or SDL) these errors name; the gateway would refuse the same supergraph`;
}
