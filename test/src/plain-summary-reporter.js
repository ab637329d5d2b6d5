/**
 * A jest reporter that ends the run with one plain line,
 * `N passed, N failed, N skipped`, which CI and humans read the same way.
 */
class PlainSummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    process.stdout.write(`\n${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`);
  }
}

module.exports = PlainSummaryReporter;
