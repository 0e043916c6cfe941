using System.Diagnostics;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Reachability;
using Xunit;
using Xunit.Abstractions;

namespace PeeringLint.Tests.Reachability;

public sealed class ReachabilityEngineTests
{
    private readonly ITestOutputHelper _out;

    public ReachabilityEngineTests(ITestOutputHelper output) => _out = output;

    internal static ReachabilityResult Eval(ModelIndex index, string from, string to, string protocol, int? port = null)
    {
        var q = ReachabilityQuery.Create(index, from, to, protocol, port, out var error);
        Assert.True(q is not null, error);
        return ReachabilityEngine.Evaluate(index, q!);
    }

    private static ReachabilityResult Ssh(Net n) => Eval(n.Index(), "internet", "Instance - NextWork VPC 1", "tcp", 22);

    private static ReachabilityResult Ping(Net n) => Eval(n.Index(), "Instance - NextWork VPC 1", "Instance - NextWork VPC 2", "icmp");

    [Fact]
    public void WorkingTutorial_BothIntentsReachable()
    {
        var n = Net.Tutorial();
        var ssh = Ssh(n);
        var ping = Ping(n);
        Assert.Equal(ReachabilityVerdict.Reachable, ssh.Verdict);
        Assert.Equal(ReachabilityVerdict.Reachable, ping.Verdict);
        Assert.Contains(ping.Hops, h => h.Kind == HopKind.PeeringConnection && h.Verdict == HopVerdict.Allowed);
        Assert.Contains(ping.Hops, h => h.Kind == HopKind.RouteTable && h.Direction == HopDirection.Return && h.Verdict == HopVerdict.Allowed);
        Assert.Contains(ssh.Hops, h => h.Kind == HopKind.PublicAddress && h.Verdict == HopVerdict.Allowed);
    }

    [Fact]
    public void Step5_NoPublicIp_BlocksAtInstance()
    {
        var r = Ssh(Net.Tutorial(o => { o.PublicIp = false; o.SshOpen = false; }));
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Equal(ReasonCodes.NoPublicIp, r.Code);
        Assert.Equal("i-1", r.BlockingHop!.ElementId);
        Assert.Equal(2, r.BlockingHops.Count); // the closed security group is found too
    }

    [Fact]
    public void Step6_DefaultGroupWithoutSsh_BlocksAtGroup()
    {
        var r = Ssh(Net.Tutorial(o => o.SshOpen = false));
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Equal(ReasonCodes.EniSgRulesMismatch, r.Code);
        Assert.Equal("sg-1", r.BlockingHop!.ElementId);
        Assert.Equal(HopKind.SecurityGroupIngress, r.BlockingHop.Kind);
        Assert.Contains("default security group", r.BlockingHop.Reason);
    }

    [Fact]
    public void Step7_IcmpClosed_BlocksAtInstance2Group()
    {
        var r = Ping(Net.Tutorial(o => o.IcmpOpen = false));
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Equal(ReasonCodes.EniSgRulesMismatch, r.Code);
        Assert.Equal("sg-2", r.BlockingHop!.ElementId);
        Assert.Contains("All ICMP - IPv4 from 10.1.0.0/16", r.BlockingHop.Fix);
    }

    [Fact]
    public void PendingPeering_BlocksAtPeering()
    {
        var r = Ping(Net.Tutorial(o => o.PeeringStatus = PeeringStatus.PendingAcceptance));
        Assert.Equal(ReasonCodes.BadStateVpcPeeringConnection, r.Code);
        Assert.Equal("pcx-12", r.BlockingHop!.ElementId);
        Assert.Contains("pending-acceptance", r.BlockingHop.Reason);
    }

    [Fact]
    public void TypoRoute_BlocksAtRouteTable_AndFindsFurtherBlocksOnAssumedPath()
    {
        var r = Ping(Net.Tutorial(o =>
        {
            o.Vpc1PeeringRoute = "10.1.0.0/16";
            o.PeeringStatus = PeeringStatus.PendingAcceptance;
            o.IcmpOpen = false;
        }));
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Equal(ReasonCodes.NoRouteToDestination, r.Code);
        Assert.Equal("rtb-1", r.BlockingHop!.ElementId);
        Assert.Contains("10.2.0.0/16 → pcx-12", r.BlockingHop.Fix);
        var codes = r.BlockingHops.Select(h => h.Code).ToArray();
        Assert.Equal(new[] { ReasonCodes.NoRouteToDestination, ReasonCodes.BadStateVpcPeeringConnection, ReasonCodes.EniSgRulesMismatch }, codes);
        Assert.True(r.BlockingHops[1].Assumed);
    }

    [Fact]
    public void MissingReturnRoute_BlocksOnReturnPath()
    {
        var r = Ping(Net.Tutorial(o => o.Vpc2ReturnRoute = false));
        Assert.Equal(ReasonCodes.NoRouteToSource, r.Code);
        Assert.Equal("rtb-2", r.BlockingHop!.ElementId);
        Assert.Equal(HopDirection.Return, r.BlockingHop.Direction);
        Assert.Contains("10.1.0.0/16 → pcx-12", r.BlockingHop.Fix);
    }

    [Fact]
    public void InternetSource_NeedsDefaultRouteToIgwForReplies()
    {
        var n = Net.Tutorial();
        n.B.RouteTables[0] = n.B.RouteTables[0] with { Routes = new[] { n.Route("10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-12") } };
        var r = Ssh(n);
        Assert.Equal(ReasonCodes.NoRouteToSource, r.Code);
        Assert.Equal("rtb-1", r.BlockingHop!.ElementId);
    }

    [Fact]
    public void DetachedInternetGateway_Blocks()
    {
        var n = Net.Tutorial();
        n.B.InternetGateways[0] = n.B.InternetGateways[0] with { AttachedVpcIds = new string[0] };
        var r = Ssh(n);
        Assert.Equal(ReasonCodes.IgwNotAttached, r.Code);
        var outbound = Eval(n.Index(), "i-1", "internet", "tcp", 443);
        Assert.Equal(ReasonCodes.IgwNotAttached, outbound.Code);
        Assert.Equal("igw-1", outbound.BlockingHop!.ElementId);
    }

    [Fact]
    public void InstanceToInternet_ReachableWithPublicIp_BlockedWithout()
    {
        Assert.Equal(ReachabilityVerdict.Reachable, Eval(Net.Tutorial().Index(), "i-1", "internet", "tcp", 443).Verdict);
        var r = Eval(Net.Tutorial(o => o.PublicIp = false).Index(), "i-1", "internet", "tcp", 443);
        Assert.Equal(ReasonCodes.NoPublicIp, r.Code);
    }

    [Fact]
    public void Blackhole_MoreSpecificRouteWins_LongestPrefixMatch()
    {
        var n = Net.Tutorial();
        n.B.RouteTables[0] = n.B.RouteTables[0] with
        {
            Routes = n.B.RouteTables[0].Routes.Append(n.Route("10.2.0.0/24", RouteTargetKind.VpcPeeringConnection, "pcx-gone", RouteState.Blackhole)).ToArray(),
        };
        var r = Ping(n);
        Assert.Equal(ReasonCodes.BlackholeRoute, r.Code);
        Assert.Contains("10.2.0.0/24", r.BlockingHop!.Reason);
    }

    [Fact]
    public void LongestPrefixMatch_SpecificPeeringRouteBeatsBroadIgwRoute()
    {
        var n = Net.Tutorial();
        n.B.RouteTables[0] = n.B.RouteTables[0] with
        {
            Routes = new[]
            {
                n.Route("10.0.0.0/8", RouteTargetKind.InternetGateway, "igw-1"),
                n.Route("0.0.0.0/0", RouteTargetKind.InternetGateway, "igw-1"),
                n.Route("10.2.0.0/24", RouteTargetKind.VpcPeeringConnection, "pcx-12"),
            },
        };
        Assert.Equal(ReachabilityVerdict.Reachable, Ping(n).Verdict);

        n.B.RouteTables[0] = n.B.RouteTables[0] with { Routes = n.B.RouteTables[0].Routes.Take(2).ToArray() };
        var r = Ping(n);
        Assert.Equal(ReasonCodes.NoRouteToDestination, r.Code);
        Assert.Contains("10.0.0.0/8", r.BlockingHop!.Reason);
    }

    [Fact]
    public void NoRouteAtAll_Blocks()
    {
        var n = Net.Tutorial();
        n.B.RouteTables[0] = n.B.RouteTables[0] with { Routes = new Route[0] };
        var r = Ping(n);
        Assert.Equal(ReasonCodes.NoRouteToDestination, r.Code);
        Assert.Equal(n.B.RouteTables[0].Location, r.BlockingHop!.Location);
    }

    [Fact]
    public void Peering_IsNotTransitive()
    {
        var n = Net.Tutorial();
        n.Vpc("vpc-3", "10.3.0.0/16");
        n.Subnet("subnet-3", "vpc-3", "10.3.0.0/24");
        n.Peering("pcx-23", "vpc-2", "vpc-3");
        n.DefaultGroup("sg-3", "vpc-3", n.In(-1, null, null, "10.0.0.0/8"));
        n.Instance("i-3", "subnet-3", "10.3.0.30");
        n.Table("rtb-3", "vpc-3", new[] { "subnet-3" }, n.Route("10.0.0.0/8", RouteTargetKind.VpcPeeringConnection, "pcx-23"));
        n.B.RouteTables[0] = n.B.RouteTables[0] with { Routes = new[] { n.Route("10.0.0.0/8", RouteTargetKind.VpcPeeringConnection, "pcx-12") } };
        var r = Eval(n.Index(), "i-1", "i-3", "icmp");
        Assert.Equal(ReasonCodes.PeeringNotTransitive, r.Code);
        Assert.Equal("pcx-12", r.BlockingHop!.ElementId);
    }

    [Fact]
    public void PeerVpcGroupReference_SameRegion_Allows()
    {
        var n = Net.Tutorial(o => o.IcmpOpen = false);
        n.B.SecurityGroups[1] = n.B.SecurityGroups[1] with { Ingress = new[] { n.InGroup(1, -1, -1, "sg-1", "vpc-1") } };
        Assert.Equal(ReachabilityVerdict.Reachable, Ping(n).Verdict);
    }

    [Fact]
    public void PeerVpcGroupReference_AcrossRegions_DoesNotAllow()
    {
        var n = Net.Tutorial(o => o.IcmpOpen = false);
        n.B.SecurityGroups[1] = n.B.SecurityGroups[1] with { Ingress = new[] { n.InGroup(1, -1, -1, "sg-1", "vpc-1") } };
        n.B.PeeringConnections[0] = n.B.PeeringConnections[0] with
        {
            Requester = n.B.PeeringConnections[0].Requester with { Region = "us-east-1" },
            Accepter = n.B.PeeringConnections[0].Accepter with { Region = "eu-west-1" },
        };
        var r = Ping(n);
        Assert.Equal(ReasonCodes.EniSgRulesMismatch, r.Code);
        Assert.Equal("sg-2", r.BlockingHop!.ElementId);
    }

    [Fact]
    public void GroupReference_ToGroupTheSourceIsNotIn_DoesNotAllow()
    {
        var n = Net.Tutorial(o => o.IcmpOpen = false);
        n.Group("sg-other", "vpc-1", "other", new SecurityGroupRule[0]);
        n.B.SecurityGroups[1] = n.B.SecurityGroups[1] with { Ingress = new[] { n.InGroup(1, -1, -1, "sg-other", "vpc-1") } };
        Assert.Equal(ReasonCodes.EniSgRulesMismatch, Ping(n).Code);
    }

    [Fact]
    public void EgressRules_AreEvaluated()
    {
        var n = Net.Tutorial();
        n.B.SecurityGroups[0] = n.B.SecurityGroups[0] with { Egress = new[] { n.Out(6, 443, 443, "0.0.0.0/0") } };
        var r = Ping(n);
        Assert.Equal(ReasonCodes.EniSgRulesMismatch, r.Code);
        Assert.Equal(HopKind.SecurityGroupEgress, r.BlockingHop!.Kind);
        n.B.SecurityGroups[0] = n.B.SecurityGroups[0] with { Egress = new[] { n.Out(1, 8, -1, "10.2.0.0/16") } };
        Assert.Equal(ReachabilityVerdict.Reachable, Ping(n).Verdict);
    }

    [Fact]
    public void NetworkAcl_RuleOrder_FirstMatchWins()
    {
        var n = Net.Tutorial();
        var acl = n.Acl("acl-2", "vpc-2", new[] { "subnet-2" },
            n.Entry(100, false, 1, AclAction.Deny, "10.1.0.0/16", icmpType: -1),
            n.Entry(200, false, -1, AclAction.Allow, "0.0.0.0/0"),
            n.Entry(100, true, -1, AclAction.Allow, "0.0.0.0/0"));
        var r = Ping(n);
        Assert.Equal(ReasonCodes.SubnetAclRestriction, r.Code);
        Assert.Equal("acl-2", r.BlockingHop!.ElementId);
        Assert.Contains("rule 100 denies", r.BlockingHop.Reason);

        // Same entries with the numbers swapped: the allow comes first.
        n.B.NetworkAcls[0] = acl with
        {
            Entries = new[]
            {
                n.Entry(200, false, 1, AclAction.Deny, "10.1.0.0/16", icmpType: -1),
                n.Entry(100, false, -1, AclAction.Allow, "0.0.0.0/0"),
                n.Entry(100, true, -1, AclAction.Allow, "0.0.0.0/0"),
            },
        };
        Assert.Equal(ReachabilityVerdict.Reachable, Ping(n).Verdict);
    }

    [Fact]
    public void NetworkAcl_ImplicitDeny()
    {
        var n = Net.Tutorial();
        n.Acl("acl-2", "vpc-2", new[] { "subnet-2" }, n.Entry(100, true, -1, AclAction.Allow, "0.0.0.0/0"));
        var r = Ping(n);
        Assert.Equal(ReasonCodes.SubnetAclRestriction, r.Code);
        Assert.Contains("'*' rule", r.BlockingHop!.Reason);
        Assert.Equal(HopKind.NetworkAclInbound, r.BlockingHop.Kind);
    }

    [Fact]
    public void NetworkAcl_IsStateless_ReturnNeedsEphemeralPorts()
    {
        var n = Net.Tutorial(o => o.SshOpen = true);
        n.B.SecurityGroups[1] = n.B.SecurityGroups[1] with { Ingress = new[] { n.In(6, 22, 22, "10.1.0.0/16") } };
        n.Acl("acl-2", "vpc-2", new[] { "subnet-2" },
            n.Entry(100, false, 6, AclAction.Allow, "10.1.0.0/16", 22, 22),
            n.Entry(100, true, 6, AclAction.Allow, "10.1.0.0/16", 22, 22));
        var r = Eval(n.Index(), "i-1", "i-2", "tcp", 22);
        Assert.Equal(ReasonCodes.SubnetAclRestriction, r.Code);
        Assert.Equal(HopDirection.Return, r.BlockingHop!.Direction);
        Assert.Equal(HopKind.NetworkAclOutbound, r.BlockingHop.Kind);
        Assert.Contains("1024-65535", r.BlockingHop.Reason);

        n.B.NetworkAcls[0] = n.B.NetworkAcls[0] with
        {
            Entries = n.B.NetworkAcls[0].Entries.Append(n.Entry(110, true, 6, AclAction.Allow, "10.1.0.0/16", 1024, 65535)).ToArray(),
        };
        Assert.Equal(ReachabilityVerdict.Reachable, Eval(n.Index(), "i-1", "i-2", "tcp", 22).Verdict);
    }

    [Fact]
    public void NetworkAcl_SourceSideReturnIsChecked()
    {
        var n = Net.Tutorial();
        n.Acl("acl-1", "vpc-1", new[] { "subnet-1" },
            n.Entry(100, true, -1, AclAction.Allow, "0.0.0.0/0"),
            n.Entry(100, false, 6, AclAction.Allow, "0.0.0.0/0", 22, 22));
        var r = Ping(n);
        Assert.Equal(ReasonCodes.SubnetAclRestriction, r.Code);
        Assert.Equal(HopKind.NetworkAclInbound, r.BlockingHop!.Kind);
        Assert.Equal(HopDirection.Return, r.BlockingHop.Direction);
        Assert.Contains("echo reply", r.BlockingHop.Reason);
    }

    [Fact]
    public void NetworkAcl_PartialPortOverlap_IsUnknown()
    {
        var n = Net.Tutorial();
        n.B.SecurityGroups[1] = n.B.SecurityGroups[1] with { Ingress = new[] { n.In(6, 22, 22, "10.1.0.0/16") } };
        n.Acl("acl-2", "vpc-2", new[] { "subnet-2" },
            n.Entry(100, false, -1, AclAction.Allow, "0.0.0.0/0"),
            n.Entry(100, true, 6, AclAction.Allow, "10.1.0.0/16", 32768, 65535));
        var r = Eval(n.Index(), "i-1", "i-2", "tcp", 22);
        Assert.Equal(ReachabilityVerdict.Unknown, r.Verdict);
    }

    [Fact]
    public void SameSubnet_SkipsNetworkAcl()
    {
        var n = Net.Tutorial();
        n.Instance("i-1b", "subnet-1", "10.1.0.11", PublicIpMode.None);
        n.Acl("acl-1", "vpc-1", new[] { "subnet-1" });
        var r = Eval(n.Index(), "i-1", "i-1b", "tcp", 5432);
        Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
        Assert.DoesNotContain(r.Hops, h => h.Kind is HopKind.NetworkAclInbound or HopKind.NetworkAclOutbound);
        Assert.Contains(r.Hops, h => h.Kind == HopKind.RouteTable && h.Reason.Contains("local route"));
    }

    [Fact]
    public void DefaultNetworkAcl_WhenNoneInInput_AllowsAll()
    {
        var r = Ping(Net.Tutorial());
        Assert.Contains(r.Hops, h => h.Kind == HopKind.NetworkAclInbound && h.Verdict == HopVerdict.Allowed && h.Reason.Contains("default network ACL"));
    }

    [Fact]
    public void InstanceWithoutGroups_UsesDefaultGroup()
    {
        var r = Ping(Net.Tutorial());
        var hop = r.Hops.Single(h => h.Kind == HopKind.SecurityGroupIngress);
        Assert.Equal("sg-2", hop.ElementId);
    }

    [Fact]
    public void UnknownPublicIp_IsUnknown_NotBlocked()
    {
        var n = Net.Tutorial(o => o.PublicIp = false);
        n.B.Instances[0] = n.B.Instances[0] with { PublicIp = PublicIpMode.Unknown };
        var r = Ssh(n);
        Assert.Equal(ReachabilityVerdict.Unknown, r.Verdict);
        Assert.Null(r.BlockingHop);
    }

    [Fact]
    public void IncompleteGroup_IsUnknown_NotBlocked()
    {
        var n = Net.Tutorial(o => o.IcmpOpen = false);
        n.B.SecurityGroups[1] = n.B.SecurityGroups[1] with { RulesIncomplete = true };
        Assert.Equal(ReachabilityVerdict.Unknown, Ping(n).Verdict);
    }

    [Fact]
    public void UnknownPeeringStatus_IsUnknown()
    {
        Assert.Equal(ReachabilityVerdict.Unknown, Ping(Net.Tutorial(o => o.PeeringStatus = PeeringStatus.Unknown)).Verdict);
    }

    [Fact]
    public void PrefixListRule_IsUnknownForInternet()
    {
        var n = Net.Tutorial(o => o.SshOpen = false);
        var pl = new SecurityGroupRule(n.Loc("pl"), RuleDirection.Ingress, 6, 22, 22, SgPeerKind.PrefixList) { PrefixListId = "pl-0e4bcff02b13bef1e" };
        n.B.SecurityGroups[0] = n.B.SecurityGroups[0] with { Ingress = n.B.SecurityGroups[0].Ingress.Append(pl).ToArray() };
        Assert.Equal(ReachabilityVerdict.Unknown, Ssh(n).Verdict);
    }

    [Fact]
    public void InternetSource_SpecificPublicRange_IsReachableFromThatRange()
    {
        var n = Net.Tutorial(o => o.SshOpen = false);
        n.B.SecurityGroups[0] = n.B.SecurityGroups[0] with { Ingress = n.B.SecurityGroups[0].Ingress.Append(n.In(6, 22, 22, "198.51.100.0/24")).ToArray() };
        Assert.Equal(ReachabilityVerdict.Reachable, Ssh(n).Verdict);

        // A private range is not the internet.
        n.B.SecurityGroups[0] = n.B.SecurityGroups[0] with { Ingress = new[] { n.In(6, 22, 22, "10.0.0.0/8") } };
        Assert.Equal(ReachabilityVerdict.NotReachable, Ssh(n).Verdict);
    }

    [Fact]
    public void CidrEndpoints_AreEvaluated()
    {
        var index = Net.Tutorial().Index();
        Assert.Equal(ReachabilityVerdict.Reachable, Eval(index, "10.1.0.0/24", "i-2", "icmp").Verdict);
        Assert.Equal(ReachabilityVerdict.Reachable, Eval(index, "10.1.0.0/16", "i-2", "icmp").Verdict);
        var toRange = Eval(index, "i-1", "10.2.0.0/24", "icmp");
        Assert.Equal(ReachabilityVerdict.Reachable, toRange.Verdict);
        Assert.DoesNotContain(toRange.Hops, h => h.Kind == HopKind.SecurityGroupIngress);

        var closed = Net.Tutorial(o => o.IcmpOpen = false).Index();
        Assert.Equal(ReachabilityVerdict.NotReachable, Eval(closed, "10.1.0.0/16", "i-2", "icmp").Verdict);
    }

    [Fact]
    public void UnsupportedTarget_IsUnknown()
    {
        var n = Net.Tutorial();
        n.B.RouteTables[0] = n.B.RouteTables[0] with { Routes = new[] { n.Route("10.2.0.0/16", RouteTargetKind.LocalGateway, "lgw-1") } };
        var r = Ping(n);
        Assert.Equal(ReachabilityVerdict.Unknown, r.Verdict);
        Assert.Equal(ReasonCodes.UnsupportedTarget, r.UnknownHops[0].Code);
    }

    [Fact]
    public void Evaluation_IsMeasured()
    {
        var index = Net.Tutorial().Index();
        var ping = ReachabilityQuery.Create(index, "Instance - NextWork VPC 1", "Instance - NextWork VPC 2", "icmp", null, out _)!;
        var ssh = ReachabilityQuery.Create(index, "internet", "Instance - NextWork VPC 1", "tcp", 22, out _)!;
        ReachabilityEngine.Evaluate(index, ping);
        ReachabilityEngine.Evaluate(index, ssh);
        var sw = Stopwatch.StartNew();
        const int N = 2000;
        for (int i = 0; i < N; i++)
        {
            ReachabilityEngine.Evaluate(index, ping);
            ReachabilityEngine.Evaluate(index, ssh);
        }

        sw.Stop();
        double perIntentMicros = sw.Elapsed.TotalMilliseconds * 1000 / (2 * N);
        _out.WriteLine($"evaluation: {perIntentMicros:F1} µs per intent");
    }
}
