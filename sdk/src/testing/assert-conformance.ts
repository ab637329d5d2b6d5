/**
 * Turns a conformance report into a test failure: one `Error` that lists
 * every failed check with its fix-it message, so a department sees all of
 * them at once instead of fixing one per run.
 */
import type { ConformanceReport } from './conformance-spec';

/** Throws one Error listing every failed check; returns quietly when the report passed. */
export function assertConformance(report: ConformanceReport): void {
  const failed = report.checks.filter((each) => !each.passed);
  if (failed.length === 0) return;
  const lines = failed.map((each) => `✗ [${each.group}] ${each.name}\n    ${each.problem ?? 'failed'}`);
  throw new Error(`${report.target} does not conform (${failed.length} of ${report.checks.length} checks failed):\n${lines.join('\n')}`);
}
