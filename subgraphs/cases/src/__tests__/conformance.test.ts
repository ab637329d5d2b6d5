/**
 * The SDK's conformance kit against the cases subgraph, over the simulated
 * case-handling system (REST): real case numbers, the simulator's call
 * counter for batching, its fault switches for failures, hangs and readiness.
 */
import { describeConformance } from '@govgraph/sdk/testing';
import { ACME, CASES_NEWEST_FIRST, COMPLETED_CASE, FOODS, HAN, IN_REVIEW_CASE, LI, SUBMITTED_CASE, WANG } from './helpers/case-fixtures';
import { startCasesTestBed } from './helpers/start-cases-test-bed';

const TIMEOUT_MS = 300;

describeConformance('cases subgraph conformance', async () => {
  const bed = await startCasesTestBed({ cases: CASES_NEWEST_FIRST });
  const subgraph = await bed.createSubgraph({ timeoutMs: TIMEOUT_MS });
  return {
    target: { subgraph },
    spec: {
      entities: {
        Case: { number: { found: [COMPLETED_CASE.number, SUBMITTED_CASE.number, IN_REVIEW_CASE.number], missing: 'SZ2025010100999' } },
        // Owned by the users subgraph; this one only adds `cases`, so every reference resolves here.
        Person: { idNumber: { found: [WANG, LI, HAN], missing: false } },
        Enterprise: { creditCode: { found: [ACME, FOODS], missing: false } },
      },
      countCalls: () => bed.system.calls.total(),
      breakUpstream: () => bed.system.faults.setFailure('error'),
      slowUpstream: () => bed.system.faults.setFailure('hang'),
      restoreUpstream: () => bed.system.faults.reset(),
      upstreamQuery: { query: `{ case(number: "${COMPLETED_CASE.number}") { number status } }` },
      badArgumentQuery: { query: `{ cases(applicantId: "${WANG}", pageSize: 0) { total } }` },
      timeoutMs: TIMEOUT_MS,
      secrets: [bed.system.url],
    },
    teardown: () => bed.close(),
  };
});
