using System;
using System.Linq;
using PeeringLint.Model;
using Xunit;

namespace PeeringLint.Tests.Reachability;

/// <summary>
/// The exact hops of paths to and from the internet (<c>PathWalker.Internet</c>): the internet gateway a route names
/// (no id, not in the input with and without internet gateways listed, attached to another VPC, attached), the
/// gateway a VPC has for traffic from the internet, and the public address of the end inside the VPC (an address
/// range, an instance with an assigned, no or an unknown public address). vpc-a 10.1.0.0/16 with subnet sa1
/// 10.1.0.0/24, whose table rtb-a sends 0.0.0.0/0 where the test says; instance i-1 10.1.0.10 (group sg-1, open).
/// </summary>
public sealed class InternetGatewayDecisionTests
{
    private static Net Vpc(Route? defaultRoute, PublicIpMode pub = PublicIpMode.Assigned, bool igwsListed = true, string[]? igwVpcs = null)
    {
        var n = new Net();
        n.Vpc("vpc-a", "10.1.0.0/16");
        n.Vpc("vpc-b", "10.2.0.0/16");
        n.Subnet("sa1", "vpc-a", "10.1.0.0/24");
        var local = n.Route("10.1.0.0/16", RouteTargetKind.Local, "local");
        n.Table("rtb-a", "vpc-a", new[] { "sa1" }, defaultRoute is null ? new[] { local } : new[] { local, defaultRoute });
        if (igwVpcs is not null && igwVpcs.Length > 0)
        {
            n.Igw("igw-1", igwVpcs);
        }

        n.Group("sg-1", "vpc-a", "open", new[] { n.In(-1, null, null, "0.0.0.0/0") });
        n.Instance("i-1", "sa1", "10.1.0.10", pub, "sg-1");
        n.B.Coverage = TgwModel.Listed & (igwsListed ? ~ResourceKinds.None : ~ResourceKinds.InternetGateways);
        return n;
    }

    private static string[] Hops(Net n, string from, string to) =>
        TgwModel.Render(ReachabilityEngineTests.Eval(n.Index(), from, to, "tcp", 443));

    private static void Same(string[] expected, string[] actual) => Assert.Equal(string.Join("\n", expected), string.Join("\n", actual));

    private static Route ToIgw(Net n, string? id) => n.Route("0.0.0.0/0", RouteTargetKind.InternetGateway, id);

    [Fact]
    public void A_route_to_an_internet_gateway_without_an_id_is_unknown()
    {
        var n = new Net();
        Same(
            new[]
            {
                "Unknown",
                "Forward SecurityGroupEgress sg-1 Allowed @out 0.0.0.0/0: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-1' admits TCP/443 to 203.0.113.10",
                "Forward NetworkAclOutbound sa1 Allowed @sa1: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
                "Forward RouteTable rtb-a Allowed @route 0.0.0.0/0: route 0.0.0.0/0 → <unknown InternetGateway> in route table 'rtb-a' matches 203.0.113.10",
                "Forward InternetGateway  Unknown UNKNOWN_VALUE @route 0.0.0.0/0: internet gateway '?' is not in the input",
            }, Hops(Vpc(ToIgw(n, null), igwVpcs: new[] { "vpc-a" }), "i-1", "203.0.113.10"));
    }

    [Fact]
    public void A_route_to_an_internet_gateway_not_in_the_listed_gateways_blocks()
    {
        var n = new Net();
        Same(
            new[]
            {
                "NotReachable",
                "Forward SecurityGroupEgress sg-1 Allowed @out 0.0.0.0/0: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-1' admits TCP/443 to 203.0.113.10",
                "Forward NetworkAclOutbound sa1 Allowed @sa1: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
                "Forward RouteTable rtb-a Allowed @route 0.0.0.0/0: route 0.0.0.0/0 → igw-gone in route table 'rtb-a' matches 203.0.113.10",
                "Forward InternetGateway igw-gone Blocked IGW_NOT_ATTACHED @route 0.0.0.0/0: internet gateway 'igw-gone' is not in the input",
            }, Hops(Vpc(ToIgw(n, "igw-gone"), igwVpcs: new[] { "vpc-a" }), "i-1", "203.0.113.10"));
    }

    [Fact]
    public void A_route_to_an_internet_gateway_when_gateways_are_not_listed_is_unknown()
    {
        var n = new Net();
        Same(
            new[]
            {
                "Unknown",
                "Forward SecurityGroupEgress sg-1 Allowed @out 0.0.0.0/0: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-1' admits TCP/443 to 203.0.113.10",
                "Forward NetworkAclOutbound sa1 Allowed @sa1: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
                "Forward RouteTable rtb-a Allowed @route 0.0.0.0/0: route 0.0.0.0/0 → igw-gone in route table 'rtb-a' matches 203.0.113.10",
                "Forward InternetGateway igw-gone Unknown UNKNOWN_VALUE @route 0.0.0.0/0: internet gateway 'igw-gone' is not in the input",
            }, Hops(Vpc(ToIgw(n, "igw-gone"), igwsListed: false), "i-1", "203.0.113.10"));
    }

    [Fact]
    public void An_internet_gateway_of_another_vpc_blocks_and_the_walk_goes_on()
    {
        var n = new Net();
        Same(
            new[]
            {
                "NotReachable",
                "Forward SecurityGroupEgress sg-1 Allowed @out 0.0.0.0/0: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-1' admits TCP/443 to 203.0.113.10",
                "Forward NetworkAclOutbound sa1 Allowed @sa1: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
                "Forward RouteTable rtb-a Allowed @route 0.0.0.0/0: route 0.0.0.0/0 → igw-1 in route table 'rtb-a' matches 203.0.113.10",
                "Forward InternetGateway igw-1 Blocked IGW_NOT_ATTACHED @igw-1: internet gateway 'igw-1' is not attached to 'vpc-a' | fix: attach 'igw-1' to 'vpc-a'",
                "Return StatefulReturn sg-1 Allowed @sg-1: security groups are stateful: the reply is allowed back without a rule of its own",
                "Return NetworkAclInbound sa1 Allowed @sa1: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            }, Hops(Vpc(ToIgw(n, "igw-1"), igwVpcs: new[] { "vpc-b" }), "i-1", "203.0.113.10"));
    }

    [Fact]
    public void An_instance_with_a_public_address_reaches_the_internet()
    {
        var n = new Net();
        Same(
            new[]
            {
                "Reachable",
                "Forward SecurityGroupEgress sg-1 Allowed @out 0.0.0.0/0: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-1' admits TCP/443 to 203.0.113.10",
                "Forward NetworkAclOutbound sa1 Allowed @sa1: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
                "Forward RouteTable rtb-a Allowed @route 0.0.0.0/0: route 0.0.0.0/0 → igw-1 in route table 'rtb-a' matches 203.0.113.10",
                "Forward PublicAddress i-1 Allowed @i-1/public: instance 'i-1' has a public IPv4 address",
                "Forward InternetGateway igw-1 Allowed @igw-1: internet gateway 'igw-1' is attached to 'vpc-a'",
                "Return StatefulReturn sg-1 Allowed @sg-1: security groups are stateful: the reply is allowed back without a rule of its own",
                "Return NetworkAclInbound sa1 Allowed @sa1: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            }, Hops(Vpc(ToIgw(n, "igw-1"), igwVpcs: new[] { "vpc-b", "vpc-a" }), "i-1", "203.0.113.10"));
    }

    [Fact]
    public void An_address_range_to_the_internet_has_an_unknown_public_address()
    {
        var n = new Net();
        Same(
            new[]
            {
                "Unknown",
                "Forward NetworkAclOutbound sa1 Allowed @sa1: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
                "Forward RouteTable rtb-a Allowed @route 0.0.0.0/0: route 0.0.0.0/0 → igw-1 in route table 'rtb-a' matches 203.0.113.10",
                "Forward PublicAddress sa1 Unknown UNKNOWN_VALUE @sa1: whether addresses in 10.1.0.0/24 have public IPv4 addresses is not known",
                "Forward InternetGateway igw-1 Allowed @igw-1: internet gateway 'igw-1' is attached to 'vpc-a'",
                "Return NetworkAclInbound sa1 Allowed @sa1: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            }, Hops(Vpc(ToIgw(n, "igw-1"), igwVpcs: new[] { "vpc-a" }), "10.1.0.0/24", "203.0.113.10"));
    }

    [Fact]
    public void An_instance_whose_public_address_is_unknown_to_the_internet()
    {
        var n = new Net();
        Same(
            new[]
            {
                "Unknown",
                "Forward SecurityGroupEgress sg-1 Allowed @out 0.0.0.0/0: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-1' admits TCP/443 to 203.0.113.10",
                "Forward NetworkAclOutbound sa1 Allowed @sa1: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
                "Forward RouteTable rtb-a Allowed @route 0.0.0.0/0: route 0.0.0.0/0 → igw-1 in route table 'rtb-a' matches 203.0.113.10",
                "Forward PublicAddress i-1 Unknown UNKNOWN_VALUE @i-1/public: whether instance 'i-1' has a public IPv4 address is not known",
                "Forward InternetGateway igw-1 Allowed @igw-1: internet gateway 'igw-1' is attached to 'vpc-a'",
                "Return StatefulReturn sg-1 Allowed @sg-1: security groups are stateful: the reply is allowed back without a rule of its own",
                "Return NetworkAclInbound sa1 Allowed @sa1: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            }, Hops(Vpc(ToIgw(n, "igw-1"), PublicIpMode.Unknown, igwVpcs: new[] { "vpc-a" }), "i-1", "203.0.113.10"));
    }

    [Fact]
    public void From_the_internet_to_a_vpc_without_a_listed_gateway_blocks()
    {
        var n = new Net();
        Same(
            new[]
            {
                "NotReachable",
                "Forward InternetGateway vpc-a Blocked IGW_NOT_ATTACHED @vpc-a: 'vpc-a' has no internet gateway attached | fix: create an internet gateway, attach it to 'vpc-a', and route 0.0.0.0/0 to it",
                "Forward PublicAddress i-1 Allowed @i-1/public: instance 'i-1' has a public IPv4 address",
                "Forward NetworkAclInbound sa1 Allowed @sa1: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
                "Forward SecurityGroupIngress sg-1 Allowed @in 0.0.0.0/0: inbound rule 'all traffic from 0.0.0.0/0' of 'sg-1' admits TCP/443 from the internet (203.0.113.10)",
                "Return StatefulReturn sg-1 Allowed @sg-1: security groups are stateful: the reply is allowed back without a rule of its own",
                "Return NetworkAclOutbound sa1 Allowed @sa1: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-a Blocked NO_ROUTE_TO_SOURCE @route 0.0.0.0/0: replies to 203.0.113.10 follow route 0.0.0.0/0 → igw-1 in route table 'rtb-a' instead of going back over an internet gateway attached to 'vpc-a' | fix: change the target of route 0.0.0.0/0 in route table 'rtb-a' from igw-1 to an internet gateway attached to 'vpc-a'",
            }, Hops(Vpc(ToIgw(n, "igw-1"), igwVpcs: Array.Empty<string>()), "internet", "i-1"));
    }

    [Fact]
    public void From_the_internet_to_a_vpc_whose_gateways_are_not_listed_is_unknown()
    {
        var n = new Net();
        Same(
            new[]
            {
                "Unknown",
                "Forward InternetGateway vpc-a Unknown UNKNOWN_VALUE @vpc-a: 'vpc-a' has no internet gateway attached in the input",
                "Forward PublicAddress i-1 Allowed @i-1/public: instance 'i-1' has a public IPv4 address",
                "Forward NetworkAclInbound sa1 Allowed @sa1: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
                "Forward SecurityGroupIngress sg-1 Allowed @in 0.0.0.0/0: inbound rule 'all traffic from 0.0.0.0/0' of 'sg-1' admits TCP/443 from the internet (203.0.113.10)",
                "Return StatefulReturn sg-1 Allowed @sg-1: security groups are stateful: the reply is allowed back without a rule of its own",
                "Return NetworkAclOutbound sa1 Allowed @sa1: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-a Unknown UNKNOWN_VALUE @route 0.0.0.0/0: replies to 203.0.113.10 follow route 0.0.0.0/0 → igw-1 in route table 'rtb-a'; whether that is an internet gateway attached to 'vpc-a' is not known",
            }, Hops(Vpc(ToIgw(n, "igw-1"), igwsListed: false), "internet", "i-1"));
    }

    [Fact]
    public void From_the_internet_to_an_instance_without_a_public_address_blocks()
    {
        var n = new Net();
        Same(
            new[]
            {
                "NotReachable",
                "Forward InternetGateway igw-1 Allowed @igw-1: internet gateway 'igw-1' is attached to 'vpc-a'; traffic from the internet address 203.0.113.10 enters here",
                "Forward PublicAddress i-1 Blocked NO_PUBLIC_IP @i-1/public: instance 'i-1' has no public IPv4 address and no Elastic IP, which it needs to be reached from the internet (EC2 Instance Connect and SSH go over the internet) | fix: allocate an Elastic IP and associate it with the instance (or launch it with Auto-assign public IP enabled)",
                "Forward NetworkAclInbound sa1 Allowed @sa1: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
                "Forward SecurityGroupIngress sg-1 Allowed @in 0.0.0.0/0: inbound rule 'all traffic from 0.0.0.0/0' of 'sg-1' admits TCP/443 from the internet (203.0.113.10)",
                "Return StatefulReturn sg-1 Allowed @sg-1: security groups are stateful: the reply is allowed back without a rule of its own",
                "Return NetworkAclOutbound sa1 Allowed @sa1: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-a Allowed @route 0.0.0.0/0: replies to 203.0.113.10 follow route 0.0.0.0/0 → igw-1 in route table 'rtb-a'",
            }, Hops(Vpc(ToIgw(n, "igw-1"), PublicIpMode.None, igwVpcs: new[] { "vpc-a" }), "internet", "i-1"));
    }

    [Fact]
    public void From_the_internet_to_an_address_range_enters_over_its_gateway()
    {
        var n = new Net();
        Same(
            new[]
            {
                "Unknown",
                "Forward InternetGateway igw-1 Allowed @igw-1: internet gateway 'igw-1' is attached to 'vpc-a'; traffic from the internet address 203.0.113.10 enters here",
                "Forward PublicAddress sa1 Unknown UNKNOWN_VALUE @sa1: whether addresses in 10.1.0.0/24 have public IPv4 addresses is not known",
                "Forward NetworkAclInbound sa1 Allowed @sa1: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
                "Return NetworkAclOutbound sa1 Allowed @sa1: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
                "Return RouteTable rtb-a Allowed @route 0.0.0.0/0: replies to 203.0.113.10 follow route 0.0.0.0/0 → igw-1 in route table 'rtb-a'",
            }, Hops(Vpc(ToIgw(n, "igw-1"), igwVpcs: new[] { "vpc-a" }), "internet", "10.1.0.0/24"));
    }

    [Theory]
    [InlineData(null, "'?'")]
    [InlineData("igw-gone", "'igw-gone'")]
    public void The_hop_of_an_internet_gateway_not_in_the_input_is_labelled_with_the_route_target(string? target, string label)
    {
        var n = new Net();
        var r = ReachabilityEngineTests.Eval(Vpc(ToIgw(n, target), igwVpcs: new[] { "vpc-a" }).Index(), "i-1", "203.0.113.10", "tcp", 443);
        Assert.Equal(label, r.Hops.Single(h => h.Kind == PeeringLint.Reachability.HopKind.InternetGateway).ElementLabel);
    }
}
