#!/usr/bin/env bash
# Issue 21: `dotnet format` is a real client of the code fixes. On a copy of samples/CdkPeering that consumes the
# locally built analyzer and code fixes, apply PL1002, PL2001 and PL4002 in ONE invocation, then rebuild: each fix
# provider must return a Fix All action (no "didn't return a Fix All action"), the C# diagnostics of those ids are
# gone, the project still compiles, and the AdditionalFiles template is left untouched.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
start=$(date +%s)
failures=0
fail() { echo "FAIL $1"; failures=$((failures + 1)); }

app="$work/CdkPeering"
mkdir -p "$app"
cp -r samples/CdkPeering/. "$app/"
rm -rf "$app/bin" "$app/obj"
cp global.json "$work/"
cat >"$app/CdkPeering.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Amazon.CDK.Lib" Version="2.160.0" />
    <PackageReference Include="Constructs" Version="10.0.5" />
  </ItemGroup>
  <ItemGroup>
    <ProjectReference Include="$root/src/PeeringLint.Analyzers/PeeringLint.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="$root/src/PeeringLint.Analyzers.CodeFixes/PeeringLint.Analyzers.CodeFixes.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <AdditionalFiles Include="network/**/*.yaml;network/**/*.json" />
  </ItemGroup>
</Project>
XML

ids='PL1002|PL2001|PL4002'
echo "== build the copy (before)"
dotnet build "$app" --no-incremental -nologo -v:q -clp:NoSummary >"$work/before.log" 2>&1 || { cat "$work/before.log"; exit 1; }
grep -E "Program\.cs\([0-9,]+\): warning ($ids)" "$work/before.log" | sed "s|$work/||g" | sort -u || true
before=$(grep -E "Program\.cs\([0-9,]+\): warning ($ids)" "$work/before.log" | sort -u | wc -l)
[ "$before" -gt 0 ] || fail "the sample has no C# $ids diagnostic to fix"

echo "== dotnet format analyzers --diagnostics PL1002 PL2001 PL4002"
cp "$app/network/broken.yaml" "$work/broken.yaml.orig"
dotnet format analyzers "$app/CdkPeering.csproj" --diagnostics PL1002 PL2001 PL4002 --severity info -v normal >"$work/format.log" 2>&1 || { cat "$work/format.log"; exit 1; }
grep -E "Unable to fix|Fix All|Formatted" "$work/format.log" | sed "s|$work/||g" || true
if grep -q "Unable to fix" "$work/format.log"; then
    fail "a fix provider did not return a Fix All action"
fi
diff -u samples/CdkPeering/Program.cs "$app/Program.cs" | sed "s|$work/||g" || true
cmp -s samples/CdkPeering/Program.cs "$app/Program.cs" && fail "dotnet format changed nothing in Program.cs"
cmp -s "$work/broken.yaml.orig" "$app/network/broken.yaml" || fail "dotnet format modified the template"

echo "== rebuild the fixed copy"
if ! dotnet build "$app" --no-incremental -nologo -v:q -clp:NoSummary >"$work/after.log" 2>&1; then
    cat "$work/after.log"
    fail "the fixed project does not compile"
fi
if grep -E "Program\.cs\([0-9,]+\): warning ($ids)" "$work/after.log" | sed "s|$work/||g" | sort -u | grep .; then
    fail "fixed diagnostics are still reported"
fi
if grep -qE 'AD0001|CS8032|CS9057|PL0002' "$work/after.log"; then
    fail "the analyzer did not load or threw"
fi

echo "format-fixes: $before C# diagnostics before, $(( $(date +%s) - start )) s"
if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "ok   dotnet format applied PL1002, PL2001 and PL4002 together; the project compiles without them"
