/**
 * Error taxonomy checks: with the legacy system broken (the department's
 * `breakUpstream()`), a query that needs it fails with codes from the SDK
 * registry (`SDK_ERRORS`) and shows no URL, host, IP address or stack trace;
 * a bad argument fails with `BAD_USER_INPUT`.
 */
import { SDK_ERRORS } from '../errors/codes';
import { check, describeErrors, skipped, withUpstream, type ConformanceRun } from './conformance-run';
import type { ConformanceCheck } from './conformance-spec';
import { upstreamQueryOf } from './default-upstream-query';
import { describeLeaks, findLeaks } from './find-leaks';

/** @internal Runs the errors group. */
export async function runErrorChecks(run: ConformanceRun): Promise<ConformanceCheck[]> {
  return [await checkUpstreamFailure(run), await checkBadArgument(run)];
}

async function checkUpstreamFailure(run: ConformanceRun): Promise<ConformanceCheck> {
  const name = 'a broken legacy system fails with registry codes and no internals';
  const { breakUpstream, restoreUpstream } = run.spec;
  if (!breakUpstream || !restoreUpstream) return skipped('errors', name, 'no breakUpstream/restoreUpstream hooks');
  const query = await upstreamQueryOf(run);
  if (!query) return check('errors', name, 'no query that touches the legacy system — supply upstreamQuery (or entity samples)');
  let answer;
  try {
    answer = await withUpstream(breakUpstream, restoreUpstream, () => run.client.graphql(query));
  } catch (error) {
    return check('errors', name, `the query did not answer with the legacy system broken (${(error as Error).message}) — every legacy call needs a timeout and must fail fast on a server error`);
  }
  const errors = answer.errors ?? [];
  if (errors.length === 0) {
    return check('errors', name, 'with the legacy system broken the query answered without errors — make upstreamQuery one that calls the legacy system (not served from a cache), or check that breakUpstream breaks it');
  }
  const problems: string[] = [];
  const codes = errors.map((error) => error.extensions?.['code']);
  const unknown = [...new Set(codes.filter((code) => typeof code !== 'string' || !(code in SDK_ERRORS)))];
  if (unknown.length > 0) {
    problems.push(
      `errors carry extensions.code ${unknown.map((code) => JSON.stringify(code ?? null)).join(', ')}, not in the SDK registry (SDK_ERRORS) — throw the SDK's error classes (BadGatewayError → CONN_UPSTREAM_UNAVAILABLE, UpstreamTimeoutError, UpstreamDataError) from sources`,
    );
  }
  if (codes.includes('INTERNAL_SERVER_ERROR')) {
    problems.push(
      `the legacy failure surfaced as INTERNAL_SERVER_ERROR (${describeErrors(answer)}) — the source threw an unmapped error: map transport and server failures to BadGatewayError / UpstreamTimeoutError / UpstreamDataError (the connector kit's mapTransportFailure does)`,
    );
  }
  const leaks = describeLeaks(findLeaks(errors, run.secrets));
  if (leaks) problems.push(leaks);
  return check('errors', name, problems.length ? problems.join('; ') : undefined);
}

async function checkBadArgument(run: ConformanceRun): Promise<ConformanceCheck> {
  const name = 'a bad argument fails with BAD_USER_INPUT';
  const query = run.spec.badArgumentQuery;
  if (!query) return skipped('errors', name, 'no badArgumentQuery');
  let answer;
  try {
    answer = await run.client.graphql(query);
  } catch (error) {
    return check('errors', name, `the query did not answer (${(error as Error).message})`);
  }
  const errors = answer.errors ?? [];
  const problems: string[] = [];
  if (!errors.some((error) => error.extensions?.['code'] === 'BAD_USER_INPUT')) {
    problems.push(
      `badArgumentQuery answered ${describeErrors(answer)}, not BAD_USER_INPUT — validate arguments before calling the legacy system and throw BadRequestError (or use the SDK's scalars: ResidentIdScalar, CreditCodeScalar, parsePageArgs)`,
    );
  }
  const leaks = describeLeaks(findLeaks(errors, run.secrets));
  if (leaks) problems.push(leaks);
  return check('errors', name, problems.length ? problems.join('; ') : undefined);
}
