#!/usr/bin/env bash
# Create / Update without steps: a base commit's emulator against the working tree's, in one run.
# Usage: tests/Crm.Extensions.Benchmarks/compare-create-update.sh <base-commit> [pairs] [rounds]
# Both sides run the working tree's harness (CreateUpdateRun.cs); only the emulator and SDK under it differ. The two
# executables run alternately (base, head, base, head...) so load on the shared machine falls on both alike; the script
# prints each run's medians and the ratio head / base of the medians over all runs.
set -euo pipefail
repo=$(git rev-parse --show-toplevel)
base=${1:?base commit}
pairs=${2:-3}
rounds=${3:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/crmx-bench-base.XXXXXX")
git -C "$repo" archive "$base" | tar -x -C "$work"
rm -rf "$work/tests/Crm.Extensions.Benchmarks"
mkdir -p "$work/tests/Crm.Extensions.Benchmarks"
(cd "$repo/tests/Crm.Extensions.Benchmarks" && tar --exclude=bin --exclude=obj -cf - .) | tar -x -C "$work/tests/Crm.Extensions.Benchmarks"
dotnet build "$work/tests/Crm.Extensions.Benchmarks/Crm.Extensions.Benchmarks.csproj" -c Release -nologo -v q >/dev/null
dotnet build "$repo/tests/Crm.Extensions.Benchmarks/Crm.Extensions.Benchmarks.csproj" -c Release -nologo -v q >/dev/null
dll=bin/Release/net10.0/Crm.Extensions.Benchmarks.dll
results=$(mktemp)
for pair in $(seq "$pairs"); do
  for side in base head; do
    dir=$([ "$side" = base ] && echo "$work" || echo "$repo")
    line=$(cd "$dir/tests/Crm.Extensions.Benchmarks" && dotnet "$dll" --create-update "$rounds" | grep '^median')
    echo "run $pair $side: $line"
    echo "$side $line" >> "$results"
  done
done
awk '
  { split($3, c, "="); split($4, u, "="); create[$1] = create[$1] " " c[2]; update[$1] = update[$1] " " u[2] }
  function median(list,   n, v, i, j, t) {
    n = split(list, v, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t }
    return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
  }
  END {
    printf "Create without steps: base %.1f us, head %.1f us, ratio %.2f\n", median(create["base"]), median(create["head"]), median(create["head"]) / median(create["base"])
    printf "Update without steps: base %.1f us, head %.1f us, ratio %.2f\n", median(update["base"]), median(update["head"]), median(update["head"]) / median(update["base"])
  }' "$results"
rm -rf "$work" "$results"
