#!/usr/bin/env bash
# Issue 22: mutation testing of what the last commit changed. Mutates the changed files of src/PeeringLint.Core/Rules,
# Reachability and Addressing (target: >= 90 %) and Aws, the shared AWS semantics layer (target: >= 85 %), with
# Stryker.NET's --since against the commit before, in one run, and fails when either group's score is below its
# threshold. Nothing relevant changed: exits 0 at once. Full runs and per-folder scores: docs/quality.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NO_COLOR=1
break_at=${PEERINGLINT_MUTATION_BREAK:-90}
aws_break_at=${PEERINGLINT_MUTATION_BREAK_AWS:-85}
budget=${PEERINGLINT_MUTATION_SECONDS:-600}

# The base: the first parent (for a merge, main before it, so the diff is everything the merge brought). A shallow
# clone may not have it; deepen by one, and when that fails too, say so and skip rather than mutate everything.
if ! base=$(git rev-parse --verify -q 'HEAD~1^{commit}'); then
  git fetch -q --deepen=1 2>/dev/null || true
  if ! base=$(git rev-parse --verify -q 'HEAD~1^{commit}'); then
    echo "mutation: no parent commit in this clone (shallow or first commit); skipped"
    exit 0
  fi
fi

mapfile -t changed < <(git diff --name-only --diff-filter=AMR "$base" HEAD -- \
  'src/PeeringLint.Core/Rules/*.cs' 'src/PeeringLint.Core/Reachability/*.cs' 'src/PeeringLint.Core/Addressing/*.cs' \
  'src/PeeringLint.Core/Aws/*.cs')
if [ "${#changed[@]}" -eq 0 ]; then
  echo "mutation: no file of Core/Rules, Core/Reachability, Core/Addressing or Core/Aws changed since ${base:0:12}; skipped"
  exit 0
fi
printf 'mutation: %s\n' "${changed[@]}"

# --since limits Stryker to the changed files and the mutants that changed tests cover; the --mutate globs keep it to
# the changed source files even when many tests changed (bounded time).
mutate=()
for f in "${changed[@]}"; do
  mutate+=(--mutate "**/${f#src/PeeringLint.Core/}")
done

dotnet tool restore >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
start=$SECONDS
set +e
(cd tests/PeeringLint.Tests && timeout -k 20 "$budget" dotnet stryker --since:"$base" "${mutate[@]}" \
  --break-at 0 --reporter progress --reporter cleartext --reporter json --output "$out" 2>&1) | tail -n 60
status=${PIPESTATUS[0]}
set -e
echo "mutation: ${#changed[@]} file(s), $((SECONDS - start)) s, exit $status"
if [ "$status" -eq 0 ]; then
  # One run, two thresholds: score each group from the JSON report (killed + timeout over those plus survived and
  # no coverage; compile errors and ignored mutants are not scored, as in Stryker's own score).
  report=$(find "$out" -name mutation-report.json | head -n 1)
  if [ -z "$report" ]; then
    echo "mutation: Stryker wrote no JSON report" >&2
    exit 1
  fi
  verdict=$(jq -r --argjson rulesmin "$break_at" --argjson awsmin "$aws_break_at" '
    [.files | to_entries[] | {aws: (.key | test("/Core/Aws/")), s: [.value.mutants[].status]}]
    | group_by(.aws)[]
    | (.[0].aws) as $aws | ([.[].s[]]) as $all
    | ([$all[] | select(. == "Killed" or . == "Timeout")] | length) as $k
    | ([$all[] | select(. == "Survived" or . == "NoCoverage")] | length) as $l
    | select($k + $l > 0)
    | ($k * 100 / ($k + $l)) as $score
    | (if $aws then "Core/Aws" else "Rules/Reachability/Addressing" end) as $name
    | (if $aws then $awsmin else $rulesmin end) as $min
    | "\(if $score < $min then "FAIL" else "ok" end) \($name): \($score * 100 | floor / 100) % (threshold \($min) %)"' "$report")
  printf 'mutation: %s\n' "$verdict"
  if grep -q '^FAIL' <<<"$verdict"; then
    status=1
  fi
fi
if [ "$status" -eq 124 ]; then
  # Over the budget the step gives no verdict rather than fail the build on a loaded machine; it says so loudly.
  # PEERINGLINT_MUTATION_STRICT=1 makes it a failure.
  echo "mutation: WARNING: did not finish within ${budget} s; no verdict on the changed files" >&2
  [ "${PEERINGLINT_MUTATION_STRICT:-0}" = 1 ] && exit 1
  exit 0
fi
if [ "$status" -ne 0 ]; then
  echo "mutation score below ${break_at} % on the changed files (or Stryker failed); see the survivors above" >&2
  exit 1
fi
