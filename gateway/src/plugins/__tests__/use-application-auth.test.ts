import { createSchema, createYoga } from 'graphql-yoga';
import { buildRegistrySnapshot } from '../../stores/build-registry-snapshot';
import { useApplicationAuth } from '../use-application-auth';
import type { GatewayContext } from '../types';
import { accessRecords, KEYS, PEPPER } from './helpers/access-fixtures';

// The plugin on its own, in a yoga server of someone else's: it identifies the application and puts the principal
// into the context itself (the gateway does that in its request-id step instead, tested in access-control.test.ts).
describe('useApplicationAuth on its own', () => {
  const snapshot = buildRegistrySnapshot(accessRecords(), 'v1');
  const yoga = createYoga<Record<string, unknown>, GatewayContext>({
    schema: createSchema<Record<string, unknown> & GatewayContext>({
      typeDefs: 'type Query { caller: String }',
      resolvers: { Query: { caller: (_root: unknown, _args: unknown, context: GatewayContext) => JSON.stringify(context.principal ?? null) } },
    }),
    plugins: [useApplicationAuth({ registry: { current: () => snapshot }, pepper: PEPPER })],
    logging: false,
  });
  const ask = async (headers: Record<string, string>) => {
    const response = await yoga.fetch('http://gateway.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query: '{ caller }' }),
    });
    return { status: response.status, body: (await response.json()) as { data?: { caller: string } } };
  };

  it('puts the principal of the identified application into the context', async () => {
    const plain = await ask({ 'x-api-key': KEYS.basic });
    expect(plain.status).toBe(200);
    expect(JSON.parse(plain.body.data?.caller ?? '')).toEqual({ applicationId: 'app-basic', applicationName: 'basic', credential: 'api-key' });
    const withPurpose = await ask({ 'x-api-key': KEYS.basic, 'x-purpose': 'statistics' });
    expect(JSON.parse(withPurpose.body.data?.caller ?? '')).toEqual({ applicationId: 'app-basic', applicationName: 'basic', credential: 'api-key', purpose: 'statistics' });
  });

  it('refuses a request without a credential before anything runs', async () => {
    expect((await ask({})).status).toBe(401);
  });
});
