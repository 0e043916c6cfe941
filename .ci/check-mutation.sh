#!/usr/bin/env bash
# Issue 22: mutation testing of what the last commit changed, with Stryker.NET's --since against the commit before.
# Two projects, three groups, each scored from the JSON report and failed below its threshold:
#   Core: Rules, Reachability and Addressing (target >= 90 %) and Aws, the shared AWS semantics layer (>= 85 %);
#   Parsers: the mapping of AWS semantics, CloudFormation's ResourceMapper*.cs and IntrinsicResolver*.cs and the AWS CLI
#   mappers AwsCli/*Mapper.cs (>= 85 %), run against the parser and AWS tests only (the corpus, scale and CLI tests
#   cannot reach a single mapping decision faster, and under coverage instrumentation they stall Stryker).
# Nothing relevant changed: exits 0 at once. Full runs and per-folder scores: docs/quality.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NO_COLOR=1
break_at=${PEERINGLINT_MUTATION_BREAK:-90}
aws_break_at=${PEERINGLINT_MUTATION_BREAK_AWS:-85}
budget=${PEERINGLINT_MUTATION_SECONDS:-600}
parsers_filter=${PEERINGLINT_MUTATION_PARSERS_FILTER:-'(FullyQualifiedName~PeeringLint.Tests.Parsers.CloudFormation|FullyQualifiedName~PeeringLint.Tests.Parsers.AwsCli|FullyQualifiedName~PeeringLint.Tests.Aws|FullyQualifiedName~PeeringLint.Tests.Parsers.CrossFormatTests|FullyQualifiedName~PeeringLint.Tests.Parsers.EdgeKindTests)&FullyQualifiedName!~CorpusTests&FullyQualifiedName!~AwsScaleTests'}

# The base: the first parent (for a merge, main before it, so the diff is everything the merge brought). A shallow
# clone may not have it; deepen by one, and when that fails too, say so and skip rather than mutate everything.
if ! base=$(git rev-parse --verify -q 'HEAD~1^{commit}'); then
  git fetch -q --deepen=1 2>/dev/null || true
  if ! base=$(git rev-parse --verify -q 'HEAD~1^{commit}'); then
    echo "mutation: no parent commit in this clone (shallow or first commit); skipped"
    exit 0
  fi
fi

mapfile -t core < <(git diff --name-only --diff-filter=AMR "$base" HEAD -- \
  'src/PeeringLint.Core/Rules/*.cs' 'src/PeeringLint.Core/Reachability/*.cs' 'src/PeeringLint.Core/Addressing/*.cs' \
  'src/PeeringLint.Core/Aws/*.cs')
mapfile -t parsers < <(git diff --name-only --diff-filter=AMR "$base" HEAD -- \
  'src/PeeringLint.Parsers/CloudFormation/ResourceMapper*.cs' 'src/PeeringLint.Parsers/CloudFormation/IntrinsicResolver*.cs' \
  'src/PeeringLint.Parsers/AwsCli/*Mapper.cs')
if [ "${#core[@]}" -eq 0 ] && [ "${#parsers[@]}" -eq 0 ]; then
  echo "mutation: no file of Core/Rules, Core/Reachability, Core/Addressing, Core/Aws or the parsers' AWS mapping changed since ${base:0:12}; skipped"
  exit 0
fi
printf 'mutation: %s\n' "${core[@]}" "${parsers[@]}"

dotnet tool restore >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
start=$SECONDS
failed=0
timedout=0

# One Stryker run: $1 = report folder, $2 = seconds, then Stryker's own arguments. --since limits it to the changed files
# and the mutants that changed tests cover; the --mutate globs keep it to the changed source files even when many tests
# changed (bounded time). Prints the exit status.
run_stryker() {
  local dir=$1 seconds=$2
  shift 2
  set +e
  (cd tests/PeeringLint.Tests && timeout -k 20 "$seconds" dotnet stryker --since:"$base" "$@" \
    --break-at 0 --reporter progress --reporter cleartext --reporter json --output "$dir" 2>&1) | tail -n 60 >&2
  local status=${PIPESTATUS[0]}
  set -e
  echo "$status"
}

# Scores the groups of one JSON report: killed + timeout over those plus survived and no coverage (compile errors and
# ignored mutants are not scored, as in Stryker's own score). $1 = report folder.
score() {
  local report
  report=$(find "$1" -name mutation-report.json | head -n 1)
  if [ -z "$report" ]; then
    echo "FAIL Stryker wrote no JSON report"
    return
  fi
  jq -r --argjson rulesmin "$break_at" --argjson awsmin "$aws_break_at" '
    [.files | to_entries[] | {g: (if (.key | test("/PeeringLint.Parsers/")) then "Parsers (AWS mapping)"
                                  elif (.key | test("/Core/Aws/")) then "Core/Aws" else "Rules/Reachability/Addressing" end),
                              s: [.value.mutants[].status]}]
    | group_by(.g)[]
    | (.[0].g) as $name | ([.[].s[]]) as $all
    | ([$all[] | select(. == "Killed" or . == "Timeout")] | length) as $k
    | ([$all[] | select(. == "Survived" or . == "NoCoverage")] | length) as $l
    | ([$all[] | select(. == "CompileError")] | length) as $c
    | (if $name == "Rules/Reachability/Addressing" then $rulesmin else $awsmin end) as $min
    | if $k + $l == 0 then "ok \($name): no mutant scored (\($c) compile errors; the rest ignored)"
      else ($k * 100 / ($k + $l)) as $score
      | "\(if $score < $min then "FAIL" else "ok" end) \($name): \($score * 100 | floor / 100) % (threshold \($min) %; \($c) compile errors not scored)" end' "$report"
}

judge() {
  local status=$1 dir=$2
  if [ "$status" -eq 124 ]; then
    timedout=1
  elif [ "$status" -ne 0 ]; then
    echo "mutation: Stryker failed (exit $status)" >&2
    failed=1
  else
    local verdict
    verdict=$(score "$dir")
    printf 'mutation: %s\n' "$verdict"
    if grep -q '^FAIL' <<<"$verdict"; then
      failed=1
    fi
  fi
}

if [ "${#core[@]}" -gt 0 ]; then
  mutate=()
  for f in "${core[@]}"; do
    mutate+=(--mutate "**/${f#src/PeeringLint.Core/}")
  done
  # When the parsers run too, Core gets its share of the budget by its number of files.
  seconds=$budget
  if [ "${#parsers[@]}" -gt 0 ]; then
    seconds=$(( budget * ${#core[@]} / (${#core[@]} + ${#parsers[@]}) ))
    [ "$seconds" -lt 240 ] && seconds=240
  fi
  status=$(run_stryker "$out/core" "$seconds" "${mutate[@]}")
  echo "mutation: Core, ${#core[@]} file(s), $((SECONDS - start)) s, exit $status"
  judge "$status" "$out/core"
fi

if [ "${#parsers[@]}" -gt 0 ]; then
  mutate=()
  for f in "${parsers[@]}"; do
    mutate+=(--mutate "**/${f#src/PeeringLint.Parsers/}")
  done
  seconds=$(( budget - (SECONDS - start) ))
  [ "$seconds" -lt 240 ] && seconds=240
  t0=$SECONDS
  status=$(run_stryker "$out/parsers" "$seconds" --project PeeringLint.Parsers.csproj "${mutate[@]}" --test-case-filter "$parsers_filter")
  echo "mutation: Parsers, ${#parsers[@]} file(s), $((SECONDS - t0)) s, exit $status"
  judge "$status" "$out/parsers"
fi

if [ "$failed" -ne 0 ]; then
  echo "mutation score below the threshold on the changed files (or Stryker failed); see the survivors above" >&2
  exit 1
fi
if [ "$timedout" -ne 0 ]; then
  # Over the budget the step gives no verdict rather than fail the build on a loaded machine; it says so loudly.
  # PEERINGLINT_MUTATION_STRICT=1 makes it a failure.
  echo "mutation: WARNING: did not finish within ${budget} s; no verdict on some changed files" >&2
  [ "${PEERINGLINT_MUTATION_STRICT:-0}" = 1 ] && exit 1
fi
exit 0
