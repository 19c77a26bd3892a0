// Prints one closing line for the whole `npm test` run, "N passed, N failed, N skipped", from
// vitest's and Playwright's JSON reports, so CI can read the totals of both runners at once.
import { existsSync, readFileSync } from 'node:fs'

function read(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null
}

const totals = { passed: 0, failed: 0, skipped: 0 }
const vitest = read('.tmp/vitest.json')
if (vitest) {
  totals.passed += vitest.numPassedTests
  totals.failed += vitest.numFailedTests
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests
}
const playwright = read('.tmp/playwright.json')
if (playwright) {
  totals.passed += playwright.stats.expected + playwright.stats.flaky
  totals.failed += playwright.stats.unexpected
  totals.skipped += playwright.stats.skipped
}
if (!vitest || !playwright) {
  console.error(`test-summary: missing ${!vitest ? 'vitest' : 'playwright'} report`)
  process.exitCode = 1
}
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
if (totals.failed > 0 || totals.passed === 0) process.exitCode = 1
