import 'reflect-metadata';
import { composeServices } from '@apollo/composition';
import { Kind, parse, type FieldDefinitionNode, type ObjectTypeDefinitionNode } from 'graphql';
import { Ctx, Directive, Field, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { createSilentLogger, createSubgraph, Grade, GRADE_TAG_PREFIX, Mask, MASK_TAG_PREFIX, type DataGrade, type MaskRule, type Subgraph } from '../..';

// Subgraph "people": owns Resident (key idNumber), with graded and masked fields and a graded field resolver.
@ObjectType('Resident')
@Directive('@key(fields: "idNumber")')
class Resident {
  @Field(() => ID)
  @Grade('L4')
  @Mask('resident-id')
  idNumber!: string;

  @Field()
  @Grade('L3')
  @Mask('name')
  name!: string;

  @Field()
  gender!: string;
}

@Resolver(() => Resident)
class ResidentResolver {
  @Query(() => Resident, { nullable: true })
  resident(): Resident {
    return { idNumber: '320102199003071239', name: '张三', gender: 'male' };
  }

  @FieldResolver(() => String)
  @Grade('L4')
  @Mask('phone')
  phone(@Root() resident: Resident, @Ctx() _ctx: unknown): string {
    return `138${resident.idNumber.slice(-8)}`;
  }
}

// Subgraph "permits": extends Resident with permits; its key field carries the same tags.
@ObjectType('Resident')
@Directive('@key(fields: "idNumber")')
class PermitHolder {
  @Field(() => ID)
  @Grade('L4')
  @Mask('resident-id')
  idNumber!: string;

  @Field(() => [String])
  @Grade('L2')
  permits!: string[];
}

@Resolver(() => PermitHolder)
class PermitHolderResolver {
  @Query(() => [String])
  @Grade('L1')
  permitKinds(): string[] {
    return ['fishing'];
  }
}

function build(name: string, resolvers: [typeof ResidentResolver] | [typeof PermitHolderResolver], entity: string): Subgraph {
  return createSubgraph({
    name,
    resolvers,
    ...(name === 'permits' ? { orphanedTypes: [PermitHolder] } : {}),
    sources: {},
    security: { mode: 'development' },
    logger: createSilentLogger(),
    entities: { [entity]: { byKey: { idNumber: { load: async (keys: readonly string[]) => keys.map((idNumber) => ({ idNumber, permits: [] })) } } } },
  });
}

/** The SDL as the gateway fetches it: `_service { sdl }` over the subgraph's fetch handler. */
async function serviceSdl(subgraph: Subgraph): Promise<string> {
  await subgraph.start();
  const response = await subgraph.fetch('http://subgraph.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = (await response.json()) as { data: { _service: { sdl: string } } };
  return body.data._service.sdl;
}

/** The `@tag` names on each `Type.field` of an SDL. */
function tagsByCoordinate(sdl: string): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const definition of parse(sdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of (definition as ObjectTypeDefinitionNode).fields ?? []) {
      const names = (field as FieldDefinitionNode).directives
        ?.filter((directive) => directive.name.value === 'tag')
        .map((directive) => {
          const argument = directive.arguments?.find((each) => each.name.value === 'name');
          return argument?.value.kind === Kind.STRING ? argument.value.value : '';
        });
      if (names?.length) tags.set(`${definition.name.value}.${field.name.value}`, [...(tags.get(`${definition.name.value}.${field.name.value}`) ?? []), ...names].sort());
    }
  }
  return tags;
}

const grade = (level: DataGrade) => `${GRADE_TAG_PREFIX}${level}`;
const mask = (rule: MaskRule) => `${MASK_TAG_PREFIX}${rule}`;

describe('@Grade and @Mask', () => {
  it('emit Federation @tag on fields and field resolvers in _service { sdl }', async () => {
    const sdl = await serviceSdl(build('people', [ResidentResolver], 'Resident'));
    const tags = tagsByCoordinate(sdl);
    expect(tags.get('Resident.idNumber')).toEqual([grade('L4'), mask('resident-id')].sort());
    expect(tags.get('Resident.name')).toEqual([grade('L3'), mask('name')].sort());
    expect(tags.get('Resident.phone')).toEqual([grade('L4'), mask('phone')].sort());
    expect(tags.has('Resident.gender')).toBe(false);
  });

  it('survive composition: the supergraph carries each tag on the right coordinate', async () => {
    const people = build('people', [ResidentResolver], 'Resident');
    const permits = build('permits', [PermitHolderResolver], 'Resident');
    const result = composeServices([
      { name: 'people', url: 'http://people.test/graphql', typeDefs: parse(await serviceSdl(people)) },
      { name: 'permits', url: 'http://permits.test/graphql', typeDefs: parse(await serviceSdl(permits)) },
    ]);
    expect(result.errors).toBeUndefined();
    const supergraph = result.supergraphSdl ?? '';
    expect(supergraph).toContain('@link(url: "https://specs.apollo.dev/tag/v0.3")');
    const tags = tagsByCoordinate(supergraph);
    // Composition merges the tags of a field defined in both subgraphs: the same tags appear once each.
    expect(tags.get('Resident.idNumber')).toEqual([grade('L4'), mask('resident-id')].sort());
    expect(tags.get('Resident.name')).toEqual([grade('L3'), mask('name')].sort());
    expect(tags.get('Resident.phone')).toEqual([grade('L4'), mask('phone')].sort());
    expect(tags.get('Resident.permits')).toEqual([grade('L2')]);
    expect(tags.get('Query.permitKinds')).toEqual([grade('L1')]);
    expect(tags.has('Resident.gender')).toBe(false);
  });

  it('refuse values that are not grades or rules (plain JavaScript callers)', () => {
    expect(() => Grade('L5' as DataGrade)).toThrow('@Grade: "L5" is not a data grade (one of L1, L2, L3, L4)');
    expect(() => Mask('email' as MaskRule)).toThrow('@Mask: "email" is not a masking rule (one of resident-id, phone, name, address)');
  });
});
