#!/usr/bin/env bash
# check-tool.sh - proves the CLI ships as a working .NET tool: packs src/PeeringLint.Cli as the RID-specific tool
# packages of a release (-p:PeeringLintRidPackages=true: the pointer package PeeringLint, ReadyToRun packages for
# linux-x64, linux-arm64, osx-arm64 and win-x64, the portable fallback PeeringLint.any), checks what each carries,
# installs PeeringLint into a fresh temporary tool path (the .NET CLI picks this machine's package), and runs the
# installed `peeringlint` on the broken example (expects exit code 1 and a PL2001 finding). Every package restores
# from the NuGet feed (runtime, apphost and crossgen2 packs included). Quiet on success except one summary line.
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
dotnet pack "$repo/src/PeeringLint.Cli" -c Release -o "$work/artifacts" -p:PeeringLintRidPackages=true --nologo >"$log" 2>&1 || fail "dotnet pack"
pkg="$(ls "$work"/artifacts/PeeringLint.[0-9]*.nupkg 2>/dev/null | head -n 1)"
[ -n "$pkg" ] || fail "no PeeringLint.<version>.nupkg produced"
version="$(basename "$pkg" .nupkg)"; version="${version#PeeringLint.}"
rids="linux-x64 linux-arm64 osx-arm64 win-x64 any"
# Listed to files first: under pipefail, `unzip | grep -q` fails when grep stops reading early (SIGPIPE).
unzip -p "$pkg" tools/any/any/DotnetToolSettings.xml >"$work/pointer.xml" || fail "the pointer package has no DotnetToolSettings.xml"
for rid in $rids; do
  rpkg="$work/artifacts/PeeringLint.$rid.$version.nupkg"
  [ -f "$rpkg" ] || fail "no PeeringLint.$rid.$version.nupkg produced"
  grep -q "RuntimeIdentifier=\"$rid\" Id=\"PeeringLint.$rid\"" "$work/pointer.xml" || fail "the pointer package does not list PeeringLint.$rid"
  unzip -l "$rpkg" >"$work/contents-$rid.txt"
  grep -q "tools/net10.0/$rid/Sarif.dll" "$work/contents-$rid.txt" || fail "PeeringLint.$rid does not carry Sarif.dll"
done
# ReadyToRun code makes the RID-specific assemblies larger than the portable ones (IL only).
size() { awk -v f="$2" '$4 == f { print $1 }' "$work/contents-$1.txt"; }
for rid in linux-x64 linux-arm64 osx-arm64 win-x64; do
  [ "$(size "$rid" "tools/net10.0/$rid/PeeringLint.Core.dll")" -gt "$(size any tools/net10.0/any/PeeringLint.Core.dll)" ] \
    || fail "PeeringLint.$rid's PeeringLint.Core.dll is not larger than the portable one (no ReadyToRun code?)"
done

# A private NuGet cache: a package with the same version installed earlier must not be reused.
export NUGET_PACKAGES="$work/nuget-packages"
dotnet tool install PeeringLint --version "$version" --tool-path "$work/tools" --add-source "$work/artifacts" \
  --ignore-failed-sources >"$log" 2>&1 || fail "dotnet tool install"
host="$(dotnet --info | awk '/^ RID:/ { print $2; exit }')"
case " $rids " in
  *" $host "*) installed="$host" ;;
  *) installed="any" ;;
esac
[ -d "$work/tools/.store/peeringlint/$version/peeringlint.$installed" ] || fail "dotnet tool install did not pick PeeringLint.$installed on $host"

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

echo "check-tool: ok: PeeringLint $version packs for $rids, installs PeeringLint.$installed into a clean tool path and reports PL2001 (exit 1, text and SARIF)"
