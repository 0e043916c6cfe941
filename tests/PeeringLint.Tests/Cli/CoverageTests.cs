using System.Linq;
using System.Text.Json;
using PeeringLint.Engine;
using Xunit;

namespace PeeringLint.Tests.Cli;

/// <summary>Issue 14 class 2: --verbose, JSON and SARIF say which facts the input did not give (docs/unknowns.md).</summary>
public sealed class CoverageTests
{
    private const string Peering =
        "Parameters:\n  PeerVpc: {Type: String}\nResources:\n" +
        "  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.2.0.0/16}}\n" +
        "  Pcx: {Type: AWS::EC2::VPCPeeringConnection, Properties: {VpcId: !Ref Vpc, PeerVpcId: !Ref PeerVpc}}\n" +
        "  Known: {Type: AWS::EC2::VPCPeeringConnection, Properties: {VpcId: !Ref Vpc, PeerVpcId: vpc-0123456789abcdef0, PeerOwnerId: '111122223333'}}\n";

    [Fact]
    public void Json_lists_what_the_inputs_describe_and_the_peer_vpcs_outside_them()
    {
        using var dir = new TempFolder();
        dir.Write("peering.yaml", Peering);
        var r = CliRunner.Run(dir.Path, "lint", "peering.yaml", "--format", "json");
        var coverage = JsonDocument.Parse(r.Out).RootElement.GetProperty("coverage");

        var described = coverage.GetProperty("described").EnumerateArray().Select(e => e.GetString()).ToList();
        var missing = coverage.GetProperty("notDescribed").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("peering connections", described);
        Assert.Contains("security groups", missing);
        Assert.Empty(described.Intersect(missing));

        var vpc = Assert.Single(coverage.GetProperty("vpcs").EnumerateArray());
        Assert.Equal("unknown", vpc.GetProperty("securityGroups").GetString());
        Assert.Equal("unknown", vpc.GetProperty("instances").GetString());

        var outside = coverage.GetProperty("outside").EnumerateArray().ToList();
        Assert.Equal(2, outside.Count);
        Assert.Contains(outside, o => o.GetProperty("vpcId").ValueKind == JsonValueKind.Null && o.GetProperty("peering").GetString() == "Pcx");
        Assert.Contains(outside, o => o.GetProperty("vpcId").GetString() == "vpc-0123456789abcdef0" && o.GetProperty("ownerId").GetString() == "111122223333");
    }

    [Fact]
    public void A_full_export_describes_every_kind_and_counts_each_vpcs_resources()
    {
        var r = CliRunner.InRepo("lint", "examples/aws-json/nextwork-broken", "--format", "json");
        var coverage = JsonDocument.Parse(r.Out).RootElement.GetProperty("coverage");
        Assert.Empty(coverage.GetProperty("notDescribed").EnumerateArray());
        Assert.Empty(coverage.GetProperty("outside").EnumerateArray());
        Assert.All(coverage.GetProperty("vpcs").EnumerateArray(), v => Assert.Equal(1, v.GetProperty("subnets").GetInt32()));
    }

    [Fact]
    public void Verbose_says_once_what_the_rules_could_not_see()
    {
        using var dir = new TempFolder();
        dir.Write("peering.yaml", Peering);
        var r = CliRunner.Run(dir.Path, "lint", "peering.yaml", "--verbose");
        Assert.Single(r.Error.Split('\n'), l => l.StartsWith("note: the inputs do not describe ", System.StringComparison.Ordinal) && l.Contains("security groups", System.StringComparison.Ordinal));
        Assert.Contains("note: VPC vpc-0123456789abcdef0 (account 111122223333) on the other side of peering 'Known' is not in the inputs", r.Error);
        Assert.Contains("note: the VPC (not named in the input) on the other side of peering 'Pcx'", r.Error);
    }

    [Fact]
    public void Sarif_carries_the_kinds_not_described()
    {
        using var dir = new TempFolder();
        dir.Write("peering.yaml", Peering);
        var r = CliRunner.Run(dir.Path, "lint", "peering.yaml", "--format", "sarif");
        var props = JsonDocument.Parse(r.Out).RootElement.GetProperty("runs")[0].GetProperty("properties");
        Assert.Contains("security groups", props.GetProperty("peeringlint/notDescribed").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("vpc-0123456789abcdef0", props.GetProperty("peeringlint/vpcsOutsideInput").EnumerateArray().Select(e => e.GetString()));
    }
}
