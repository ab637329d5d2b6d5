import { composeServices } from '@apollo/composition';
import { startSocialInsuranceSystem } from '@govgraph/legacy';
import { createSilentLogger } from '@govgraph/sdk';
import { parse } from 'graphql';
import { describeConformance } from '@govgraph/sdk/testing';
import { SOCIAL_INSURANCE_MAX_BATCH, createSocialInsuranceSubgraph, parseSocialInsuranceSubgraphConfig } from '..';
import { INSURED_ID, NEVER_ID, SAMPLE_ACCOUNTS, TERMINATED_ID, TEST_CREDENTIALS } from './helpers/sample-accounts';

const TIMEOUT_MS = 300;
const REPRESENTATIONS = { representations: [{ __typename: 'Person', idNumber: INSURED_ID }] };

describeConformance('the social-insurance subgraph conforms to the govgraph subgraph contract', async () => {
  const system = await startSocialInsuranceSystem({ data: { records: SAMPLE_ACCOUNTS }, credentials: TEST_CREDENTIALS });
  const subgraph = createSocialInsuranceSubgraph(
    parseSocialInsuranceSubgraphConfig({ url: system.url, username: TEST_CREDENTIALS.username, password: TEST_CREDENTIALS.password, timeoutMs: TIMEOUT_MS, security: { mode: 'development' } }),
    { logger: createSilentLogger() },
  );
  return {
    target: { subgraph },
    spec: {
      // Every Person reference resolves here (missing: false): the account may be null, the person is not.
      // Person is only extended here: a bare reference never calls the system, so every _entities query
      // of the kit also selects the extension field (and the errors and timeout checks use it too).
      entities: { Person: { idNumber: { found: [INSURED_ID, NEVER_ID, TERMINATED_ID], missing: false, selection: 'socialInsurance { status }' } } },
      maxBatchSize: SOCIAL_INSURANCE_MAX_BATCH,
      // The WSDL fetch and readiness probes are counted too (as `wsdl`): count the batch operation only.
      countCalls: () => system.calls.count('GetInsuranceStatusByIdNumbers'),
      breakUpstream: () => system.faults.setFailure('error'),
      slowUpstream: () => system.faults.setFailure('hang'),
      restoreUpstream: () => system.faults.reset(),
      badArgumentQuery: {
        query: `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { socialInsurance { contributions(fromMonth: "2026-06", toMonth: "2026-01") { month } } } } }`,
        variables: REPRESENTATIONS,
      },
      timeoutMs: TIMEOUT_MS,
      secrets: [system.url, TEST_CREDENTIALS.username, TEST_CREDENTIALS.password],
    },
    teardown: async () => {
      await subgraph.stop();
      await system.close();
    },
  };
  // The federation group composes this extension-only SDL (no root query) with the kit's Query stub;
  // composing with Person's real owner is checked below.
});

/** Person as the users subgraph owns it, reduced to what composition needs. */
const OWNER_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
  scalar ResidentId
  type Person @key(fields: "id") @key(fields: "idNumber") { id: ID! idNumber: ResidentId! name: String! }
  type Query { personByIdNumber(idNumber: ResidentId!): Person }
`;

describe('the social-insurance subgraph in a supergraph', () => {
  it('declares Federation 2 and composes with the owner of Person, adding Person.socialInsurance', async () => {
    const subgraph = createSocialInsuranceSubgraph(
      parseSocialInsuranceSubgraphConfig({ url: 'http://127.0.0.1:9/social-insurance', username: 'u', password: 'p', security: { mode: 'development' } }),
      { logger: createSilentLogger() },
    );
    expect(subgraph.sdl).toMatch(/extend schema\s+@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+"/);
    const result = composeServices([
      { name: 'users', typeDefs: parse(OWNER_SDL), url: 'http://users.invalid/graphql' },
      { name: 'social-insurance', typeDefs: parse(subgraph.sdl), url: 'http://social-insurance.invalid/graphql' },
    ]);
    expect(result.errors?.map((error) => error.message)).toBeUndefined();
    expect(result.supergraphSdl).toMatch(/socialInsurance: SocialInsurance @join__field\(graph: SOCIAL_INSURANCE\)/);
  });
});
