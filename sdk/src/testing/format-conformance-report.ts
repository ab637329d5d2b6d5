/**
 * Renders a conformance report as text, one line per check, failures with
 * their fix-it message, for logs and for `assertConformance`'s error.
 */
import type { ConformanceReport } from './conformance-spec';

/** The report as text: `✓`, `✗` (with the problem) or `-` (skipped, with why) per check, then a summary line. */
export function formatConformanceReport(report: ConformanceReport): string {
  const lines = report.checks.map((each) => {
    if (each.skipped !== undefined) return `  - [${each.group}] ${each.name} (skipped: ${each.skipped})`;
    if (each.passed) return `  ✓ [${each.group}] ${each.name}`;
    return `  ✗ [${each.group}] ${each.name}\n      ${each.problem ?? 'failed'}`;
  });
  const failed = report.checks.filter((each) => !each.passed).length;
  const skipped = report.checks.filter((each) => each.skipped !== undefined).length;
  const passed = report.checks.length - failed - skipped;
  return `Conformance of ${report.target}: ${failed === 0 ? 'passed' : 'FAILED'} (${passed} passed, ${failed} failed, ${skipped} skipped)\n${lines.join('\n')}`;
}
