#!/usr/bin/env bash
# check-tool.sh - proves the CLI ships as a working .NET tool: packs src/PeeringLint.Cli, installs the
# package into a fresh temporary tool path, and runs the installed `peeringlint` on the broken example
# (expects exit code 1 and a PL2001 finding). Quiet on success except one summary line.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
log="$work/log.txt"

fail() {
  echo "check-tool: FAILED: $1" >&2
  [ -s "$log" ] && tail -n 40 "$log" >&2
  exit 1
}

# Pack into a private folder so that stale packages in artifacts/ cannot be picked up.
dotnet pack "$repo/src/PeeringLint.Cli" -c Release -o "$work/artifacts" --nologo >"$log" 2>&1 || fail "dotnet pack"
pkg="$(ls "$work"/artifacts/PeeringLint.*.nupkg 2>/dev/null | head -n 1)"
[ -n "$pkg" ] || fail "no PeeringLint.*.nupkg produced"
version="$(basename "$pkg" .nupkg)"; version="${version#PeeringLint.}"
# Listed to a file first: under pipefail, `unzip | grep -q` fails when grep stops reading early (SIGPIPE).
unzip -l "$pkg" >"$work/contents.txt"
grep -q "tools/net10.0/any/Sarif.dll" "$work/contents.txt" || fail "the package does not carry Sarif.dll"

# A private NuGet cache: a package with the same version installed earlier must not be reused.
export NUGET_PACKAGES="$work/nuget-packages"
dotnet tool install PeeringLint --version "$version" --tool-path "$work/tools" --add-source "$work/artifacts" \
  --ignore-failed-sources >"$log" 2>&1 || fail "dotnet tool install"

set +e
(cd "$repo" && "$work/tools/peeringlint" lint examples/nextwork-peering-broken.yaml --no-color >"$work/out.txt" 2>"$work/err.txt")
rc=$?
(cd "$repo" && "$work/tools/peeringlint" lint examples/nextwork-peering-broken.yaml --format sarif >"$work/out.sarif" 2>>"$work/err.txt")
src=$?
set -e
cp "$work/out.txt" "$log"; cat "$work/err.txt" >>"$log"
[ "$rc" -eq 1 ] || fail "installed peeringlint exited $rc, expected 1"
grep -q "PL2001" "$work/out.txt" || fail "the output does not name PL2001"
[ "$src" -eq 1 ] || fail "installed peeringlint --format sarif exited $src, expected 1"
grep -q '"ruleId": "PL2001"' "$work/out.sarif" || fail "the installed tool's SARIF has no PL2001 result (Sarif.dll missing?)"

echo "check-tool: ok: PeeringLint $version packs, installs into a clean tool path and reports PL2001 (exit 1, text and SARIF)"
