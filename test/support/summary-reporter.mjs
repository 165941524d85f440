/**
 * Test-runner reporter: closes the run with one plain "N passed, N failed" line per browser and in
 * total. Each browser's line says how many of its test files were imported, and names any that
 * could not be: such a file's tests never ran, and it counts as one failure.
 */
import path from 'node:path';

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

/** The test runner's words for a test file the browser could not import (@web/test-runner-core's browser side). */
const NOT_IMPORTED = /Could not import your test module/;

const wasImported = (session) => !(session.errors ?? []).some((error) => NOT_IMPORTED.test(error.message ?? ''));

export function summaryReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const byBrowser = new Map();
      for (const session of sessions) {
        const counts = byBrowser.get(session.browser.name) ?? { passed: 0, failed: 0, skipped: 0, files: 0, notImported: [] };
        counts.files += 1;
        if (!wasImported(session)) counts.notImported.push(path.relative(process.cwd(), session.testFile));
        const before = counts.failed;
        countTests(session.testResults, counts);
        // A file that failed to load or threw outside a test has no failed test to count.
        if (!session.passed && counts.failed === before) counts.failed += 1;
        byBrowser.set(session.browser.name, counts);
      }
      const total = { passed: 0, failed: 0, skipped: 0 };
      const lines = [];
      for (const [browser, counts] of byBrowser) {
        const imported = counts.files - counts.notImported.length;
        lines.push(`${browser}: ${line(counts)} (${imported} of ${counts.files} test files imported)`);
        for (const file of counts.notImported) lines.push(`  NOT IMPORTED in ${browser}: ${file}`);
        for (const key of Object.keys(total)) total[key] += counts[key];
      }
      lines.push(`Total: ${line(total)}`);
      // Printed after the default reporter's last refresh, so it stays the closing line.
      setTimeout(() => console.log(`\n${lines.join('\n')}`), 0);
    },
  };
}
