// Closing line of `npm run ci`: one vitest summary over the unit and the browser runs,
// read from the JSON reports that vitest.config.ts and vitest.e2e.config.ts write.
import { readFileSync } from "node:fs";

const runs = [
  ["unit + DOM + bundle contract", "test-results/unit.json"],
  ["Chromium e2e", "test-results/e2e.json"],
];

let passed = 0;
let failed = 0;
let skipped = 0;
for (const [label, file] of runs) {
  const report = JSON.parse(readFileSync(new URL(file, import.meta.url), "utf8"));
  const runSkipped = report.numPendingTests + report.numTodoTests;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += runSkipped;
  console.log(`  ${label.padEnd(30)} ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${runSkipped} skipped (${report.testResults.length} files)`);
}
console.log(`vitest summary: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed === 0 ? 0 : 1);
