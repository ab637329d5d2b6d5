/**
 * The users subgraph behind the gateway: verify mode with a real Ed25519 key
 * pair and tokens signed as the gateway signs them, over real HTTP; and the
 * data grades and masking rules its SDL declares (the "Data grades" table of
 * the README).
 */
import { Kind, parse, type FieldDefinitionNode, type ObjectTypeDefinitionNode } from 'graphql';
import {
  CONTEXT_TOKEN_HEADER,
  createContextTokenSigner,
  createSilentLogger,
  generateContextKeyPair,
  type RunningSubgraph,
} from '@govgraph/sdk';
import { startLegalPersonRegistry, startPopulationRegistry, type SimulatorHandle } from '@govgraph/legacy';
import { createUsersSubgraph, parseUsersSubgraphConfig, USERS_SUBGRAPH_NAME } from '..';
import { enterprises, persons, wang } from './helpers/users-dataset';

const gateway = generateContextKeyPair();
const signer = createContextTokenSigner({ privateKeyJwk: gateway.privateKeyJwk });

let population: SimulatorHandle;
let legalPerson: SimulatorHandle;
let running: RunningSubgraph;

beforeAll(async () => {
  population = await startPopulationRegistry({ dataset: { persons } });
  legalPerson = await startLegalPersonRegistry({ dataset: { enterprises } });
  // As main.ts builds it from GATEWAY_PUBLIC_KEY_JWK.
  const config = parseUsersSubgraphConfig({
    populationUrl: population.url,
    legalPersonUrl: legalPerson.url,
    port: 0,
    security: { mode: 'verify', publicKeyJwk: JSON.parse(JSON.stringify(gateway.publicKeyJwk)) as unknown },
  });
  running = await createUsersSubgraph(config, { logger: createSilentLogger() }).listen({ port: 0 });
});
afterAll(async () => {
  await running?.close();
  await Promise.all([population?.close(), legalPerson?.close()]);
});

async function post(headers: Record<string, string>): Promise<{ status: number; body: { data?: unknown; errors?: { extensions?: { code?: string } }[] } }> {
  const response = await fetch(running.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: `{ person(id: "${wang.id}") { idNumber name } }` }),
  });
  return { status: response.status, body: (await response.json()) as never };
}

describe('users subgraph in verify mode', () => {
  it('answers a request carrying a token the gateway signed for the users subgraph', async () => {
    const token = await signer.sign({ audience: USERS_SUBGRAPH_NAME, subject: 'app-social-security-bureau', purpose: '社保待遇资格认证', requestId: 'req-users-1' });
    const { status, body } = await post({ [CONTEXT_TOKEN_HEADER]: token });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { person: { idNumber: wang.idNumber, name: wang.name } } });
  });

  it('refuses a request without a token, or with one signed for another subgraph, before calling the registry', async () => {
    const before = population.calls.total();
    const attempts: Record<string, string>[] = [{}, { [CONTEXT_TOKEN_HEADER]: await signer.sign({ audience: 'licences', subject: 'app-1', requestId: 'r' }) }];
    for (const headers of attempts) {
      const { status, body } = await post(headers);
      expect(status).toBe(401);
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(population.calls.total()).toBe(before);
  });

  it('serves /healthz and /readyz without a token', async () => {
    expect((await fetch(running.url.replace('/graphql', '/healthz'))).status).toBe(200);
    expect((await fetch(running.url.replace('/graphql', '/readyz'))).status).toBe(200);
  });

  it('refuses to build without a security setting', () => {
    const config = parseUsersSubgraphConfig({ populationUrl: population.url, legalPersonUrl: legalPerson.url });
    expect(() => createUsersSubgraph(config, { logger: createSilentLogger() })).toThrow(/config\.security is required/);
  });
});

describe('users data grades', () => {
  it('declares the grades and masks of the README table on Person and Enterprise', () => {
    const config = parseUsersSubgraphConfig({ populationUrl: population.url, legalPersonUrl: legalPerson.url, security: { mode: 'development' } });
    const sdl = createUsersSubgraph(config, { logger: createSilentLogger() }).sdl;
    const tags = new Map<string, string>();
    for (const definition of parse(sdl).definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
      for (const field of (definition as ObjectTypeDefinitionNode).fields ?? []) {
        const names = ((field as FieldDefinitionNode).directives ?? [])
          .filter((directive) => directive.name.value === 'tag')
          .map((directive) => (directive.arguments?.[0]?.value.kind === Kind.STRING ? directive.arguments[0].value.value : '?'));
        tags.set(`${definition.name.value}.${field.name.value}`, names.join(' '));
      }
    }
    const pick = (type: string) => Object.fromEntries([...tags].filter(([coordinate]) => coordinate.startsWith(`${type}.`)));
    expect(pick('Person')).toEqual({
      'Person.id': 'govgraph:grade:L2',
      'Person.idNumber': 'govgraph:grade:L4 govgraph:mask:resident-id',
      'Person.name': 'govgraph:grade:L3 govgraph:mask:name',
      'Person.gender': 'govgraph:grade:L2',
      'Person.birthDate': 'govgraph:grade:L3',
      'Person.phone': 'govgraph:grade:L4 govgraph:mask:phone',
      'Person.address': 'govgraph:grade:L3 govgraph:mask:address',
    });
    expect(pick('Enterprise')).toEqual({
      'Enterprise.creditCode': 'govgraph:grade:L1',
      'Enterprise.name': 'govgraph:grade:L1',
      'Enterprise.kind': 'govgraph:grade:L1',
      'Enterprise.address': 'govgraph:grade:L1',
      'Enterprise.status': 'govgraph:grade:L1',
      'Enterprise.establishedOn': 'govgraph:grade:L1',
      'Enterprise.legalRepresentative': 'govgraph:grade:L2',
    });
    expect(pick('Query')).toEqual({
      'Query.person': 'govgraph:grade:L2',
      'Query.personByIdNumber': 'govgraph:grade:L2',
      'Query.searchPersons': 'govgraph:grade:L3',
      'Query.enterprise': 'govgraph:grade:L1',
      'Query.searchEnterprises': 'govgraph:grade:L1',
    });
  });
});
