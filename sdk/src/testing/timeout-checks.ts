/**
 * Timeout check: with the legacy system not answering (the department's
 * `slowUpstream()`), the query fails with `CONN_UPSTREAM_TIMEOUT` within the
 * configured timeout plus a margin, instead of hanging the gateway's request.
 */
import { check, describeErrors, skipped, withUpstream, type ConformanceRun } from './conformance-run';
import type { ConformanceCheck } from './conformance-spec';
import { RequestTimedOutError } from './conformance-client';
import { upstreamQueryOf } from './default-upstream-query';
import { describeLeaks, findLeaks } from './find-leaks';

/** @internal Runs the timeouts group. */
export async function runTimeoutChecks(run: ConformanceRun): Promise<ConformanceCheck[]> {
  const { slowUpstream, restoreUpstream, timeoutMs } = run.spec;
  const margin = run.spec.timeoutMarginMs ?? 1000;
  const name = `a legacy system that does not answer fails with CONN_UPSTREAM_TIMEOUT within timeoutMs + ${margin} ms`;
  if (!slowUpstream || !restoreUpstream) return [skipped('timeouts', name, 'no slowUpstream/restoreUpstream hooks')];
  if (timeoutMs === undefined) return [check('timeouts', name, 'slowUpstream is given without timeoutMs — set timeoutMs to the timeout the subgraph is configured with')];
  const query = run.spec.timeoutQuery ?? (await upstreamQueryOf(run));
  if (!query) return [check('timeouts', name, 'no query that touches the legacy system — supply timeoutQuery or upstreamQuery (or entity samples)')];
  const limit = timeoutMs + margin;
  const started = performance.now();
  let answer;
  try {
    answer = await withUpstream(slowUpstream, restoreUpstream, () => run.client.graphql(query, limit));
  } catch (error) {
    if (error instanceof RequestTimedOutError) {
      return [check('timeouts', name, `no answer within ${limit} ms (timeoutMs ${timeoutMs} + ${margin}) — bound every legacy call with the source's timeoutMs (the connectors' call runner does); a hanging legacy system must not hang the query`)];
    }
    return [check('timeouts', name, `the query failed: ${(error as Error).message}`)];
  }
  const elapsed = Math.round(performance.now() - started);
  const problems: string[] = [];
  if (!(answer.errors ?? []).some((error) => error.extensions?.['code'] === 'CONN_UPSTREAM_TIMEOUT')) {
    problems.push(`after ${elapsed} ms the query answered ${describeErrors(answer)}, not CONN_UPSTREAM_TIMEOUT — throw UpstreamTimeoutError when a legacy call exceeds its deadline (the connector kit's createUpstreamTimeoutError)`);
  }
  const leaks = describeLeaks(findLeaks(answer.errors ?? [], run.secrets));
  if (leaks) problems.push(leaks);
  return [check('timeouts', name, problems.length ? problems.join('; ') : undefined)];
}
