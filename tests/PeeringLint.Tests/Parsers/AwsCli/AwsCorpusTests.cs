using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Model;
using Xunit;

namespace PeeringLint.Tests.Parsers.AwsCli;

/// <summary>
/// Every snapshot of the real-data corpus (tests/Fixtures/corpus/aws-json, see MANIFEST.md) loads without
/// errors, and the expected number of elements is read. The numbers were counted in the JSON files
/// (distinct ids per snapshot; placebo calls of one operation united; classic-link-only VPC lists excluded),
/// so a snapshot that is silently skipped fails here.
/// </summary>
public sealed class AwsCorpusTests
{
    /// <summary>Snapshot folder → (VPCs, route tables, peering connections, security groups, instances).</summary>
    private static readonly Dictionary<string, (int Vpcs, int RouteTables, int Peerings, int Groups, int Instances)> Expected = new(StringComparer.Ordinal)
    {
        ["batfish/fragments"] = (1, 1, 3, 10, 2),
        ["batfish/hybrid-cloud-aws"] = (4, 5, 0, 11, 4),
        ["batfish/ipsec-vpn-host-aws-cisco"] = (1, 1, 0, 1, 0),
        ["batfish/load_vendor_configurations"] = (1, 1, 0, 3, 1),
        ["batfish/parsing-unit-tests"] = (0, 0, 0, 0, 0),
        ["batfish/test"] = (2, 0, 0, 2, 2),
        ["batfish/test-direct-connect-gateway"] = (2, 2, 0, 1, 1),
        ["batfish/test-direct-connect-gateway-multi-region"] = (0, 0, 0, 0, 0),
        ["batfish/test-direct-connect-private-vif"] = (1, 1, 0, 1, 1),
        ["batfish/test-load-balancer"] = (1, 2, 0, 3, 3),
        ["batfish/test-multi-account"] = (2, 0, 0, 0, 0),
        ["batfish/test-nat-gateway"] = (1, 3, 0, 3, 3),
        ["batfish/test-public-private-subnet"] = (1, 2, 0, 3, 2),
        ["batfish/test-public-subnet"] = (1, 2, 0, 2, 1),
        ["batfish/test-subnet"] = (1, 1, 0, 3, 2),
        ["batfish/test-transit-gateway"] = (2, 2, 0, 5, 4),
        ["batfish/test-transit-gateway-asymmetric-paths"] = (2, 4, 0, 4, 2),
        ["batfish/test-transit-gateway-multi-account"] = (2, 4, 0, 4, 4),
        ["batfish/test-transit-gateway-multi-table"] = (2, 2, 0, 5, 3),
        ["batfish/test-transit-gateway-peering"] = (3, 6, 0, 6, 3),
        ["batfish/test-vpc-endpoint-gateway"] = (1, 3, 0, 2, 2),
        ["batfish/test-vpc-endpoint-interface"] = (1, 2, 0, 2, 2),
        ["batfish/test-vpc-peering"] = (3, 3, 2, 6, 3),
        ["batfish/test-vpc-peering-multi-account"] = (2, 4, 3, 4, 3),
        ["batfish/test-vpn-gateway"] = (1, 1, 0, 3, 1),
        ["botocore-examples/ec2"] = (1, 1, 0, 0, 0),
        ["cloud-custodian-placebo/ec2_igw_subnet"] = (0, 4, 0, 0, 5),
        ["cloud-custodian-placebo/ec2_security_group_filter_multi_enis"] = (0, 0, 0, 2, 3),
        ["cloud-custodian-placebo/sg_used_cross_ref"] = (0, 0, 0, 4, 0),
        ["cloud-custodian-placebo/test_cross_az_nat_gateway_route_filter"] = (0, 13, 0, 0, 0),
        ["cloud-custodian-placebo/test_ec2_default_vpc"] = (1, 0, 0, 0, 1),
        ["cloud-custodian-placebo/test_eip_used_by"] = (0, 0, 0, 0, 0),
        ["cloud-custodian-placebo/test_elasticip_get_resources"] = (0, 0, 0, 0, 0),
        ["cloud-custodian-placebo/test_eni_private_subnet"] = (0, 13, 0, 0, 0),
        ["cloud-custodian-placebo/test_eni_public_subnet"] = (0, 4, 0, 0, 0),
        ["cloud-custodian-placebo/test_fsx_public_subnet"] = (0, 13, 0, 0, 0),
        ["cloud-custodian-placebo/test_internet_gateway_delete_with_dependencies"] = (0, 0, 0, 0, 0),
        ["cloud-custodian-placebo/test_network_acl_s3_missing"] = (0, 0, 0, 0, 0),
        ["cloud-custodian-placebo/test_network_acl_s3_present"] = (0, 0, 0, 0, 0),
        ["cloud-custodian-placebo/test_network_interface_detach"] = (0, 0, 0, 0, 1),
        ["cloud-custodian-placebo/test_network_location_match_in_triple_intersect"] = (0, 0, 0, 1, 0),
        ["cloud-custodian-placebo/test_only_ports_and_cidr_ingress"] = (0, 0, 0, 19, 0),
        ["cloud-custodian-placebo/test_peer_cross_account"] = (0, 0, 1, 0, 0),
        ["cloud-custodian-placebo/test_peer_miss_route_filter"] = (0, 4, 1, 0, 0),
        ["cloud-custodian-placebo/test_peer_miss_route_filter_not_found"] = (0, 4, 1, 0, 0),
        ["cloud-custodian-placebo/test_peer_miss_route_filter_one"] = (0, 4, 1, 0, 0),
        ["cloud-custodian-placebo/test_release_attached_ec2"] = (0, 0, 0, 0, 0),
        ["cloud-custodian-placebo/test_rt_subnet_filter"] = (0, 4, 0, 0, 0),
        ["cloud-custodian-placebo/test_security_group_cidr_ingress_list"] = (0, 0, 0, 3, 0),
        ["cloud-custodian-placebo/test_security_group_default_vpc_filter"] = (1, 0, 0, 3, 0),
        ["cloud-custodian-placebo/test_security_group_perm_expand"] = (0, 0, 0, 4, 0),
        ["cloud-custodian-placebo/test_security_group_port_in_range"] = (0, 0, 0, 1, 0),
        ["cloud-custodian-placebo/test_security_group_reference_egress_filter"] = (0, 0, 0, 2, 0),
        ["cloud-custodian-placebo/test_security_group_reference_ingress_filter"] = (0, 0, 0, 2, 0),
        ["cloud-custodian-placebo/test_security_group_self_reference"] = (0, 0, 0, 42, 0),
        ["cloud-custodian-placebo/test_security_group_stale"] = (0, 0, 0, 1, 0),
        ["cloud-custodian-placebo/test_security_group_used"] = (0, 0, 0, 7, 0),
        ["cloud-custodian-placebo/test_vpc_by_security_group"] = (3, 0, 0, 3, 0),
        ["cloud-custodian-placebo/test_vpc_scenario_2"] = (1, 0, 0, 0, 0),
        ["cloudmapper/demo"] = (1, 0, 0, 8, 3),
        ["pybatfish/hybrid-cloud"] = (4, 4, 0, 8, 4),
    };

    /// <summary>Snapshots that hold no file PeeringLint reads (none since transit gateways are read: the Direct Connect multi-region snapshot's TGW files are inputs).</summary>
    private static readonly HashSet<string> NothingToLint = new(StringComparer.Ordinal);

    public static IEnumerable<object[]> Snapshots() => Expected.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(k => new object[] { k });

    [Fact]
    public void EverySnapshotFolderIsListed()
    {
        var onDisk = new List<string>();
        foreach (var group in Directory.GetDirectories(AwsTestKit.Corpus))
        {
            foreach (var snap in Directory.GetDirectories(group))
            {
                onDisk.Add(Path.GetFileName(group) + "/" + Path.GetFileName(snap));
            }
        }

        Assert.Equal(Expected.Keys.OrderBy(k => k, StringComparer.Ordinal), onDisk.OrderBy(k => k, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void SnapshotLoadsWithExpectedCounts(string snapshot)
    {
        var result = AwsTestKit.LoadFolder(Path.Combine(AwsTestKit.Corpus, snapshot));
        var errors = AwsTestKit.Errors(result);
        if (NothingToLint.Contains(snapshot))
        {
            // Only transit and Direct Connect gateways: no file is an input, which is an input error, never a pass.
            Assert.StartsWith("nothing to lint: none of the", Assert.Single(errors).Message);
            Assert.NotEmpty(result.SkippedFiles);
            errors = Array.Empty<InputProblem>();
        }

        Assert.True(errors.Count == 0, AwsTestKit.Dump(errors));
        var m = result.Model;
        var expected = Expected[snapshot];
        Assert.Equal(expected, (m.Vpcs.Count, m.RouteTables.Count, m.PeeringConnections.Count, m.SecurityGroups.Count, m.Instances.Count));
    }

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void RulesRunOnSnapshotWithoutFailures(string snapshot)
    {
        var result = AwsTestKit.LoadFolder(Path.Combine(AwsTestKit.Corpus, snapshot));
        var lint = LintEngine.Run(result.Model);
        Assert.True(lint.Failures.Count == 0, string.Join(Environment.NewLine, lint.Failures));
    }

    [Fact]
    public void WholeCorpusLoadsAsOneInput()
    {
        AwsTestKit.LoadFolder(Path.Combine(AwsTestKit.Corpus, "batfish", "test")); // warm up
        var sw = Stopwatch.StartNew();
        var result = AwsTestKit.LoadFolder(AwsTestKit.Corpus);
        sw.Stop();
        Assert.Empty(AwsTestKit.Errors(result));
        var lint = LintEngine.Run(result.Model);
        Assert.Empty(lint.Failures);
    }

    [Fact]
    public void VpcPeeringSnapshotElementsAndLocations()
    {
        var result = AwsTestKit.LoadFolder(Path.Combine(AwsTestKit.Corpus, "batfish", "test-vpc-peering"));
        var m = result.Model;
        Assert.Empty(AwsTestKit.Errors(result));
        Assert.Equal((3, 3, 3, 3, 2, 6, 3, 3), (m.Vpcs.Count, m.Subnets.Count, m.RouteTables.Count, m.NetworkAcls.Count, m.PeeringConnections.Count, m.SecurityGroups.Count, m.Instances.Count, m.NetworkInterfaces.Count));
        Assert.Empty(m.InternetGateways);
        Assert.False(m.Covers(ResourceKinds.InternetGateways));
        Assert.True(m.Covers(ResourceKinds.Vpcs | ResourceKinds.RouteTables | ResourceKinds.PeeringConnections | ResourceKinds.ElasticIps));

        string dir = "tests/Fixtures/corpus/aws-json/batfish/test-vpc-peering/aws_configs/";
        var a = m.Vpcs.Single(v => v.Name == "VPC A");
        Assert.Equal("vpc-0404e08ceddf7f650", a.Id);
        Assert.Equal(dir + "Vpcs.json", a.Location.Path);
        Assert.Equal("65:3", AwsTestKit.At(a.Location));
        Assert.Equal("Vpcs[2]", a.Location.LogicalPath);
        Assert.Equal("554773406868", a.Account);
        Assert.Equal("us-east-2", a.Region); // from its subnets' zones and the peering records
        Assert.Equal(new[] { "10.10.0.0/16", "10.11.0.0/16" }, a.Ipv4Cidrs.Select(c => c.Text));
        Assert.Equal("70:19", AwsTestKit.At(a.Ipv4Cidrs[0].Location));
        Assert.Equal("Vpcs[2].CidrBlockAssociationSet[0].CidrBlock", a.Ipv4Cidrs[0].Location.LogicalPath);
        Assert.Equal(CidrAssociationState.Disassociated, a.Ipv4Cidrs[1].State);

        var tableA = m.RouteTables.Single(t => t.VpcId == a.Id);
        Assert.True(tableA.IsMain);
        var route = tableA.Routes[1];
        Assert.Equal((RouteTargetKind.VpcPeeringConnection, "pcx-0d5b836985ac8ca8c"), (route.TargetKind, route.TargetId));
        Assert.Equal("55:5", AwsTestKit.At(route.Location));
        Assert.Equal("RouteTables[1].Routes[1]", route.Location.LogicalPath);
        Assert.Equal("56:30", AwsTestKit.At(route.Destination!.Location));
        Assert.Equal(RouteTargetKind.Local, tableA.Routes[2].TargetKind);

        var blackhole = m.RouteTables[0].Routes[2];
        Assert.Equal((RouteTargetKind.InternetGateway, RouteState.Blackhole), (blackhole.TargetKind, blackhole.State));

        var pcx = m.PeeringConnections[0];
        Assert.Equal(("pcx-0d5b836985ac8ca8c", "A-C", PeeringStatus.Active), (pcx.Id, pcx.Name, pcx.Status));
        Assert.Equal("3:3", AwsTestKit.At(pcx.Location));
        Assert.Equal("37:13", AwsTestKit.At(pcx.StatusLocation!));
        Assert.Equal(("vpc-0404e08ceddf7f650", "us-east-2", "554773406868"), (pcx.Requester.VpcId, pcx.Requester.Region, pcx.Requester.OwnerId));
        Assert.Equal("192.168.0.0/16", pcx.Accepter.Ipv4Cidrs.Single().Text);
        Assert.NotNull(pcx.Accepter.Options.Location);

        var sg = m.SecurityGroups.Single(g => g.Id == "sg-065c26b39e45ae384");
        var ssh = sg.Ingress[0];
        Assert.Equal((6, 22, 22, SgPeerKind.Cidr), (ssh.Protocol, ssh.FromPort, ssh.ToPort, ssh.PeerKind));
        Assert.Equal("12:7", AwsTestKit.At(ssh.Location));
        Assert.Equal("13:18", AwsTestKit.At(ssh.Cidr!.Location));
        Assert.Equal("SecurityGroups[0].IpPermissions[0].IpRanges[0]", ssh.Location.LogicalPath);

        var self = m.SecurityGroups.Single(g => g.Id == "sg-0b47189ed64dfaab9");
        Assert.Contains(self.Ingress, r => r.PeerKind == SgPeerKind.SecurityGroup && r.GroupId == self.Id && r.Protocol == -1);
    }

    [Fact]
    public void VpcPeeringSnapshotFindings()
    {
        var result = AwsTestKit.LoadFolder(Path.Combine(AwsTestKit.Corpus, "batfish", "test-vpc-peering"));
        var lint = LintEngine.Run(result.Model);
        // VPC A (10.10.0.0/16) peers with B and C, which both use 192.168.0.0/16: reported once, on the second peering.
        // Besides that, only notes: the three launch-wizard groups admit SSH from 0.0.0.0/0 (PL4004).
        Assert.Equal(new[] { "PL4004", "PL4004", "PL4004" }, lint.Findings.Where(x => x.Severity == Severity.Note).Select(x => x.RuleId).ToArray());
        var f = Assert.Single(lint.Findings, x => x.Severity != Severity.Note);
        Assert.Equal("PL1003", f.RuleId);
        Assert.Equal("tests/Fixtures/corpus/aws-json/batfish/test-vpc-peering/aws_configs/VpcPeeringConnections.json:48:3", f.Location.ToString());
    }

    [Fact]
    public void MultiAccountPeeringIsMergedIntoOneConnection()
    {
        var result = AwsTestKit.LoadFolder(Path.Combine(AwsTestKit.Corpus, "batfish", "test-vpc-peering-multi-account"));
        var m = result.Model;
        Assert.Empty(AwsTestKit.Errors(result));
        var active = Assert.Single(m.PeeringConnections, p => p.Status == PeeringStatus.Active);
        Assert.Equal("pcx-0040f7640e10191f4", active.Id);
        Assert.Equal(("028403472736", "951601349076"), (active.Requester.OwnerId, active.Accepter.OwnerId));
        Assert.Equal(("10.1.0.0/16", "10.2.0.0/16"), (active.Requester.Ipv4Cidrs.Single().Text, active.Accepter.Ipv4Cidrs.Single().Text));

        // Each account's file gives the peering options of its own side only; the merge keeps both.
        Assert.NotNull(active.Requester.Options.Location);
        Assert.NotNull(active.Accepter.Options.Location);
        Assert.Equal(2, m.PeeringConnections.Count(p => p.Status == PeeringStatus.Deleted));

        // Records' OwnerId wins over the accounts/<id>/ folder names.
        Assert.All(m.Vpcs, v => Assert.Contains(v.Account, new[] { "028403472736", "951601349076" }));
        Assert.All(m.Vpcs, v => Assert.Equal("us-east-1", v.Region));
        // A healthy cross-account peering: nothing above a note (both groups admit SSH from anywhere: PL4004 notes).
        Assert.DoesNotContain(LintEngine.Run(m).Findings, f => f.Severity != Severity.Note);
    }

    [Fact]
    public void MultiAccountFoldersGiveTheRegion()
    {
        // accounts/111/us-west-1 and accounts/222/us-west-2: the records' OwnerId (the same in both) wins over the folder's account.
        var m = AwsTestKit.LoadFolder(Path.Combine(AwsTestKit.Corpus, "batfish", "test-multi-account")).Model;
        Assert.Equal(new[] { ("554773406868", "us-west-1"), ("554773406868", "us-west-2") }, m.Vpcs.Select(v => (v.Account!, v.Region!)).OrderBy(x => x.Item2));
    }

    [Fact]
    public void TypeRegionFileNamesGiveTheRegion()
    {
        var m = AwsTestKit.LoadFolder(Path.Combine(AwsTestKit.Corpus, "batfish", "ipsec-vpn-host-aws-cisco")).Model;
        Assert.All(m.Vpcs, v => Assert.Equal("us-west-2", v.Region));
        Assert.All(m.RouteTables, t => Assert.Equal("us-west-2", t.Region));
    }

    [Fact]
    public void PlaceboLaterCallsWinWithoutProblems()
    {
        var result = AwsTestKit.LoadFolder(Path.Combine(AwsTestKit.Corpus, "cloud-custodian-placebo", "test_release_attached_ec2"));
        Assert.Empty(AwsTestKit.Errors(result));
        Assert.DoesNotContain(result.Problems, p => p.Message.Contains("described again", StringComparison.Ordinal));
        var eip = result.Model.ElasticIps.Single(e => e.Id == "eipalloc-2da7a824");
        Assert.EndsWith("ec2.DescribeAddresses_2.json", eip.Location.Path, StringComparison.Ordinal);
        Assert.StartsWith("data.Addresses[", eip.Location.LogicalPath, StringComparison.Ordinal);
        Assert.Equal(2, result.Model.ElasticIps.Count);
        Assert.Contains(result.Problems, p => p.Severity == InputProblemSeverity.Note && p.Message.Contains("status 400", StringComparison.Ordinal));
    }

    [Fact]
    public void BotocoreExamplesAreRead()
    {
        var result = AwsTestKit.LoadFolder(Path.Combine(AwsTestKit.Corpus, "botocore-examples"));
        var vpc = Assert.Single(result.Model.Vpcs);
        Assert.StartsWith("examples.DescribeVpcs[0].output.Vpcs[0]", vpc.Location.LogicalPath, StringComparison.Ordinal);
        Assert.Empty(AwsTestKit.Errors(result));
    }
}
