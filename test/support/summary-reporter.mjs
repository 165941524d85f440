/** Test-runner reporter: closes the run with one plain "N passed, N failed" line per browser and in total. */

function countTests(suite, counts) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite?.suites ?? []) countTests(child, counts);
  return counts;
}

const line = ({ passed, failed, skipped }) => `${passed} passed, ${failed} failed, ${skipped} skipped`;

export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const byBrowser = new Map();
      for (const session of sessions) {
        const counts = byBrowser.get(session.browser.name) ?? { passed: 0, failed: 0, skipped: 0 };
        const before = counts.failed;
        countTests(session.testResults, counts);
        // A file that failed to load or threw outside a test has no failed test to count.
        if (!session.passed && counts.failed === before) counts.failed += 1;
        byBrowser.set(session.browser.name, counts);
      }
      const total = { passed: 0, failed: 0, skipped: 0 };
      const lines = [];
      for (const [browser, counts] of byBrowser) {
        lines.push(`${browser}: ${line(counts)}`);
        for (const key of Object.keys(total)) total[key] += counts[key];
      }
      lines.push(`Total: ${line(total)}`);
      // Printed after the default reporter's last refresh, so it stays the closing line.
      setTimeout(() => console.log(`\n${lines.join('\n')}`), 0);
    },
  };
}
