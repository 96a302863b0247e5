#!/usr/bin/env bash
# All tests: installs what is missing, builds the whole solution in Release (warnings are errors), runs every .NET
# test project and the web resource suite (typecheck, lint, build, unit, Chromium), prints the SDK contract's
# Connector coverage and one closing "N passed, N failed" line over everything.
set -uo pipefail
cd "$(dirname "$0")/.."

bash tools/install-prerequisites.sh || exit 1
# The bundles first: the packer tests put webresources/dist into the zips.
(cd webresources && npm run --silent build) || exit 1
dotnet build Crm.Extensions.sln -c Release -nologo -v minimal || exit 1

rm -rf artifacts/test-reports
log=$(mktemp)
dotnet test Crm.Extensions.sln -c Release --no-build -nologo 2>&1 | tee "$log"
dotnet_status=${PIPESTATUS[0]}

(cd webresources && npm run --silent ci) 2>&1 | tee -a "$log"
web_status=${PIPESTATUS[0]}

echo
cat artifacts/test-reports/connector-coverage-*.txt 2>/dev/null | grep -E '^Connector coverage' || echo "Connector coverage: not reported"
dotnet_passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
dotnet_failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
web_passed=$(sed -nE 's/^vitest summary: ([0-9]+) passed.*/\1/p' "$log" | tail -1)
web_failed=$(sed -nE 's/^vitest summary: [0-9]+ passed, ([0-9]+) failed.*/\1/p' "$log" | tail -1)
rm -f "$log"
echo ".NET: $dotnet_passed passed, $dotnet_failed failed; web: ${web_passed:-0} passed, ${web_failed:-?} failed"
echo "$((dotnet_passed + ${web_passed:-0})) passed, $((dotnet_failed + ${web_failed:-0})) failed"
[ "$dotnet_status" -eq 0 ] && [ "$web_status" -eq 0 ] && [ "$dotnet_failed" -eq 0 ] && [ -n "$web_failed" ] && [ "$web_failed" -eq 0 ]
