/**
 * The SDK's conformance kit against the users subgraph, over the simulated
 * population registry (SOAP) and legal-person registry (REST): real sample
 * keys, the simulators' call counters for batching, their fault switches
 * for failures, hangs and readiness.
 */
import { describeConformance } from '@govgraph/sdk/testing';
import { startUsersFixture } from './helpers/start-users-fixture';
import { enterprises, foodCo, hanMeimei, liLei, persons, snackShop, techCo, unknownCreditCode, unknownIdNumber, wang, wangHong, withWrongCheckCharacter } from './helpers/users-dataset';

const TIMEOUT_MS = 300;

describeConformance('users subgraph conformance', async () => {
  const fixture = await startUsersFixture({ persons, enterprises, timeoutMs: TIMEOUT_MS });
  const registries = [fixture.population, fixture.legalPerson];
  return {
    target: { subgraph: fixture.subgraph },
    spec: {
      entities: {
        Person: {
          id: { found: [wang.id, wangHong.id, liLei.id, hanMeimei.id] },
          idNumber: { found: [wang.idNumber, wangHong.idNumber, liLei.idNumber, hanMeimei.idNumber], missing: unknownIdNumber },
        },
        Enterprise: { creditCode: { found: [techCo.creditCode, foodCo.creditCode, snackShop.creditCode], missing: unknownCreditCode } },
      },
      countCalls: () => fixture.population.calls.total() + fixture.legalPerson.calls.total(),
      breakUpstream: () => registries.forEach((registry) => registry.faults.setFailure('error')),
      slowUpstream: () => registries.forEach((registry) => registry.faults.setFailure('hang')),
      restoreUpstream: () => registries.forEach((registry) => registry.faults.reset()),
      badArgumentQuery: { query: `{ personByIdNumber(idNumber: "${withWrongCheckCharacter(wang.idNumber)}") { name } }` },
      timeoutMs: TIMEOUT_MS,
      secrets: registries.map((registry) => registry.url),
    },
    teardown: () => fixture.close(),
  };
});
