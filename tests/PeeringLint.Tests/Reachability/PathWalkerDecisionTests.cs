using System;
using System.Linq;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Reachability;
using Xunit;

namespace PeeringLint.Tests.Reachability;

/// <summary>
/// The walk's own decisions (<c>PathWalker.cs</c>): when it stops before the first hop (both ends outside the VPCs, an
/// end whose VPC or subnet is not in the input), when a network ACL is passed over (both ends in one subnet), which
/// ends get a security group hop, which group the stateful return names, and how blocked and unknown hops make the
/// verdict (mutation testing, issue 22; docs/quality.md). Hops read as "direction kind element location verdict".
/// vpc-a 10.1.0.0/16 with subnets sa1 10.1.0.0/24 and sa2 10.1.1.0/24, one route table, no peering.
/// </summary>
public sealed class PathWalkerDecisionTests
{
    private const ResourceKinds Listed = ResourceKinds.Vpcs | ResourceKinds.Subnets | ResourceKinds.RouteTables | ResourceKinds.InternetGateways
        | ResourceKinds.PeeringConnections | ResourceKinds.SecurityGroups | ResourceKinds.NetworkAcls | ResourceKinds.Instances | ResourceKinds.ElasticIps
        | ResourceKinds.NetworkInterfaces;

    private static Net One()
    {
        var n = new Net();
        n.Vpc("vpc-a", "10.1.0.0/16");
        n.Subnet("sa1", "vpc-a", "10.1.0.0/24");
        n.Subnet("sa2", "vpc-a", "10.1.1.0/24");
        n.Table("rtb-a", "vpc-a", new[] { "sa1", "sa2" });
        n.B.Coverage = Listed;
        return n;
    }

    /// <summary>A network ACL on both subnets that denies everything but TCP/22 in and the replies out.</summary>
    private static void SshOnlyAcls(Net n) =>
        n.Acl("acl-ssh", "vpc-a", new[] { "sa1", "sa2" },
            n.Entry(100, false, 6, AclAction.Allow, "10.1.0.0/16", 22, 22),
            n.Entry(100, true, 6, AclAction.Allow, "10.1.0.0/16", 22, 22),
            n.Entry(110, true, 6, AclAction.Allow, "10.1.0.0/16", 1024, 65535),
            n.Entry(110, false, 6, AclAction.Allow, "10.1.0.0/16", 1024, 65535));

    private static string[] Hops(Net n, string from, string to, string protocol, int? port = null) =>
        Render(ReachabilityEngineTests.Eval(n.Index(), from, to, protocol, port));

    private static string[] Render(ReachabilityResult r) => Render(r.Verdict, r.Hops);

    private static string[] Render(ReachabilityVerdict verdict, System.Collections.Generic.IReadOnlyList<Hop> hops) =>
        hops.Select(h => $"{h.Direction} {h.Kind} '{h.ElementId}' {h.ElementLabel} @{(h.Location.IsNone ? "none" : h.Location.StartLine.ToString(System.Globalization.CultureInfo.InvariantCulture))} {h.Verdict}{(h.Code is null ? string.Empty : " " + h.Code)}{(h.Element is null ? string.Empty : " [" + h.Element.Id + "]")}: {h.Reason}")
            .Prepend(verdict.ToString()).ToArray();

    private static void Same(string[] expected, string[] actual) => Assert.Equal(string.Join("\n", expected), string.Join("\n", actual));

    public static TheoryData<string> Scenarios() => new()
    {
        "same subnet passes the network ACL over",
        "other subnet meets the network ACL both ways",
        "ranges have no security group hops and no stateful return",
        "range to host returns through the destination's group",
        "host to range returns through the source's group",
        "destination without known groups returns through the source's group",
        "no group at either end",
        "source subnet not in the input",
        "source vpc not in the input",
        "destination subnet not in the input",
        "destination vpc not in the input",
        "range in a subnet whose vpc is not in the input",
        "both ends outside the vpcs",
        "blocked wins over unknown",
        "unknown without a block",
        "source subnet without a route table stops the walk",
        "destination subnet without a route table stops the return",
        "an address behind an egress-only gateway cannot enter",
        "an address behind a gateway not in the input stops at entry",
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Hops_read_exactly(string scenario) => Same(Expected(scenario), Run(scenario));

    [Fact]
    public void A_hop_without_an_element_has_an_empty_id_not_null()
    {
        var ri = ReachabilityIndex.For(One().Index());
        var s = new Host(Endpoint.ForCidr(Cidr.FromV4(0xCB007100, 24)), Cidr.FromV4(0xCB007100, 24)) { External = true };
        var d = new Host(Endpoint.Internet, Cidr.FromV4(0xC6336400, 24)) { External = true };
        var w = new PathWalker(ri, s, d, new Traffic(Traffic.Tcp, 22, 22, null));
        Assert.Equal(ReachabilityVerdict.Unknown, w.Walk());
        var hop = Assert.Single(w.Hops);
        Assert.NotNull(hop.ElementId);
        Assert.Equal(string.Empty, hop.ElementId);
        Assert.Null(hop.Element);
        Assert.False(hop.Assumed);
    }

    private static string[] Run(string scenario)
    {
        switch (scenario)
        {
            case "same subnet passes the network ACL over":
            {
                var n = One();
                n.Acl("acl-deny", "vpc-a", new[] { "sa1" }, n.Entry(100, false, -1, AclAction.Deny, "0.0.0.0/0"), n.Entry(100, true, -1, AclAction.Deny, "0.0.0.0/0"));
                n.Group("sg-1", "vpc-a", null, new[] { n.In(-1, null, null, "10.1.0.0/16") });
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.None, "sg-1");
                n.Instance("a2", "sa1", "10.1.0.20", PublicIpMode.None, "sg-1");
                return Hops(n, "a1", "a2", "tcp", 22);
            }

            case "other subnet meets the network ACL both ways":
            {
                var n = One();
                SshOnlyAcls(n);
                n.Group("sg-1", "vpc-a", null, new[] { n.In(-1, null, null, "10.1.0.0/16") });
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.None, "sg-1");
                n.Instance("b1", "sa2", "10.1.1.20", PublicIpMode.None, "sg-1");
                return Hops(n, "a1", "b1", "tcp", 22);
            }

            case "ranges have no security group hops and no stateful return":
            {
                var n = One();
                SshOnlyAcls(n);
                return Hops(n, "10.1.0.0/24", "10.1.1.0/24", "tcp", 22);
            }

            case "range to host returns through the destination's group":
            case "host to range returns through the source's group":
            {
                var n = One();
                n.Group("sg-src", "vpc-a", null, Array.Empty<SecurityGroupRule>());
                n.Group("sg-dst", "vpc-a", null, new[] { n.In(-1, null, null, "10.1.0.0/16") });
                n.Group("sg-2", "vpc-a", null, Array.Empty<SecurityGroupRule>());
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.None, "sg-src", "sg-2");
                n.Instance("b1", "sa2", "10.1.1.20", PublicIpMode.None, "sg-dst", "sg-2");
                return scenario.StartsWith("range", StringComparison.Ordinal) ? Hops(n, "10.1.0.0/24", "b1", "tcp", 22) : Hops(n, "a1", "10.1.1.0/24", "tcp", 22);
            }

            case "destination without known groups returns through the source's group":
            {
                var n = One();
                n.Group("sg-src", "vpc-a", null, Array.Empty<SecurityGroupRule>());
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.None, "sg-src");
                n.Instance("b1", "sa2", "10.1.1.20", PublicIpMode.None, "sg-missing");
                return Hops(n, "a1", "b1", "tcp", 22);
            }

            case "no group at either end":
            {
                var n = One();
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.None, "sg-missing");
                return Hops(n, "a1", "10.1.1.0/24", "tcp", 22);
            }

            case "source subnet not in the input":
            case "source vpc not in the input":
            case "destination subnet not in the input":
            case "destination vpc not in the input":
            {
                var n = One();
                n.Group("sg-1", "vpc-a", null, new[] { n.In(-1, null, null, "10.1.0.0/16") });
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.None, "sg-1");
                var lost = n.Instance("x1", "s-gone", "10.1.5.5", PublicIpMode.None, "sg-1");
                if (scenario.Contains("subnet", StringComparison.Ordinal))
                {
                    n.B.Instances[^1] = lost with { VpcId = "vpc-a" };
                }

                return scenario.StartsWith("source", StringComparison.Ordinal) ? Hops(n, "x1", "a1", "tcp", 22) : Hops(n, "a1", "x1", "tcp", 22);
            }

            case "range in a subnet whose vpc is not in the input":
            {
                var n = One();
                n.Subnet("sx", "vpc-gone", "10.9.0.0/24");
                n.Group("sg-1", "vpc-a", null, new[] { n.In(-1, null, null, "10.1.0.0/16") });
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.None, "sg-1");
                return Hops(n, "a1", "10.9.0.0/24", "tcp", 22);
            }

            case "both ends outside the vpcs":
            {
                var n = One();
                var ri = ReachabilityIndex.For(n.Index());
                var s = new Host(Endpoint.ForCidr(Cidr.FromV4(0xCB007100, 24)), Cidr.FromV4(0xCB007100, 24)) { External = true };
                var d = new Host(Endpoint.Internet, Cidr.FromV4(0xC6336400, 24)) { External = true };
                var w = new PathWalker(ri, s, d, new Traffic(Traffic.Tcp, 22, 22, null));
                return Render(w.Walk(), w.Hops);
            }

            case "blocked wins over unknown":
            case "unknown without a block":
            {
                var n = One();
                n.Group("sg-1", "vpc-a", null, new[] { n.In(-1, null, null, "10.1.0.0/16") });
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.None, "sg-missing");
                n.Instance("b1", "sa2", "10.1.1.20", PublicIpMode.None, "sg-1");
                if (scenario.StartsWith("blocked", StringComparison.Ordinal))
                {
                    n.Acl("acl-deny", "vpc-a", new[] { "sa2" }, n.Entry(100, false, -1, AclAction.Deny, "0.0.0.0/0"), n.Entry(100, true, -1, AclAction.Allow, "0.0.0.0/0"));
                }

                return Hops(n, "a1", "b1", "tcp", 22);
            }

            case "source subnet without a route table stops the walk":
            case "destination subnet without a route table stops the return":
            {
                var n = new Net();
                n.Vpc("vpc-a", "10.1.0.0/16");
                n.Subnet("sa1", "vpc-a", "10.1.0.0/24");
                n.Subnet("sa2", "vpc-a", "10.1.1.0/24");
                n.Table("rtb-a", "vpc-a", new[] { "sa1" });
                n.B.Coverage = Listed;
                n.Group("sg-1", "vpc-a", null, new[] { n.In(-1, null, null, "10.1.0.0/16") });
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.None, "sg-1");
                n.Instance("b1", "sa2", "10.1.1.20", PublicIpMode.None, "sg-1");
                return scenario.StartsWith("source", StringComparison.Ordinal) ? Hops(n, "b1", "a1", "tcp", 22) : Hops(n, "a1", "b1", "tcp", 22);
            }

            case "an address behind an egress-only gateway cannot enter":
            case "an address behind a gateway not in the input stops at entry":
            {
                var n = new Net();
                n.Vpc("vpc-a", "10.1.0.0/16");
                n.Subnet("sa1", "vpc-a", "10.1.0.0/24");
                var route = scenario.Contains("egress-only", StringComparison.Ordinal)
                    ? n.Route("198.51.100.0/24", RouteTargetKind.EgressOnlyInternetGateway, "eigw-1")
                    : n.Route("198.51.100.0/24", RouteTargetKind.VirtualPrivateGateway, "vgw-gone");
                n.Table("rtb-a", "vpc-a", new[] { "sa1" }, route);
                n.B.Coverage = Listed;
                n.Group("sg-1", "vpc-a", null, new[] { n.In(-1, null, null, "0.0.0.0/0") });
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.None, "sg-1");
                return Hops(n, "198.51.100.0/24", "a1", "tcp", 22);
            }

            default:
                throw new ArgumentException(scenario);
        }
    }

    private static string[] Expected(string scenario) => scenario switch
    {
        "same subnet passes the network ACL over" => new[]
        {
            "Reachable",
            "Forward SecurityGroupEgress 'sg-1' 'sg-1' @16 Allowed [sg-1]: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-1' admits TCP/22 to instance 'a2'",
            "Forward RouteTable 'rtb-a' 'rtb-a' @2 Allowed [rtb-a]: the local route 10.1.0.0/16 of route table 'rtb-a' delivers instance 'a2' inside 'vpc-a'",
            "Forward SecurityGroupIngress 'sg-1' 'sg-1' @13 Allowed [sg-1]: inbound rule 'all traffic from 10.1.0.0/16' of 'sg-1' admits TCP/22 from instance 'a1'",
            "Return StatefulReturn 'sg-1' 'sg-1' @15 Allowed [sg-1]: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return RouteTable 'rtb-a' 'rtb-a' @2 Allowed [rtb-a]: replies to instance 'a1' (10.1.0.10) follow route 10.1.0.0/16 → local in route table 'rtb-a'",
        },
        "other subnet meets the network ACL both ways" => new[]
        {
            "Reachable",
            "Forward SecurityGroupEgress 'sg-1' 'sg-1' @20 Allowed [sg-1]: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-1' admits TCP/22 to instance 'b1'",
            "Forward NetworkAclOutbound 'acl-ssh' 'acl-ssh' @10 Allowed [acl-ssh]: outbound rule 100 of network ACL 'acl-ssh' allows TCP/22 to 10.1.1.20",
            "Forward RouteTable 'rtb-a' 'rtb-a' @2 Allowed [rtb-a]: the local route 10.1.0.0/16 of route table 'rtb-a' delivers instance 'b1' inside 'vpc-a'",
            "Forward NetworkAclInbound 'acl-ssh' 'acl-ssh' @8 Allowed [acl-ssh]: inbound rule 100 of network ACL 'acl-ssh' allows TCP/22 from 10.1.0.10",
            "Forward SecurityGroupIngress 'sg-1' 'sg-1' @17 Allowed [sg-1]: inbound rule 'all traffic from 10.1.0.0/16' of 'sg-1' admits TCP/22 from instance 'a1'",
            "Return StatefulReturn 'sg-1' 'sg-1' @19 Allowed [sg-1]: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound 'acl-ssh' 'acl-ssh' @12 Allowed [acl-ssh]: outbound rule 110 of network ACL 'acl-ssh' allows the reply TCP ports 1024-65535 to 10.1.0.10",
            "Return RouteTable 'rtb-a' 'rtb-a' @2 Allowed [rtb-a]: replies to instance 'a1' (10.1.0.10) follow route 10.1.0.0/16 → local in route table 'rtb-a'",
            "Return NetworkAclInbound 'acl-ssh' 'acl-ssh' @14 Allowed [acl-ssh]: inbound rule 110 of network ACL 'acl-ssh' allows the reply TCP ports 1024-65535 from 10.1.1.20",
        },
        "ranges have no security group hops and no stateful return" => new[]
        {
            "Reachable",
            "Forward NetworkAclOutbound 'acl-ssh' 'acl-ssh' @10 Allowed [acl-ssh]: outbound rule 100 of network ACL 'acl-ssh' allows TCP/22 to 10.1.1.0/24",
            "Forward RouteTable 'rtb-a' 'rtb-a' @2 Allowed [rtb-a]: the local route 10.1.0.0/16 of route table 'rtb-a' delivers 10.1.1.0/24 inside 'vpc-a'",
            "Forward NetworkAclInbound 'acl-ssh' 'acl-ssh' @8 Allowed [acl-ssh]: inbound rule 100 of network ACL 'acl-ssh' allows TCP/22 from 10.1.0.0/24",
            "Return NetworkAclOutbound 'acl-ssh' 'acl-ssh' @12 Allowed [acl-ssh]: outbound rule 110 of network ACL 'acl-ssh' allows the reply TCP ports 1024-65535 to 10.1.0.0/24",
            "Return RouteTable 'rtb-a' 'rtb-a' @2 Allowed [rtb-a]: replies to 10.1.0.0/24 follow route 10.1.0.0/16 → local in route table 'rtb-a'",
            "Return NetworkAclInbound 'acl-ssh' 'acl-ssh' @14 Allowed [acl-ssh]: inbound rule 110 of network ACL 'acl-ssh' allows the reply TCP ports 1024-65535 from 10.1.1.0/24",
        },
        "range to host returns through the destination's group" => new[]
        {
            "Reachable",
            "Forward NetworkAclOutbound 'sa1' 'sa1' @3 Allowed [sa1]: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable 'rtb-a' 'rtb-a' @2 Allowed [rtb-a]: the local route 10.1.0.0/16 of route table 'rtb-a' delivers instance 'b1' inside 'vpc-a'",
            "Forward NetworkAclInbound 'sa2' 'sa2' @5 Allowed [sa2]: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress 'sg-dst' 'sg-dst' @11 Allowed [sg-dst]: inbound rule 'all traffic from 10.1.0.0/16' of 'sg-dst' admits TCP/22 from 10.1.0.0/24",
            "Return StatefulReturn 'sg-dst' 'sg-dst' @13 Allowed [sg-dst]: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound 'sa2' 'sa2' @5 Allowed [sa2]: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable 'rtb-a' 'rtb-a' @2 Allowed [rtb-a]: replies to 10.1.0.0/24 follow route 10.1.0.0/16 → local in route table 'rtb-a'",
            "Return NetworkAclInbound 'sa1' 'sa1' @3 Allowed [sa1]: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
        },
        "host to range returns through the source's group" => new[]
        {
            "Reachable",
            "Forward SecurityGroupEgress 'sg-src' 'sg-src' @9 Allowed [sg-src]: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-src' admits TCP/22 to 10.1.1.0/24",
            "Forward NetworkAclOutbound 'sa1' 'sa1' @3 Allowed [sa1]: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable 'rtb-a' 'rtb-a' @2 Allowed [rtb-a]: the local route 10.1.0.0/16 of route table 'rtb-a' delivers 10.1.1.0/24 inside 'vpc-a'",
            "Forward NetworkAclInbound 'sa2' 'sa2' @5 Allowed [sa2]: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Return StatefulReturn 'sg-src' 'sg-src' @8 Allowed [sg-src]: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound 'sa2' 'sa2' @5 Allowed [sa2]: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable 'rtb-a' 'rtb-a' @2 Allowed [rtb-a]: replies to instance 'a1' (10.1.0.10) follow route 10.1.0.0/16 → local in route table 'rtb-a'",
            "Return NetworkAclInbound 'sa1' 'sa1' @3 Allowed [sa1]: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
        },
        "destination without known groups returns through the source's group" => new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress 'sg-src' 'sg-src' @9 Allowed [sg-src]: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-src' admits TCP/22 to instance 'b1'",
            "Forward NetworkAclOutbound 'sa1' 'sa1' @3 Allowed [sa1]: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable 'rtb-a' 'rtb-a' @2 Allowed [rtb-a]: the local route 10.1.0.0/16 of route table 'rtb-a' delivers instance 'b1' inside 'vpc-a'",
            "Forward NetworkAclInbound 'sa2' 'sa2' @5 Allowed [sa2]: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress 'b1' 'b1' @13 Unknown UNKNOWN_VALUE [b1]: cannot tell whether security groups of instance 'b1' admit TCP/22 from instance 'a1': security group 'sg-missing' is not in the input",
            "Return StatefulReturn 'sg-src' 'sg-src' @8 Allowed [sg-src]: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound 'sa2' 'sa2' @5 Allowed [sa2]: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable 'rtb-a' 'rtb-a' @2 Allowed [rtb-a]: replies to instance 'a1' (10.1.0.10) follow route 10.1.0.0/16 → local in route table 'rtb-a'",
            "Return NetworkAclInbound 'sa1' 'sa1' @3 Allowed [sa1]: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
        },
        "no group at either end" => new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress 'a1' 'a1' @8 Unknown UNKNOWN_VALUE [a1]: cannot tell whether security groups of instance 'a1' admit TCP/22 to 10.1.1.0/24: security group 'sg-missing' is not in the input",
            "Forward NetworkAclOutbound 'sa1' 'sa1' @3 Allowed [sa1]: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable 'rtb-a' 'rtb-a' @2 Allowed [rtb-a]: the local route 10.1.0.0/16 of route table 'rtb-a' delivers 10.1.1.0/24 inside 'vpc-a'",
            "Forward NetworkAclInbound 'sa2' 'sa2' @5 Allowed [sa2]: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Return StatefulReturn '' security groups @none Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound 'sa2' 'sa2' @5 Allowed [sa2]: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable 'rtb-a' 'rtb-a' @2 Allowed [rtb-a]: replies to instance 'a1' (10.1.0.10) follow route 10.1.0.0/16 → local in route table 'rtb-a'",
            "Return NetworkAclInbound 'sa1' 'sa1' @3 Allowed [sa1]: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
        },
        "source subnet not in the input" => new[]
        {
            "Unknown",
            "Forward RouteTable 'x1' instance 'x1' @15 Unknown UNKNOWN_VALUE [x1]: the subnet of instance 'x1' is not in the input",
        },
        "source vpc not in the input" => new[]
        {
            "Unknown",
            "Forward RouteTable 'x1' instance 'x1' @15 Unknown UNKNOWN_VALUE [x1]: the VPC of instance 'x1' is not in the input",
        },
        "destination subnet not in the input" => new[]
        {
            "Unknown",
            "Forward RouteTable 'x1' instance 'x1' @15 Unknown UNKNOWN_VALUE [x1]: the subnet of instance 'x1' is not in the input",
        },
        "destination vpc not in the input" => new[]
        {
            "Unknown",
            "Forward RouteTable 'x1' instance 'x1' @15 Unknown UNKNOWN_VALUE [x1]: the VPC of instance 'x1' is not in the input",
        },
        "range in a subnet whose vpc is not in the input" => new[]
        {
            "Unknown",
            "Forward RouteTable '' 10.9.0.0/24 @none Unknown UNKNOWN_VALUE: the VPC of 10.9.0.0/24 is not in the input",
        },
        "both ends outside the vpcs" => new[]
        {
            "Unknown",
            "Forward RouteTable '' 203.0.113.0/24 @none Unknown UNKNOWN_VALUE: 203.0.113.0/24 and 198.51.100.0/24 are both outside the VPCs of the input",
        },
        "blocked wins over unknown" => new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress 'a1' 'a1' @13 Unknown UNKNOWN_VALUE [a1]: cannot tell whether security groups of instance 'a1' admit TCP/22 to instance 'b1': security group 'sg-missing' is not in the input",
            "Forward NetworkAclOutbound 'sa1' 'sa1' @3 Allowed [sa1]: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable 'rtb-a' 'rtb-a' @2 Allowed [rtb-a]: the local route 10.1.0.0/16 of route table 'rtb-a' delivers instance 'b1' inside 'vpc-a'",
            "Forward NetworkAclInbound 'acl-deny' 'acl-deny' @17 Blocked SUBNET_ACL_RESTRICTION [acl-deny]: network ACL 'acl-deny' of subnet 'sa2' blocks TCP/22 from 10.1.0.10: inbound rule 100 denies it",
            "Forward SecurityGroupIngress 'sg-1' 'sg-1' @8 Allowed [sg-1]: inbound rule 'all traffic from 10.1.0.0/16' of 'sg-1' admits TCP/22 from instance 'a1'",
            "Return StatefulReturn 'sg-1' 'sg-1' @10 Allowed [sg-1]: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound 'acl-deny' 'acl-deny' @19 Allowed [acl-deny]: outbound rule 100 of network ACL 'acl-deny' allows the reply TCP ports 1024-65535 to 10.1.0.10",
            "Return RouteTable 'rtb-a' 'rtb-a' @2 Allowed [rtb-a]: replies to instance 'a1' (10.1.0.10) follow route 10.1.0.0/16 → local in route table 'rtb-a'",
            "Return NetworkAclInbound 'sa1' 'sa1' @3 Allowed [sa1]: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
        },
        "unknown without a block" => new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress 'a1' 'a1' @13 Unknown UNKNOWN_VALUE [a1]: cannot tell whether security groups of instance 'a1' admit TCP/22 to instance 'b1': security group 'sg-missing' is not in the input",
            "Forward NetworkAclOutbound 'sa1' 'sa1' @3 Allowed [sa1]: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable 'rtb-a' 'rtb-a' @2 Allowed [rtb-a]: the local route 10.1.0.0/16 of route table 'rtb-a' delivers instance 'b1' inside 'vpc-a'",
            "Forward NetworkAclInbound 'sa2' 'sa2' @5 Allowed [sa2]: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress 'sg-1' 'sg-1' @8 Allowed [sg-1]: inbound rule 'all traffic from 10.1.0.0/16' of 'sg-1' admits TCP/22 from instance 'a1'",
            "Return StatefulReturn 'sg-1' 'sg-1' @10 Allowed [sg-1]: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound 'sa2' 'sa2' @5 Allowed [sa2]: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable 'rtb-a' 'rtb-a' @2 Allowed [rtb-a]: replies to instance 'a1' (10.1.0.10) follow route 10.1.0.0/16 → local in route table 'rtb-a'",
            "Return NetworkAclInbound 'sa1' 'sa1' @3 Allowed [sa1]: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
        },
        "source subnet without a route table stops the walk" => new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress 'sg-1' 'sg-1' @11 Allowed [sg-1]: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-1' admits TCP/22 to instance 'a1'",
            "Forward NetworkAclOutbound 'sa2' 'sa2' @5 Allowed [sa2]: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable 'sa2' 'sa2' @5 Unknown UNKNOWN_VALUE [sa2]: subnet 'sa2' has no route table in the input (no association and no main table)",
        },
        "destination subnet without a route table stops the return" => new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress 'sg-1' 'sg-1' @11 Allowed [sg-1]: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-1' admits TCP/22 to instance 'b1'",
            "Forward NetworkAclOutbound 'sa1' 'sa1' @3 Allowed [sa1]: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable 'rtb-a' 'rtb-a' @2 Allowed [rtb-a]: the local route 10.1.0.0/16 of route table 'rtb-a' delivers instance 'b1' inside 'vpc-a'",
            "Forward NetworkAclInbound 'sa2' 'sa2' @5 Allowed [sa2]: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress 'sg-1' 'sg-1' @8 Allowed [sg-1]: inbound rule 'all traffic from 10.1.0.0/16' of 'sg-1' admits TCP/22 from instance 'a1'",
            "Return StatefulReturn 'sg-1' 'sg-1' @10 Allowed [sg-1]: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound 'sa2' 'sa2' @5 Allowed [sa2]: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable 'sa2' 'sa2' @5 Unknown UNKNOWN_VALUE [sa2]: subnet 'sa2' has no route table in the input",
        },
        "an address behind an egress-only gateway cannot enter" => new[]
        {
            "NotReachable",
            "Forward EgressOnlyInternetGateway 'eigw-1' 'eigw-1' @5 Blocked EGRESS_ONLY_GATEWAY_INBOUND [rtb-a]: route table 'rtb-a' sends 198.51.100.0/24 to egress-only internet gateway 'eigw-1', which carries only connections started inside 'vpc-a': 198.51.100.0/24 cannot open one",
        },
        "an address behind a gateway not in the input stops at entry" => new[]
        {
            "Unknown",
            "Forward VpnGateway 'vgw-gone' 'vgw-gone' @5 Unknown UNKNOWN_VALUE: 198.51.100.0/24 is behind virtual private gateway 'vgw-gone' (route table 'rtb-a' sends it there), which is not in the input",
        },
        _ => throw new ArgumentException(scenario),
    };
}
