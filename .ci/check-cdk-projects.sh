#!/usr/bin/env bash
# Issue 21: the analyzer on C# CDK projects nobody on this project wrote (tests/Fixtures/cdk-projects/MANIFEST.md).
# Packs PeeringLint.Analyzers as check-analyzer.sh does, builds every project of the collection against the PACKED
# analyzer in ONE `dotnet build` of cdk-projects.slnx (one restore), and checks per project:
#   - the project compiles (no CS/NU/MSB error) and the analyzer loads and never throws (no AD0001, CS8032, PL0002);
#   - the PeeringLint diagnostics are exactly those listed in its expected-diagnostics.txt (id, file:line, severity):
#     every expected one is present and nothing unexpected is reported;
#   - no error-severity diagnostic is judged false (verdict column) in the expectations.
# Expectation lines: `<id> <file>:<line> <severity> <true|false> <why>`; `#` starts a comment.
set -euo pipefail
KEEP=${KEEP:-}
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
[ -n "$KEEP" ] || trap 'rm -rf "$work"' EXIT
echo "work: $work"
start=$(date +%s)
failures=0
fail() { echo "FAIL $1"; failures=$((failures + 1)); }

echo "== pack PeeringLint.Analyzers"
version=0.0.0-cdkprojects
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/peeringlint.analyzers/$version"
dotnet pack src/PeeringLint.Analyzers.Package -nologo -v:q -p:Version=$version -o "$work/feed" >"$work/pack.log" 2>&1 || { cat "$work/pack.log"; exit 1; }

# A copy, so the build leaves no bin/obj in the repository and finds the local feed.
col="$work/cdk-projects"
cp -r tests/Fixtures/cdk-projects "$col"
find "$col" -name bin -o -name obj | xargs rm -rf
cp global.json "$work/"
cat >"$col/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML

echo "== dotnet build cdk-projects.slnx (PeeringLint.Analyzers $version)"
log="$work/build.log"
mkdir -p "$work/sarif"
# Error-severity PL diagnostics fail a project's build; that is expected, the log is what is checked.
dotnet build "$col/cdk-projects.slnx" --no-incremental -nologo -v:q -clp:NoSummary -m:2 \
    -p:PeeringLintVersion=$version -p:PeeringLintSarifDir="$work/sarif" >"$log" 2>&1 || true
sed -i "s|$col/||g" "$log"

if grep -E ': error (CS|NU|MSB|NETSDK)[0-9]+' "$log" | sort -u | grep .; then
    fail "a project of the collection does not compile or restore"
fi
if grep -E 'AD0001|CS8032|CS9057|PL0002' "$log" | sort -u | grep .; then
    fail "the analyzer did not load or threw"
fi

# "<project> <id> <file>:<line> <level>" for every PL diagnostic, from each project's SARIF log (levels: error,
# warning, note), with the file relative to the project folder.
: >"$work/actual.txt"
for sarif in "$work"/sarif/*.sarif; do
    jq -r --arg col "$col/" '.runs[].results[] | select(.ruleId | test("^(PL|AD)[0-9]{4}$"))
        | [.ruleId, (.locations[0].physicalLocation.artifactLocation.uri | sub("^file://"; "") | sub($col; "")),
           (.locations[0].physicalLocation.region.startLine | tostring), (.level // "warning")] | @tsv' "$sarif" |
        awk -F'\t' '{ split($2, p, "/"); f = substr($2, length(p[1]) + 2); print p[1], $1, f ":" $3, $4 }' >>"$work/actual.txt"
done
sort -u -o "$work/actual.txt" "$work/actual.txt"
if grep -E ' (AD0001|PL0002) ' "$work/actual.txt"; then
    fail "the analyzer threw or failed on part of a project"
fi
sed 's/^/     /' "$work/actual.txt"

projects=0
for dir in "$col"/*/; do
    project=$(basename "$dir")
    ls "$dir"*.csproj >/dev/null 2>&1 || continue
    projects=$((projects + 1))
    expectations="$dir/expected-diagnostics.txt"
    if [ ! -f "$expectations" ]; then
        fail "$project: no expected-diagnostics.txt"
        continue
    fi
    awk -v p="$project" '!/^[[:space:]]*(#|$)/ {print p, $1, $2, $3}' "$expectations" | sort -u >"$work/expected-$project.txt"
    grep -E "^$project " "$work/actual.txt" >"$work/actual-$project.txt" || true
    missing=$(comm -23 "$work/expected-$project.txt" "$work/actual-$project.txt")
    unexpected=$(comm -13 "$work/expected-$project.txt" "$work/actual-$project.txt")
    [ -z "$missing" ] || fail "$project: expected but not reported: $(tr '\n' ';' <<<"$missing")"
    [ -z "$unexpected" ] || fail "$project: reported but not expected: $(tr '\n' ';' <<<"$unexpected")"
    false_errors=$(awk '!/^[[:space:]]*(#|$)/ && $3 == "error" && $4 != "true"' "$expectations")
    [ -z "$false_errors" ] || fail "$project: error-severity diagnostic not judged true: $false_errors"
    count=$(wc -l <"$work/actual-$project.txt")
    [ -n "$missing$unexpected" ] || echo "ok   $project: $count PeeringLint diagnostic(s), as expected"
done

echo "cdk-projects: $projects projects, $(wc -l <"$work/actual.txt") diagnostics, $(( $(date +%s) - start )) s"
if [ "$failures" -ne 0 ]; then
    echo "check-cdk-projects: $failures check(s) failed" >&2
    exit 1
fi
echo "check-cdk-projects: all checks passed"
