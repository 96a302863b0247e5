#!/usr/bin/env bash
# Builds the whole solution in Release (warnings are errors), runs every test project,
# prints the SDK contract's Connector coverage and a closing "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."

dotnet build Crm.Extensions.sln -c Release -nologo -v minimal || exit 1

rm -rf artifacts/test-reports
log=$(mktemp)
dotnet test Crm.Extensions.sln -c Release --no-build -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

echo
cat artifacts/test-reports/connector-coverage-*.txt 2>/dev/null | grep -E '^Connector coverage' || echo "Connector coverage: not reported"
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
rm -f "$log"
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
