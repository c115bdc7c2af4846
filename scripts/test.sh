#!/usr/bin/env bash
# npm test: every unit and integration suite. The integration suites' globalSetup starts the test MariaDB and
# Redis itself (scripts/services.sh with SERVICES_PROFILE=test, data in .data/test). Ends with one plain line
# "N passed, N failed" that CI reads.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
results="$(mktemp)"
npx jest --ci --maxWorkers=2 --json --outputFile="$results" "$@"
rc=$?
node -e '
  const fs = require("fs");
  const text = fs.existsSync(process.argv[1]) ? fs.readFileSync(process.argv[1], "utf8") : "";
  // Jest writes no results when it fails before running (e.g. globalSetup): count that as one failure.
  const r = text ? JSON.parse(text) : { numPassedTests: 0, numFailedTests: 1, numPendingTests: 0, numTodoTests: 0, numTotalTests: 0 };
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
  if (r.numTotalTests === 0 || r.numRuntimeErrorTestSuites > 0) process.exitCode = 1;
' "$results" || rc=1
rm -f "$results"
exit "$rc"
