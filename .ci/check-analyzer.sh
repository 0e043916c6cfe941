#!/usr/bin/env bash
# Issue 8 end-to-end check: the CDK sample's `dotnet build` shows the PL diagnostics at the right C# and template
# lines, and a project consuming the packed PeeringLint.Analyzers nupkg from a local folder gets the same.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

expect() { # expect LOG PATTERN DESCRIPTION
    if grep -qE "$2" "$1"; then
        echo "ok   $3"
    else
        echo "FAIL $3 (no line matching: $2)"
        failures=$((failures + 1))
    fi
}

echo "== dotnet build samples/CdkPeering"
log="$work/sample.log"
dotnet build samples/CdkPeering --no-incremental -nologo -v:q -clp:NoSummary >"$log" 2>&1 || { cat "$log"; exit 1; }
grep -E 'PL[0-9]{4}|AD0001|CS8032|CS9057' "$log" | sed "s|$root/||g" | sort -u || true
expect "$log" 'CdkPeering/Program\.cs\(47,110\): warning PL1002:' "typo route (C# line 47)"
expect "$log" 'CdkPeering/Program\.cs\(50,110\): warning PL2001:' "missing return route (C# line 50)"
expect "$log" 'CdkPeering/Program\.cs\(54,9\): warning PL1001:' "overlapping third VPC (C# line 54)"
expect "$log" 'network/broken\.yaml\(16,28\): warning PL1002:' "template typo route (YAML line 16)"
expect "$log" 'network/broken\.yaml\(30,28\): warning PL2001:' "template missing return route (YAML line 30)"
expect "$log" 'network/broken\.yaml\(16,13\): warning PL2003:' "template pending peering (YAML line 16)"
expect "$log" 'network/broken\.yaml\(15,13\): warning PL9001:' "template intent: ping blocked at the route table (YAML line 15)"
if grep -qE 'AD0001|CS8032|CS9057' "$log"; then
    echo "FAIL the analyzer did not load or threw"
    failures=$((failures + 1))
fi

echo "== pack PeeringLint.Analyzers and consume it from a local folder"
version=0.0.0-check
rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}/peeringlint.analyzers/$version"
dotnet pack src/PeeringLint.Analyzers.Package -nologo -v:q -p:Version=$version -o "$work/feed" >"$work/pack.log" 2>&1 || { cat "$work/pack.log"; exit 1; }
unzip -l "$work/feed/PeeringLint.Analyzers.$version.nupkg" | grep -E 'analyzers/dotnet/cs/' | awk '{print $4}'
for dll in PeeringLint.Analyzers PeeringLint.Analyzers.CodeFixes PeeringLint.Core PeeringLint.Parsers YamlDotNet; do
    expect <(unzip -l "$work/feed/PeeringLint.Analyzers.$version.nupkg") "analyzers/dotnet/cs/$dll\.dll" "package contains $dll.dll"
done

consumer="$work/consumer"
mkdir -p "$consumer/network"
cp samples/CdkPeering/network/broken.yaml "$consumer/network/broken.yaml"
cat >"$consumer/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$work/feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
cat >"$consumer/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="PeeringLint.Analyzers" Version="$version" PrivateAssets="all" />
    <PackageReference Include="Amazon.CDK.Lib" Version="2.160.0" />
    <PackageReference Include="Constructs" Version="10.0.5" />
    <AdditionalFiles Include="network/**/*.yaml" />
  </ItemGroup>
</Project>
XML
cat >"$consumer/Stack.cs" <<'CS'
using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Constructs;

namespace Consumer;

public sealed class PeeringStack : Stack
{
    public PeeringStack(Construct scope, string id)
        : base(scope, id)
    {
        var vpc1 = new CfnVPC(this, "NextWork-1-vpc", new CfnVPCProps { CidrBlock = "10.1.0.0/16" });
        var vpc2 = new CfnVPC(this, "NextWork-2-vpc", new CfnVPCProps { CidrBlock = "10.2.0.0/16" });
        var rtb1 = new CfnRouteTable(this, "NextWork-1-rtb-public", new CfnRouteTableProps { VpcId = vpc1.Ref });
        var peering = new CfnVPCPeeringConnection(this, "VPC 1 <> VPC 2", new CfnVPCPeeringConnectionProps { VpcId = vpc1.Ref, PeerVpcId = vpc2.Ref });
        new CfnRoute(this, "Rtb1ToVpc2", new CfnRouteProps { RouteTableId = rtb1.Ref, DestinationCidrBlock = "10.1.0.0/16", VpcPeeringConnectionId = peering.Ref });
    }
}
CS
clog="$work/consumer.log"
# PL1002 is an error by default: the build is expected to fail with it.
dotnet build "$consumer/Consumer.csproj" -nologo -v:q -clp:NoSummary >"$clog" 2>&1 || true
grep -E 'PL[0-9]{4}|AD0001|CS8032|error NU' "$clog" | sed "s|$work/||g" | sort -u || true
expect "$clog" 'consumer/Stack\.cs\(16,110\): error PL1002:' "nupkg consumer: typo route in C# (line 16)"
expect "$clog" 'network/broken\.yaml\(16,28\): error PL1002:' "nupkg consumer: typo route in the template (line 16)"
if grep -qE 'AD0001|CS8032' "$clog"; then
    echo "FAIL the packaged analyzer did not load or threw"
    failures=$((failures + 1))
fi

if [ "$failures" -ne 0 ]; then
    echo "check-analyzer: $failures check(s) failed"
    exit 1
fi
echo "check-analyzer: all checks passed"
