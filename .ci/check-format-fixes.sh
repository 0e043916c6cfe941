#!/usr/bin/env bash
# Issue 21: `dotnet format` is a real client of the code fixes. On a copy of samples/CdkPeering (plus an L2 stack with
# a PL4002) that consumes the locally built analyzer and code fixes, apply PL1002, PL2001 and PL4002 in ONE invocation, then rebuild: each fix
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

# The sample has no PL4002: a second stack beside it (the tutorial with L2 constructs, VPC 2's group admitting nothing
# from VPC 1) gives the third fix something to do in the same run.
cat >"$app/TutorialL2.cs" <<'CS'
using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Constructs;

namespace CdkPeering;

public sealed class TutorialL2Stack : Stack
{
    public TutorialL2Stack(Construct scope, string id) : base(scope, id)
    {
        var vpc1 = new Vpc(this, "L2-1", new VpcProps { IpAddresses = IpAddresses.Cidr("10.11.0.0/16"), MaxAzs = 1, SubnetConfiguration = new[] { new SubnetConfiguration { Name = "Public", SubnetType = SubnetType.PUBLIC, CidrMask = 24 } } });
        var vpc2 = new Vpc(this, "L2-2", new VpcProps { IpAddresses = IpAddresses.Cidr("10.12.0.0/16"), MaxAzs = 1, SubnetConfiguration = new[] { new SubnetConfiguration { Name = "Public", SubnetType = SubnetType.PUBLIC, CidrMask = 24 } } });
        var peering = new CfnVPCPeeringConnection(this, "L2 peering", new CfnVPCPeeringConnectionProps { VpcId = vpc1.VpcId, PeerVpcId = vpc2.VpcId });
        new CfnRoute(this, "L2-1ToL2-2", new CfnRouteProps { RouteTableId = vpc1.PublicSubnets[0].RouteTable.RouteTableId, DestinationCidrBlock = "10.12.0.0/16", VpcPeeringConnectionId = peering.Ref });
        foreach (var subnet in vpc2.PublicSubnets)
        {
            new CfnRoute(this, "L2-2ToL2-1" + subnet.Node.Id, new CfnRouteProps { RouteTableId = subnet.RouteTable.RouteTableId, DestinationCidrBlock = "10.11.0.0/16", VpcPeeringConnectionId = peering.Ref });
        }

        var sg1 = new SecurityGroup(this, "L2Sg1", new SecurityGroupProps { Vpc = vpc1 });
        sg1.AddIngressRule(Peer.Ipv4("10.12.0.0/16"), Port.AllIcmp());
        new Instance_(this, "L2Instance1", new InstanceProps { Vpc = vpc1, SecurityGroup = sg1, VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PUBLIC }, InstanceType = new InstanceType("t2.micro"), MachineImage = MachineImage.LatestAmazonLinux2() });
        var sg2 = new SecurityGroup(this, "L2Sg2", new SecurityGroupProps { Vpc = vpc2 });
        new Instance_(this, "L2Instance2", new InstanceProps { Vpc = vpc2, SecurityGroup = sg2, VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PUBLIC }, InstanceType = new InstanceType("t2.micro"), MachineImage = MachineImage.LatestAmazonLinux2() });
    }
}
CS
cp "$app/TutorialL2.cs" "$work/TutorialL2.cs.orig"

ids='PL1002|PL2001|PL4002'
echo "== build the copy (before)"
dotnet build "$app" --no-incremental -nologo -v:q -clp:NoSummary >"$work/before.log" 2>&1 || { cat "$work/before.log"; exit 1; }
grep -E "\.cs\([0-9,]+\): warning ($ids)" "$work/before.log" | sed "s|$work/||g" | sort -u || true
before=$(grep -E "\.cs\([0-9,]+\): warning ($ids)" "$work/before.log" | sort -u | wc -l)
for id in PL1002 PL2001 PL4002; do
    grep -qE "\.cs\([0-9,]+\): warning $id" "$work/before.log" || fail "no C# $id diagnostic to fix"
done

echo "== dotnet format analyzers --diagnostics PL1002 PL2001 PL4002"
cp "$app/network/broken.yaml" "$work/broken.yaml.orig"
dotnet format analyzers "$app/CdkPeering.csproj" --diagnostics PL1002 PL2001 PL4002 --severity info -v normal >"$work/format.log" 2>&1 || { cat "$work/format.log"; exit 1; }
grep -E "Unable to fix|Fix All|Formatted" "$work/format.log" | sed "s|$work/||g" || true
if grep -q "Unable to fix" "$work/format.log"; then
    fail "a fix provider did not return a Fix All action"
fi
diff -u samples/CdkPeering/Program.cs "$app/Program.cs" | sed "s|$work/||g" || true
diff -u "$work/TutorialL2.cs.orig" "$app/TutorialL2.cs" | sed "s|$work/||g" || true
cmp -s samples/CdkPeering/Program.cs "$app/Program.cs" && fail "dotnet format changed nothing in Program.cs"
cmp -s "$work/TutorialL2.cs.orig" "$app/TutorialL2.cs" && fail "dotnet format changed nothing in TutorialL2.cs (PL4002)"
cmp -s "$work/broken.yaml.orig" "$app/network/broken.yaml" || fail "dotnet format modified the template"

echo "== rebuild the fixed copy"
if ! dotnet build "$app" --no-incremental -nologo -v:q -clp:NoSummary >"$work/after.log" 2>&1; then
    cat "$work/after.log"
    fail "the fixed project does not compile"
fi
if grep -E "\.cs\([0-9,]+\): warning ($ids)" "$work/after.log" | sed "s|$work/||g" | sort -u | grep .; then
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
