/**
 * Health checks: `/healthz` answers 200 while the process serves; `/readyz`
 * answers 200 while the legacy systems answer and 503 while one is broken
 * (the department's `breakUpstream()`), so a load balancer takes the
 * subgraph out instead of sending it requests that will fail.
 */
import { check, skipped, withUpstream, type ConformanceRun } from './conformance-run';
import type { ConformanceCheck } from './conformance-spec';

/** @internal Runs the health group. */
export async function runHealthChecks(run: ConformanceRun): Promise<ConformanceCheck[]> {
  const checks: ConformanceCheck[] = [];
  checks.push(await expectStatus(run, '/healthz answers 200', '/healthz', 200, 'serve /healthz (createSubgraph does) so the platform can tell the process is alive'));
  checks.push(await expectStatus(run, '/readyz answers 200 while the legacy systems answer', '/readyz', 200, 'every source\'s checkHealth must report up while its legacy system answers'));
  const { breakUpstream, restoreUpstream } = run.spec;
  const name = '/readyz answers 503 while a legacy system is broken';
  if (!breakUpstream || !restoreUpstream) checks.push(skipped('health', name, 'no breakUpstream/restoreUpstream hooks'));
  else {
    checks.push(
      await withUpstream(breakUpstream, restoreUpstream, () =>
        expectStatus(run, name, '/readyz', 503, 'the source\'s checkHealth must ask the legacy system itself (a cheap call) and report down when it fails'),
      ),
    );
  }
  return checks;
}

async function expectStatus(run: ConformanceRun, name: string, path: string, expected: number, fix: string): Promise<ConformanceCheck> {
  try {
    const status = await run.client.status(path);
    return check('health', name, status === expected ? undefined : `${path} answered ${status}, not ${expected} — ${fix}`);
  } catch (error) {
    return check('health', name, `${path} did not answer (${(error as Error).message}) — ${fix}`);
  }
}
