using System;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Reachability;
using Xunit;

namespace PeeringLint.Tests.Reachability;

/// <summary>
/// The exact hops of a path: kind, direction, element, verdict, code, reason and fix. The reasons and fixes are what a
/// learner reads, and the choices inside them (which rule, which direction, one group or several, a host or a range,
/// which peering, which fix) are decisions of the walker that only an exact text pins (mutation testing, issue 22;
/// docs/quality.md). Two VPCs: vpc-a 10.1.0.0/16 (subnets sa1 10.1.0.0/24, sa2 10.1.1.0/24) and vpc-b 10.2.0.0/16
/// (subnet sb 10.2.0.0/24), peered by pcx-ab unless a test says otherwise.
/// </summary>
public sealed class HopTextTests
{
    private const ResourceKinds Listed = ResourceKinds.Vpcs | ResourceKinds.Subnets | ResourceKinds.RouteTables | ResourceKinds.InternetGateways
        | ResourceKinds.PeeringConnections | ResourceKinds.SecurityGroups | ResourceKinds.NetworkAcls | ResourceKinds.Instances | ResourceKinds.ElasticIps
        | ResourceKinds.NetworkInterfaces;

    private static Net Two(bool peered = true, PeeringStatus status = PeeringStatus.Active)
    {
        var n = new Net();
        n.Vpc("vpc-a", "10.1.0.0/16");
        n.Vpc("vpc-b", "10.2.0.0/16");
        n.Subnet("sa1", "vpc-a", "10.1.0.0/24");
        n.Subnet("sa2", "vpc-a", "10.1.1.0/24");
        n.Subnet("sb", "vpc-b", "10.2.0.0/24");
        if (peered)
        {
            n.Peering("pcx-ab", "vpc-a", "vpc-b", status);
        }

        n.B.Coverage = Listed;
        return n;
    }

    private static string[] Hops(Net n, string from, string to, string protocol, int? port = null) =>
        Render(ReachabilityEngineTests.Eval(n.Index(), from, to, protocol, port));

    private static string[] Render(ReachabilityResult r) =>
        r.Hops.Select(h => $"{h.Direction} {h.Kind} {h.ElementId} {h.Verdict}{(h.Code is null ? string.Empty : " " + h.Code)}{(h.Assumed ? " assumed" : string.Empty)}: {h.Reason}{(h.Fix is null ? string.Empty : " | fix: " + h.Fix)}")
            .Prepend(r.Verdict.ToString()).ToArray();

    private static void Same(string[] expected, string[] actual) => Assert.Equal(string.Join("\n", expected), string.Join("\n", actual));

    [Theory]
    [InlineData(Traffic.All, 0, 65535, "All traffic")]
    [InlineData(Traffic.Tcp, 22, 22, "SSH (TCP 22)")]
    [InlineData(Traffic.Tcp, 80, 80, "HTTP (TCP 80)")]
    [InlineData(Traffic.Tcp, 443, 443, "HTTPS (TCP 443)")]
    [InlineData(Traffic.Tcp, 22, 23, "Custom TCP port 22-23")]
    [InlineData(Traffic.Tcp, 21, 22, "Custom TCP port 21-22")]
    [InlineData(Traffic.Tcp, 80, 443, "Custom TCP port 80-443")]
    [InlineData(Traffic.Udp, 22, 22, "Custom UDP port 22")]
    [InlineData(Traffic.Udp, 53, 53, "Custom UDP port 53")]
    [InlineData(Traffic.Tcp, 8080, 8080, "Custom TCP port 8080")]
    [InlineData(Traffic.Icmp, 0, 0, "All ICMP - IPv4")]
    [InlineData(Traffic.Icmpv6, 0, 0, "All ICMP - IPv6")]
    [InlineData(50, 0, 65535, "protocol 50")]
    public void Console_rule_type_of_the_suggested_rule(int protocol, int from, int to, string expected) =>
        Assert.Equal(expected, PathWalker.RuleTypeName(new Traffic(protocol, from, to, null)));

    public static TheoryData<string, string[]> Scenarios()
    {
        var data = new TheoryData<string, string[]>();
        foreach (var name in new[]
        {
            "two closed groups", "rule texts tcp", "rule texts udp", "rule texts icmp", "rule texts protocol 50", "acl deny entry and default deny",
            "acl unknown", "cidr endpoints", "no route one peering", "no route no peering", "blackhole both ways", "igw route to private",
            "peering not in input", "peering not in coverage", "peering of other vpcs", "peering not transitive", "peering rejected",
            "peering unknown", "peering target unknown", "return over wrong targets", "return missing local", "own range",
            "eni endpoints", "instance via eni", "public ip variants", "default group missing", "group not in input",
            "internet to instance without public ip", "instance to internet unknown igw", "unknown elastic ip association", "default group notes",
            "no route table", "routes incomplete", "two peerings no route", "blackhole inside the vpc", "internet over peering", "peering pending",
            "internet replies listed gateways", "internet replies unlisted gateway", "return local over igw", "fixes name the internet and ranges",
            "forward to igw: narrower route changes, default route adds",
        })
        {
            data.Add(name, Expected(name));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Hops_read_exactly(string scenario, string[] expected) => Same(expected, Run(scenario));

    private static string[] Run(string scenario)
    {
        switch (scenario)
        {
            case "two closed groups":
            {
                var n = Two();
                n.Table("rtb-a", "vpc-a", new[] { "sa1", "sa2" });
                n.Group("sg-open", "vpc-a", null, Array.Empty<SecurityGroupRule>());
                n.Group("sg-x", "vpc-a", null, Array.Empty<SecurityGroupRule>());
                n.Group("sg-y", "vpc-a", null, Array.Empty<SecurityGroupRule>());
                n.Acl("acl-2", "vpc-a", new[] { "sa2" },
                    n.Entry(100, false, 6, AclAction.Allow, "10.1.0.0/24", 8080, 8080),
                    n.Entry(100, true, 6, AclAction.Allow, "10.1.0.0/24", 1024, 65535));
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.None, "sg-open");
                n.Instance("b1", "sa2", "10.1.1.20", PublicIpMode.None, "sg-x", "sg-y");
                return Hops(n, "a1", "b1", "tcp", 8080);
            }

            case "rule texts tcp":
            case "rule texts udp":
            case "rule texts icmp":
            case "rule texts protocol 50":
            {
                var n = Two();
                n.Table("rtb-a", "vpc-a", new[] { "sa1", "sa2" });
                n.Group("sg-e", "vpc-a", null, Array.Empty<SecurityGroupRule>(), new[] { n.Out(6, 8080, 8080, "10.1.1.0/24"), n.Out(17, 53, 53, "10.1.1.0/24"), n.Out(-1, null, null, "10.1.1.0/24") });
                n.Group("sg-i", "vpc-a", null, new[]
                {
                    n.In(6, 8000, 9000, "10.1.0.0/16"),
                    n.InGroup(17, 53, 53, "sg-e"),
                    n.In(1, -1, -1, "10.1.0.0/24"),
                    n.In(-1, null, null, "10.1.0.10/32"),
                });
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.None, "sg-e");
                n.Instance("b1", "sa2", "10.1.1.20", PublicIpMode.None, "sg-i");
                return scenario switch
                {
                    "rule texts tcp" => Hops(n, "a1", "b1", "tcp", 8080),
                    "rule texts udp" => Hops(n, "a1", "b1", "udp", 53),
                    "rule texts icmp" => Hops(n, "a1", "b1", "icmp"),
                    _ => Hops(n, "a1", "b1", "50"),
                };
            }

            case "acl deny entry and default deny":
            {
                var n = Two();
                n.Table("rtb-a", "vpc-a", new[] { "sa1", "sa2" });
                n.Group("sg-all", "vpc-a", null, new[] { n.In(-1, null, null, "0.0.0.0/0") });
                n.Acl("acl-1", "vpc-a", new[] { "sa1" },
                    n.Entry(90, true, 6, AclAction.Deny, "10.1.1.0/24", 8080, 8080),
                    n.Entry(100, true, -1, AclAction.Allow, "0.0.0.0/0"));
                n.Acl("acl-2", "vpc-a", new[] { "sa2" },
                    n.Entry(100, false, -1, AclAction.Allow, "0.0.0.0/0"));
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.None, "sg-all");
                n.Instance("b1", "sa2", "10.1.1.20", PublicIpMode.None, "sg-all");
                return Hops(n, "a1", "b1", "tcp", 8080);
            }

            case "acl unknown":
            {
                var n = Two();
                n.Table("rtb-a", "vpc-a", new[] { "sa1", "sa2" });
                n.Group("sg-all", "vpc-a", null, new[] { n.In(-1, null, null, "0.0.0.0/0") });
                n.Acl("acl-2", "vpc-a", new[] { "sa2" },
                    n.Entry(100, false, 6, AclAction.Allow, "10.1.0.0/25", 8080, 8080),
                    n.Entry(110, false, -1, AclAction.Deny, "0.0.0.0/0"),
                    n.Entry(100, true, -1, AclAction.Allow, "0.0.0.0/0"));
                return Hops(n, "10.1.0.0/24", "10.1.1.0/24", "tcp", 8080);
            }

            case "cidr endpoints":
            {
                var n = Two();
                n.Table("rtb-a", "vpc-a", new[] { "sa1" }, n.Route("10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab"));
                n.Table("rtb-b", "vpc-b", new[] { "sb" });
                n.Acl("acl-b", "vpc-b", new[] { "sb" }, n.Entry(100, false, -1, AclAction.Allow, "0.0.0.0/0"));
                return Hops(n, "10.1.0.0/24", "10.2.0.0/24", "tcp", 443);
            }

            case "no route one peering":
            case "no route no peering":
            {
                var n = Two(peered: scenario == "no route one peering");
                n.Table("rtb-a", "vpc-a", new[] { "sa1" });
                n.Table("rtb-b", "vpc-b", new[] { "sb" }, n.Route("10.1.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab"));
                n.DefaultGroup("sg-a", "vpc-a");
                n.DefaultGroup("sg-b", "vpc-b", n.In(-1, null, null, "10.1.0.0/16"));
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.None, "sg-a");
                n.Instance("b1", "sb", "10.2.0.20", PublicIpMode.None, "sg-b");
                return Hops(n, "a1", "b1", "tcp", 22);
            }

            case "blackhole both ways":
            {
                var n = Two();
                n.Table("rtb-a", "vpc-a", new[] { "sa1" }, n.Route("10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-gone", RouteState.Blackhole));
                n.Table("rtb-b", "vpc-b", new[] { "sb" }, n.Route("10.1.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-gone", RouteState.Blackhole));
                n.DefaultGroup("sg-a", "vpc-a");
                n.DefaultGroup("sg-b", "vpc-b", n.In(-1, null, null, "10.1.0.0/16"));
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.None, "sg-a");
                n.Instance("b1", "sb", "10.2.0.20", PublicIpMode.None, "sg-b");
                return Hops(n, "a1", "b1", "icmp");
            }

            case "igw route to private":
            {
                var n = Two();
                n.Igw("igw-a", "vpc-a");
                n.Table("rtb-a", "vpc-a", new[] { "sa1" }, n.Route("0.0.0.0/0", RouteTargetKind.InternetGateway, "igw-a"));
                n.Table("rtb-b", "vpc-b", new[] { "sb" }, n.Route("10.1.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab"));
                n.Instance("a1", "sa1", "10.1.0.10");
                n.Instance("b1", "sb", "10.2.0.20");
                n.DefaultGroup("sg-a", "vpc-a");
                n.DefaultGroup("sg-b", "vpc-b", n.In(6, 80, 80, "10.1.0.0/16"));
                return Hops(n, "a1", "b1", "tcp", 80);
            }

            case "peering not in input":
            case "peering not in coverage":
            {
                var n = Two(peered: false);
                n.Table("rtb-a", "vpc-a", new[] { "sa1" }, n.Route("10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-0123"));
                n.Table("rtb-b", "vpc-b", new[] { "sb" });
                n.Instance("a1", "sa1", "10.1.0.10");
                n.Instance("b1", "sb", "10.2.0.20");
                n.DefaultGroup("sg-a", "vpc-a");
                n.DefaultGroup("sg-b", "vpc-b");
                if (scenario == "peering not in coverage")
                {
                    n.B.Coverage = Listed & ~ResourceKinds.PeeringConnections;
                }

                return Hops(n, "a1", "b1", "tcp", 443);
            }

            case "peering of other vpcs":
            case "peering not transitive":
            {
                var n = Two(peered: false);
                n.Vpc("vpc-c", "10.3.0.0/16");
                n.Vpc("vpc-d", "10.4.0.0/16");
                n.Peering("pcx-ac", "vpc-a", "vpc-c");
                n.Peering("pcx-cd", "vpc-c", "vpc-d");
                n.Table("rtb-a", "vpc-a", new[] { "sa1" }, n.Route("10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, scenario == "peering of other vpcs" ? "pcx-cd" : "pcx-ac"));
                n.Table("rtb-b", "vpc-b", new[] { "sb" });
                n.Instance("a1", "sa1", "10.1.0.10");
                n.Instance("b1", "sb", "10.2.0.20");
                n.DefaultGroup("sg-a", "vpc-a");
                n.DefaultGroup("sg-b", "vpc-b");
                return Hops(n, "a1", "b1", "tcp", 443);
            }

            case "peering rejected":
            case "peering unknown":
            {
                var n = Two(status: scenario == "peering rejected" ? PeeringStatus.Rejected : PeeringStatus.Unknown);
                n.Table("rtb-a", "vpc-a", new[] { "sa1" }, n.Route("10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab"));
                n.Table("rtb-b", "vpc-b", new[] { "sb" }, n.Route("10.1.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab"));
                n.Instance("a1", "sa1", "10.1.0.10");
                n.Instance("b1", "sb", "10.2.0.20");
                n.DefaultGroup("sg-a", "vpc-a");
                n.DefaultGroup("sg-b", "vpc-b", n.In(-1, null, null, "10.1.0.0/16"));
                return Hops(n, "a1", "b1", "udp", 514);
            }

            case "peering target unknown":
            {
                var n = Two();
                n.Table("rtb-a", "vpc-a", new[] { "sa1" }, n.Route("10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, null));
                n.Table("rtb-b", "vpc-b", new[] { "sb" });
                n.Instance("a1", "sa1", "10.1.0.10");
                n.Instance("b1", "sb", "10.2.0.20");
                return Hops(n, "a1", "b1", "all");
            }

            case "return over wrong targets":
            {
                var n = Two();
                n.Peering("pcx-ab2", "vpc-a", "vpc-b");
                n.Igw("igw-b", "vpc-b");
                n.Table("rtb-a", "vpc-a", new[] { "sa1", "sa2" }, n.Route("10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab"));
                n.Table("rtb-b", "vpc-b", new[] { "sb" },
                    n.Route("10.1.0.0/24", RouteTargetKind.InternetGateway, "igw-b"),
                    n.Route("10.1.1.0/24", RouteTargetKind.VpcPeeringConnection, "pcx-ab2"),
                    n.Route("10.1.1.128/25", RouteTargetKind.VpcPeeringConnection, null));
                n.Group("sg-all-a", "vpc-a", null, new[] { n.In(-1, null, null, "0.0.0.0/0") });
                n.Group("sg-all-b", "vpc-b", null, new[] { n.In(-1, null, null, "0.0.0.0/0") });
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.None, "sg-all-a");
                n.Instance("a2", "sa2", "10.1.1.20", PublicIpMode.None, "sg-all-a");
                n.Instance("a3", "sa2", "10.1.1.200", PublicIpMode.None, "sg-all-a");
                n.Instance("b1", "sb", "10.2.0.20", PublicIpMode.None, "sg-all-b");
                return Hops(n, "a1", "b1", "tcp", 22).Concat(Hops(n, "a2", "b1", "tcp", 22)).Concat(Hops(n, "a3", "b1", "tcp", 22)).ToArray();
            }

            case "return missing local":
            {
                // The destination's table has no local route (a model built without one): replies have no way back.
                var n = Two();
                n.Table("rtb-a1", "vpc-a", new[] { "sa1" }, n.Route("10.1.0.0/16", RouteTargetKind.Local, "local"));
                n.Table("rtb-a2", "vpc-a", new[] { "sa2" }, n.Route("10.1.0.0/24", RouteTargetKind.NatGateway, "nat-1"));
                n.Group("sg-all", "vpc-a", null, new[] { n.In(-1, null, null, "0.0.0.0/0") });
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.None, "sg-all");
                n.Instance("a2", "sa2", "10.1.1.20", PublicIpMode.None, "sg-all");
                return Hops(n, "a1", "a2", "tcp", 22);
            }

            case "own range":
            {
                // vpc-b overlaps vpc-a: the local route keeps 10.1.x addresses in vpc-a.
                var n = new Net();
                n.Vpc("vpc-a", "10.1.0.0/16");
                n.Vpc("vpc-b", "10.1.0.0/16");
                n.Subnet("sa1", "vpc-a", "10.1.0.0/24");
                n.Subnet("sb", "vpc-b", "10.1.2.0/24");
                n.Peering("pcx-ab", "vpc-a", "vpc-b");
                n.Table("rtb-a", "vpc-a", new[] { "sa1" }, n.Route("10.1.0.0/16", RouteTargetKind.Local, "local"));
                n.Table("rtb-b", "vpc-b", new[] { "sb" }, n.Route("10.1.0.0/16", RouteTargetKind.Local, "local"));
                n.Instance("a1", "sa1", "10.1.0.10");
                n.Instance("b1", "sb", "10.1.2.20");
                n.B.Coverage = Listed;
                return Hops(n, "a1", "b1", "tcp", 22);
            }

            case "eni endpoints":
            {
                var n = Two();
                n.Table("rtb-a", "vpc-a", new[] { "sa1", "sa2" });
                n.Group("sg-e", "vpc-a", null, new[] { n.In(6, 5432, 5432, "10.1.0.0/24") });
                n.B.NetworkInterfaces.Add(new NetworkInterface("eni-src", n.Loc("eni-src"), "sa1") { Name = "client", PrivateIpAddresses = new[] { "10.1.0.5" }, SecurityGroupIds = new[] { "sg-e" } });
                n.B.NetworkInterfaces.Add(new NetworkInterface("eni-db", n.Loc("eni-db"), "sa2") { Name = "db", VpcId = "vpc-a", PrivateIpAddresses = new[] { "not-an-ip", "10.1.1.5" }, SecurityGroupIds = new[] { "sg-e" } });
                return Hops(n, "eni-src", "eni-db", "tcp", 5432).Concat(Hops(n, "eni-db", "eni-src", "tcp", 5432)).ToArray();
            }

            case "instance via eni":
            {
                // The instance lists no groups and no address: both come from its first network interface.
                var n = Two();
                n.Igw("igw-a", "vpc-a");
                n.Table("rtb-a", "vpc-a", new[] { "sa1" }, n.Route("0.0.0.0/0", RouteTargetKind.InternetGateway, "igw-a"));
                n.Group("sg-web", "vpc-a", null, new[] { n.In(6, 443, 443, "0.0.0.0/0") });
                n.B.NetworkInterfaces.Add(new NetworkInterface("eni-1", n.Loc("eni-1"), "sa1") { PrivateIpAddresses = new[] { "10.1.0.7" }, SecurityGroupIds = new[] { "sg-web" }, PublicIpAddress = "203.0.113.77", AttachedInstanceId = "web" });
                n.B.Instances.Add(new Instance("web", n.Loc("web"), "sa1") { Name = "web", NetworkInterfaceIds = new[] { "eni-missing", "eni-1" }, PublicIp = PublicIpMode.None });
                n.Instance("peer", "sa2", "10.1.1.30", PublicIpMode.None, "sg-web");
                n.Table("rtb-a2", "vpc-a", new[] { "sa2" });
                return Hops(n, "internet", "web", "tcp", 443).Concat(Hops(n, "web", "peer", "tcp", 443)).ToArray();
            }

            case "public ip variants":
            {
                var n = Two();
                n.Igw("igw-a", "vpc-a");
                n.Table("rtb-a", "vpc-a", new[] { "sa1" }, n.Route("0.0.0.0/0", RouteTargetKind.InternetGateway, "igw-a"));
                n.Group("sg-web", "vpc-a", null, new[] { n.In(6, 443, 443, "0.0.0.0/0") });
                n.Group("sg-closed", "vpc-a", null, Array.Empty<SecurityGroupRule>());
                n.B.Instances.Add(new Instance("i-pub", n.Loc("i-pub"), "sa1") { Name = "i-pub", PrivateIpAddresses = new[] { "10.1.0.8" }, PublicIpAddress = "203.0.113.8", SecurityGroupIds = new[] { "sg-web" }, NetworkInterfaceIds = new[] { "eni-pub2" } });
                n.B.NetworkInterfaces.Add(new NetworkInterface("eni-pub2", n.Loc("eni-pub2"), "sa1") { PrivateIpAddresses = new[] { "10.1.0.99" }, SecurityGroupIds = new[] { "sg-closed" }, PublicIpAddress = "203.0.113.99", AttachedInstanceId = "i-pub" });
                n.B.Instances.Add(new Instance("i-eip2", n.Loc("i-eip2"), "sa1") { Name = "i-eip2", PrivateIpAddresses = new[] { "10.1.0.16" }, SecurityGroupIds = new[] { "sg-web" } });
                n.B.ElasticIps.Add(new ElasticIp("eipalloc-3", n.Loc("eipalloc-3")) { InstanceId = "i-eip2", PublicIp = "198.51.100.16" });
                n.B.NetworkInterfaces.Add(new NetworkInterface("eni-lone", n.Loc("eni-lone"), "sa1") { PrivateIpAddresses = new[] { "10.1.0.17" }, SecurityGroupIds = new[] { "sg-web" } });
                n.B.Instances.Add(new Instance("i-auto", n.Loc("i-auto"), "sa1") { Name = "i-auto", PrivateIpAddresses = new[] { "10.1.0.9" }, PublicIp = PublicIpMode.Assigned, SecurityGroupIds = new[] { "sg-web" } });
                n.B.Instances.Add(new Instance("i-eip", n.Loc("i-eip"), "sa1") { Name = "i-eip", PrivateIpAddresses = new[] { "10.1.0.10" }, PublicIpAddress = "203.0.113.10", SecurityGroupIds = new[] { "sg-web" } });
                n.B.ElasticIps.Add(new ElasticIp("eipalloc-1", n.Loc("eipalloc-1")) { InstanceId = "i-eip" });
                n.B.NetworkInterfaces.Add(new NetworkInterface("eni-eip", n.Loc("eni-eip"), "sa1") { PrivateIpAddresses = new[] { "10.1.0.11" }, SecurityGroupIds = new[] { "sg-web" } });
                n.B.ElasticIps.Add(new ElasticIp("eipalloc-2", n.Loc("eipalloc-2")) { NetworkInterfaceId = "eni-eip", PublicIp = "198.51.100.11" });
                n.B.NetworkInterfaces.Add(new NetworkInterface("eni-pub", n.Loc("eni-pub"), "sa1") { PrivateIpAddresses = new[] { "10.1.0.12" }, SecurityGroupIds = new[] { "sg-web" }, PublicIpAddress = "203.0.113.12" });
                n.B.NetworkInterfaces.Add(new NetworkInterface("eni-owned", n.Loc("eni-owned"), "sa1") { PrivateIpAddresses = new[] { "10.1.0.13" }, SecurityGroupIds = new[] { "sg-web" }, AttachedInstanceId = "i-none" });
                n.B.Instances.Add(new Instance("i-none", n.Loc("i-none"), "sa1") { Name = "i-none", PrivateIpAddresses = new[] { "10.1.0.14" }, PublicIp = PublicIpMode.None, SecurityGroupIds = new[] { "sg-web" } });
                n.B.NetworkInterfaces.Add(new NetworkInterface("eni-owner-public", n.Loc("eni-owner-public"), "sa1") { PrivateIpAddresses = new[] { "10.1.0.15" }, SecurityGroupIds = new[] { "sg-web" }, AttachedInstanceId = "i-auto" });
                return new[] { "i-pub", "i-auto", "i-eip", "i-eip2", "eni-eip", "eni-pub", "eni-owned", "eni-owner-public", "eni-lone" }
                    .SelectMany(to => Hops(n, "internet", to, "tcp", 443).Where(h => h.Contains("PublicAddress", StringComparison.Ordinal) || h.Contains("SecurityGroupIngress", StringComparison.Ordinal))).ToArray();
            }

            case "default group missing":
            case "group not in input":
            {
                var n = Two();
                n.Table("rtb-a", "vpc-a", new[] { "sa1", "sa2" });
                n.Group("sg-known", "vpc-a", null, new[] { n.In(-1, null, null, "0.0.0.0/0") });
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.None, "sg-known");
                if (scenario == "default group missing")
                {
                    n.Instance("b1", "sa2", "10.1.1.20");
                }
                else
                {
                    n.Instance("b1", "sa2", "10.1.1.20", PublicIpMode.None, "sg-known", "sg-gone");
                }

                return Hops(n, "a1", "b1", "tcp", 22);
            }

            case "internet to instance without public ip":
            {
                var n = Two();
                n.Igw("igw-a", "vpc-a");
                n.Table("rtb-a", "vpc-a", new[] { "sa1" }, n.Route("0.0.0.0/0", RouteTargetKind.InternetGateway, "igw-a"));
                n.DefaultGroup("sg-a", "vpc-a");
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.None, "sg-a");
                n.B.Instances.Add(new Instance("a2", n.Loc("a2"), "sa1") { Name = "a2", PublicIp = PublicIpMode.None, SecurityGroupIds = new[] { "sg-a" } });
                return Hops(n, "internet", "a1", "tcp", 22).Concat(Hops(n, "internet", "a2", "tcp", 22)).ToArray();
            }

            case "instance to internet unknown igw":
            {
                var n = Two();
                n.Table("rtb-a", "vpc-a", new[] { "sa1" }, n.Route("0.0.0.0/0", RouteTargetKind.InternetGateway, "igw-elsewhere"));
                n.DefaultGroup("sg-a", "vpc-a");
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.Assigned, "sg-a");
                n.B.Coverage = Listed & ~ResourceKinds.InternetGateways;
                return Hops(n, "a1", "internet", "tcp", 443);
            }

            case "unknown elastic ip association":
            {
                // An Elastic IP whose association the input does not show may belong to any instance without a public address.
                var n = Two();
                n.Igw("igw-a", "vpc-a");
                n.Table("rtb-a", "vpc-a", new[] { "sa1" }, n.Route("0.0.0.0/0", RouteTargetKind.InternetGateway, "igw-a"));
                n.Group("sg-web", "vpc-a", null, new[] { n.In(6, 443, 443, "0.0.0.0/0") });
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.None, "sg-web");
                n.B.ElasticIps.Add(new ElasticIp("eipalloc-9", n.Loc("eipalloc-9")) { AssociationUnknown = true });
                return Hops(n, "internet", "a1", "tcp", 443);
            }

            case "default group notes":
            {
                // The note about the default group: only on an inbound block by the default group alone (listed or implied).
                var n = Two();
                n.Table("rtb-a", "vpc-a", new[] { "sa1", "sa2" });
                n.Group("sg-d", "vpc-a", "default", new[] { n.InGroup(-1, null, null, "sg-d") }, Array.Empty<SecurityGroupRule>());
                n.Group("sg-x", "vpc-a", null, Array.Empty<SecurityGroupRule>());
                n.Group("sg-out", "vpc-a", null, Array.Empty<SecurityGroupRule>());
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.None, "sg-d");
                n.Instance("a2", "sa1", "10.1.0.11", PublicIpMode.None, "sg-out");
                n.Instance("b1", "sa2", "10.1.1.20");
                n.Instance("b2", "sa2", "10.1.1.21", PublicIpMode.None, "sg-d", "sg-x");
                string[] Blocks(string from, string to) => Hops(n, from, to, "tcp", 22).Where(h => h.Contains("Blocked", StringComparison.Ordinal)).ToArray();
                return Blocks("a1", "b1").Concat(Blocks("a2", "b1")).Concat(Blocks("a2", "b2")).ToArray();
            }

            case "no route table":
            {
                // sa2 has no association and vpc-a no main table in the input.
                var n = Two();
                n.Table("rtb-a", "vpc-a", new[] { "sa1" });
                n.Group("sg-all", "vpc-a", null, new[] { n.In(-1, null, null, "0.0.0.0/0") });
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.None, "sg-all");
                n.Instance("a2", "sa2", "10.1.1.20", PublicIpMode.None, "sg-all");
                return Hops(n, "a1", "a2", "udp", 53).Concat(Hops(n, "a2", "a1", "udp", 53)).ToArray();
            }

            case "routes incomplete":
            {
                var n = Two();
                n.B.RouteTables.Add(new RouteTable("rtb-a1", n.Loc("rtb-a1"), "vpc-a") { SubnetIds = new[] { "sa1" }, RoutesIncomplete = true, Routes = new[] { n.Route("10.1.0.0/16", RouteTargetKind.Local, "local") } });
                n.Table("rtb-a2", "vpc-a", new[] { "sa2" }, n.Route("10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab"));
                n.B.RouteTables.Add(new RouteTable("rtb-b", n.Loc("rtb-b"), "vpc-b") { SubnetIds = new[] { "sb" }, RoutesIncomplete = true });
                n.Group("sg-all", "vpc-a", null, new[] { n.In(-1, null, null, "0.0.0.0/0") });
                n.Group("sg-all-b", "vpc-b", null, new[] { n.In(-1, null, null, "0.0.0.0/0") });
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.None, "sg-all");
                n.Instance("a2", "sa2", "10.1.1.20", PublicIpMode.None, "sg-all");
                n.Instance("b1", "sb", "10.2.0.20", PublicIpMode.None, "sg-all-b");
                return Hops(n, "a1", "b1", "tcp", 22).Concat(Hops(n, "a2", "b1", "tcp", 22)).Concat(Hops(n, "a2", "a1", "tcp", 22)).ToArray();
            }

            case "two peerings no route":
            {
                var n = Two();
                n.Peering("pcx-ab2", "vpc-a", "vpc-b");
                n.Table("rtb-a", "vpc-a", new[] { "sa1" });
                n.Table("rtb-b", "vpc-b", new[] { "sb" });
                n.Instance("a1", "sa1", "10.1.0.10");
                n.Instance("b1", "sb", "10.2.0.20");
                n.DefaultGroup("sg-a", "vpc-a");
                n.DefaultGroup("sg-b", "vpc-b");
                return Hops(n, "a1", "b1", "tcp", 22);
            }

            case "blackhole inside the vpc":
            {
                var n = Two();
                n.Table("rtb-a", "vpc-a", new[] { "sa1" }, n.Route("10.1.0.0/16", RouteTargetKind.Local, "local"), n.Route("10.1.1.0/24", RouteTargetKind.NatGateway, "nat-gone", RouteState.Blackhole));
                n.DefaultGroup("sg-a", "vpc-a");
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.None, "sg-a");
                n.Instance("a2", "sa2", "10.1.1.20", PublicIpMode.None, "sg-a");
                return Hops(n, "a1", "a2", "tcp", 22);
            }

            case "internet over peering":
            {
                var n = Two();
                n.Table("rtb-a", "vpc-a", new[] { "sa1" }, n.Route("0.0.0.0/0", RouteTargetKind.VpcPeeringConnection, "pcx-ab"));
                n.DefaultGroup("sg-a", "vpc-a");
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.Assigned, "sg-a");
                return Hops(n, "a1", "internet", "tcp", 443);
            }

            case "peering pending":
            {
                var n = Two(status: PeeringStatus.PendingAcceptance);
                n.Table("rtb-a", "vpc-a", new[] { "sa1" }, n.Route("10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab"));
                n.Table("rtb-b", "vpc-b", new[] { "sb" }, n.Route("10.1.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab"));
                n.Instance("a1", "sa1", "10.1.0.10");
                n.Instance("b1", "sb", "10.2.0.20");
                n.DefaultGroup("sg-a", "vpc-a");
                n.DefaultGroup("sg-b", "vpc-b", n.In(-1, null, null, "10.1.0.0/16"));
                return Hops(n, "a1", "b1", "tcp", 22).Where(h => h.Contains("PeeringConnection", StringComparison.Ordinal)).ToArray();
            }

            case "internet replies listed gateways":
            case "internet replies unlisted gateway":
            {
                // Replies to the internet: no route back (a1), a route to another VPC's gateway (a2), to a gateway the input does not have (a3).
                var n = Two();
                n.Subnet("sa3", "vpc-a", "10.1.2.0/24");
                n.Igw("igw-a", "vpc-a");
                n.Igw("igw-b", "vpc-b");
                n.Table("rtb-1", "vpc-a", new[] { "sa1" }, n.Route("10.2.0.0/16", RouteTargetKind.VpcPeeringConnection, "pcx-ab"));
                n.Table("rtb-2", "vpc-a", new[] { "sa2" }, n.Route("0.0.0.0/0", RouteTargetKind.InternetGateway, "igw-b"));
                n.Table("rtb-3", "vpc-a", new[] { "sa3" }, n.Route("0.0.0.0/0", RouteTargetKind.InternetGateway, "igw-x"));
                n.Group("sg-web", "vpc-a", null, new[] { n.In(6, 443, 443, "0.0.0.0/0") });
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.Assigned, "sg-web");
                n.Instance("a2", "sa2", "10.1.1.10", PublicIpMode.Assigned, "sg-web");
                n.Instance("a3", "sa3", "10.1.2.10", PublicIpMode.Assigned, "sg-web");
                if (scenario == "internet replies unlisted gateway")
                {
                    n.B.Coverage = Listed & ~ResourceKinds.InternetGateways;
                    return Hops(n, "internet", "a3", "tcp", 443).Where(h => h.Contains("Return RouteTable", StringComparison.Ordinal)).ToArray();
                }

                return new[] { "a1", "a2", "a3" }.SelectMany(to => Hops(n, "internet", to, "tcp", 443).Where(h => h.Contains("Return RouteTable", StringComparison.Ordinal))).ToArray();
            }

            case "return local over igw":
            {
                var n = Two();
                n.Igw("igw-a", "vpc-a");
                n.Table("rtb-a1", "vpc-a", new[] { "sa1" }, n.Route("10.1.0.0/16", RouteTargetKind.Local, "local"));
                n.Table("rtb-a2", "vpc-a", new[] { "sa2" }, n.Route("10.1.0.0/16", RouteTargetKind.Local, "local"), n.Route("10.1.0.0/24", RouteTargetKind.InternetGateway, "igw-a"));
                n.Group("sg-all", "vpc-a", null, new[] { n.In(-1, null, null, "0.0.0.0/0") });
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.None, "sg-all");
                n.Instance("a2", "sa2", "10.1.1.20", PublicIpMode.None, "sg-all");
                return Hops(n, "a1", "a2", "tcp", 22).Where(h => h.Contains("RouteTable", StringComparison.Ordinal)).ToArray();
            }

            case "forward to igw: narrower route changes, default route adds":
            {
                // A route for the peer's whole block to the internet gateway would still win over an added peering route
                // for that block: its target has to change. Under a default route, a peering route for the block wins.
                var n = Two();
                n.Igw("igw-a", "vpc-a");
                n.Table("rtb-a1", "vpc-a", new[] { "sa1" }, n.Route("10.2.0.0/16", RouteTargetKind.InternetGateway, "igw-a"));
                n.Table("rtb-a2", "vpc-a", new[] { "sa2" }, n.Route("0.0.0.0/0", RouteTargetKind.InternetGateway, "igw-a"));
                n.Group("sg-all", "vpc-a", null, new[] { n.In(-1, null, null, "0.0.0.0/0") });
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.None, "sg-all");
                n.Instance("a2", "sa2", "10.1.1.20", PublicIpMode.None, "sg-all");
                n.Group("sg-b", "vpc-b", null, new[] { n.In(-1, null, null, "0.0.0.0/0") });
                n.Instance("b1", "sb", "10.2.0.10", PublicIpMode.None, "sg-b");
                string[] Fixes(string from) => Hops(n, from, "b1", "tcp", 22).Where(h => h.Contains("Forward RouteTable", StringComparison.Ordinal)).Select(h => h.Substring(h.IndexOf(" | fix: ", StringComparison.Ordinal))).ToArray();
                return Fixes("a1").Concat(Fixes("a2")).ToArray();
            }

            case "fixes name the internet and ranges":
            {
                var n = Two();
                n.Igw("igw-a", "vpc-a");
                n.Table("rtb-a", "vpc-a", new[] { "sa1", "sa2" }, n.Route("0.0.0.0/0", RouteTargetKind.InternetGateway, "igw-a"));
                n.Group("sg-shut", "vpc-a", null, Array.Empty<SecurityGroupRule>(), Array.Empty<SecurityGroupRule>());
                n.Instance("a1", "sa1", "10.1.0.10", PublicIpMode.Assigned, "sg-shut");
                n.Instance("a2", "sa2", "10.1.1.20", PublicIpMode.None, "sg-shut");
                string[] Blocks(string from, string to, int port) => Hops(n, from, to, "tcp", port).Where(h => h.Contains("Blocked", StringComparison.Ordinal)).ToArray();
                return Blocks("a1", "internet", 443).Concat(Blocks("10.1.0.0/24", "a2", 80)).Concat(Blocks("a2", "10.1.0.0/24", 8443)).ToArray();
            }

            default:
                throw new ArgumentException(scenario);
        }
    }

    private static string[] Expected(string scenario) => scenario switch
    {
        "two closed groups" => new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-open Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-open' admits TCP/8080 to instance 'b1'",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Allowed: the local route 10.1.0.0/16 of route table 'rtb-a' delivers instance 'b1' inside 'vpc-a'",
            "Forward NetworkAclInbound acl-2 Allowed: inbound rule 100 of network ACL 'acl-2' allows TCP/8080 from 10.1.0.10",
            "Forward SecurityGroupIngress sg-x Blocked ENI_SG_RULES_MISMATCH: security groups 'sg-x', 'sg-y' of instance 'b1' admit no TCP/8080 from instance 'a1' | fix: add an inbound rule Custom TCP port 8080 from 10.1.0.0/16 to security group 'sg-x'",
            "Return StatefulReturn sg-x Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound acl-2 Allowed: outbound rule 100 of network ACL 'acl-2' allows the reply TCP ports 1024-65535 to 10.1.0.10",
            "Return RouteTable rtb-a Allowed: replies to instance 'a1' (10.1.0.10) follow route 10.1.0.0/16 → local in route table 'rtb-a'",
            "Return NetworkAclInbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
        },
        "rule texts tcp" => new[]
        {
            "Reachable",
            "Forward SecurityGroupEgress sg-e Allowed: outbound rule 'TCP 8080 to 10.1.1.0/24' of 'sg-e' admits TCP/8080 to instance 'b1'",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Allowed: the local route 10.1.0.0/16 of route table 'rtb-a' delivers instance 'b1' inside 'vpc-a'",
            "Forward NetworkAclInbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-i Allowed: inbound rule 'TCP 8000-9000 from 10.1.0.0/16' of 'sg-i' admits TCP/8080 from instance 'a1'",
            "Return StatefulReturn sg-i Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-a Allowed: replies to instance 'a1' (10.1.0.10) follow route 10.1.0.0/16 → local in route table 'rtb-a'",
            "Return NetworkAclInbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
        },
        "rule texts udp" => new[]
        {
            "Reachable",
            "Forward SecurityGroupEgress sg-e Allowed: outbound rule 'UDP 53 to 10.1.1.0/24' of 'sg-e' admits UDP/53 to instance 'b1'",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Allowed: the local route 10.1.0.0/16 of route table 'rtb-a' delivers instance 'b1' inside 'vpc-a'",
            "Forward NetworkAclInbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-i Allowed: inbound rule 'UDP 53 from sg-e' of 'sg-i' admits UDP/53 from instance 'a1'",
            "Return StatefulReturn sg-i Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-a Allowed: replies to instance 'a1' (10.1.0.10) follow route 10.1.0.0/16 → local in route table 'rtb-a'",
            "Return NetworkAclInbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
        },
        "rule texts icmp" => new[]
        {
            "Reachable",
            "Forward SecurityGroupEgress sg-e Allowed: outbound rule 'all traffic to 10.1.1.0/24' of 'sg-e' admits ICMP echo request to instance 'b1'",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Allowed: the local route 10.1.0.0/16 of route table 'rtb-a' delivers instance 'b1' inside 'vpc-a'",
            "Forward NetworkAclInbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-i Allowed: inbound rule 'ICMP from 10.1.0.0/24' of 'sg-i' admits ICMP echo request from instance 'a1'",
            "Return StatefulReturn sg-i Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-a Allowed: replies to instance 'a1' (10.1.0.10) follow route 10.1.0.0/16 → local in route table 'rtb-a'",
            "Return NetworkAclInbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
        },
        "rule texts protocol 50" => new[]
        {
            "Reachable",
            "Forward SecurityGroupEgress sg-e Allowed: outbound rule 'all traffic to 10.1.1.0/24' of 'sg-e' admits protocol 50 to instance 'b1'",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Allowed: the local route 10.1.0.0/16 of route table 'rtb-a' delivers instance 'b1' inside 'vpc-a'",
            "Forward NetworkAclInbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-i Allowed: inbound rule 'all traffic from 10.1.0.10/32' of 'sg-i' admits protocol 50 from instance 'a1'",
            "Return StatefulReturn sg-i Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-a Allowed: replies to instance 'a1' (10.1.0.10) follow route 10.1.0.0/16 → local in route table 'rtb-a'",
            "Return NetworkAclInbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
        },
        "acl deny entry and default deny" => new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-all Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-all' admits TCP/8080 to instance 'b1'",
            "Forward NetworkAclOutbound acl-1 Blocked SUBNET_ACL_RESTRICTION: network ACL 'acl-1' of subnet 'sa1' blocks TCP/8080 to 10.1.1.20: outbound rule 90 denies it | fix: add an outbound allow rule for TCP/8080 to 10.1.1.20 numbered below 90 in network ACL 'acl-1'",
            "Forward RouteTable rtb-a Allowed: the local route 10.1.0.0/16 of route table 'rtb-a' delivers instance 'b1' inside 'vpc-a'",
            "Forward NetworkAclInbound acl-2 Allowed: inbound rule 100 of network ACL 'acl-2' allows TCP/8080 from 10.1.0.10",
            "Forward SecurityGroupIngress sg-all Allowed: inbound rule 'all traffic from 0.0.0.0/0' of 'sg-all' admits TCP/8080 from instance 'a1'",
            "Return StatefulReturn sg-all Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound acl-2 Blocked SUBNET_ACL_RESTRICTION: network ACL 'acl-2' of subnet 'sa2' blocks the reply TCP ports 1024-65535 to 10.1.0.10: no outbound rule allows it (the final '*' rule denies everything else) (network ACLs are stateless: replies go to ports 1024-65535) | fix: add an outbound allow rule for the reply TCP ports 1024-65535 to 10.1.0.10 to network ACL 'acl-2'",
            "Return RouteTable rtb-a Allowed: replies to instance 'a1' (10.1.0.10) follow route 10.1.0.0/16 → local in route table 'rtb-a'",
            "Return NetworkAclInbound acl-1 Blocked SUBNET_ACL_RESTRICTION: network ACL 'acl-1' of subnet 'sa1' blocks the reply TCP ports 1024-65535 from 10.1.1.20: no inbound rule allows it (the final '*' rule denies everything else) (network ACLs are stateless: replies go to ports 1024-65535) | fix: add an inbound allow rule for the reply TCP ports 1024-65535 from 10.1.1.20 to network ACL 'acl-1'",
        },
        "acl unknown" => new[]
        {
            "Unknown",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Allowed: the local route 10.1.0.0/16 of route table 'rtb-a' delivers 10.1.1.0/24 inside 'vpc-a'",
            "Forward NetworkAclInbound acl-2 Unknown UNKNOWN_VALUE: cannot tell whether network ACL 'acl-2' allows TCP/8080 from 10.1.0.0/24: inbound rule 100 may match part of it",
            "Return NetworkAclOutbound acl-2 Allowed: outbound rule 100 of network ACL 'acl-2' allows the reply TCP ports 1024-65535 to 10.1.0.0/24",
            "Return RouteTable rtb-a Allowed: replies to 10.1.0.0/24 follow route 10.1.0.0/16 → local in route table 'rtb-a'",
            "Return NetworkAclInbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
        },
        "cidr endpoints" => new[]
        {
            "NotReachable",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Allowed: route 10.2.0.0/16 → pcx-ab in route table 'rtb-a' matches 10.2.0.0/24",
            "Forward PeeringConnection pcx-ab Allowed: peering connection 'pcx-ab' is active and connects 'vpc-a' and 'vpc-b'",
            "Forward NetworkAclInbound acl-b Allowed: inbound rule 100 of network ACL 'acl-b' allows TCP/443 from 10.1.0.0/24",
            "Return NetworkAclOutbound acl-b Blocked SUBNET_ACL_RESTRICTION: network ACL 'acl-b' of subnet 'sb' blocks the reply TCP ports 1024-65535 to 10.1.0.0/24: no outbound rule allows it (the final '*' rule denies everything else) (network ACLs are stateless: replies go to ports 1024-65535) | fix: add an outbound allow rule for the reply TCP ports 1024-65535 to 10.1.0.0/24 to network ACL 'acl-b'",
            "Return RouteTable rtb-b Blocked NO_ROUTE_TO_SOURCE: route table 'rtb-b' has no route back to 10.1.0.0/24; replies need a route over peering connection 'pcx-ab' | fix: add a route 10.1.0.0/24 → pcx-ab to route table 'rtb-b'",
            "Return NetworkAclInbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
        },
        "no route one peering" => new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/22 to instance 'b1'",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Blocked NO_ROUTE_TO_DESTINATION: route table 'rtb-a' has no route that matches instance 'b1' (10.2.0.20) | fix: add a route 10.2.0.0/16 → pcx-ab to route table 'rtb-a'",
            "Forward PeeringConnection pcx-ab Allowed assumed: peering connection 'pcx-ab' is active and connects 'vpc-a' and 'vpc-b'",
            "Forward NetworkAclInbound sb Allowed assumed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-b Allowed assumed: inbound rule 'all traffic from 10.1.0.0/16' of 'sg-b' admits TCP/22 from instance 'a1'",
            "Return StatefulReturn sg-b Allowed assumed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sb Allowed assumed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-b Allowed assumed: replies to instance 'a1' (10.1.0.10) follow route 10.1.0.0/16 → pcx-ab in route table 'rtb-b'",
            "Return NetworkAclInbound sa1 Allowed assumed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
        },
        "no route no peering" => new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/22 to instance 'b1'",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Blocked NO_ROUTE_TO_DESTINATION: route table 'rtb-a' has no route that matches instance 'b1' (10.2.0.20) | fix: add a route 10.2.0.0/16 → a peering connection to 'vpc-b' to route table 'rtb-a'",
        },
        "blackhole both ways" => new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits ICMP echo request to instance 'b1'",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Blocked BLACKHOLE_ROUTE: route 10.2.0.0/16 → pcx-gone in route table 'rtb-a' is a blackhole: its target no longer exists or is not usable | fix: delete the route and add it again with a working target",
            "Forward PeeringConnection pcx-ab Allowed assumed: peering connection 'pcx-ab' is active and connects 'vpc-a' and 'vpc-b'",
            "Forward NetworkAclInbound sb Allowed assumed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-b Allowed assumed: inbound rule 'all traffic from 10.1.0.0/16' of 'sg-b' admits ICMP echo request from instance 'a1'",
            "Return StatefulReturn sg-b Allowed assumed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sb Allowed assumed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-b Blocked BLACKHOLE_ROUTE assumed: replies to instance 'a1' (10.1.0.10) match route 10.1.0.0/16 → pcx-gone in route table 'rtb-b', which is a blackhole | fix: change the target of route 10.1.0.0/16 in route table 'rtb-b' from pcx-gone to pcx-ab",
            "Return NetworkAclInbound sa1 Allowed assumed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
        },
        "igw route to private" => new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/80 to instance 'b1'",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Blocked NO_ROUTE_TO_DESTINATION: route table 'rtb-a' sends instance 'b1' (10.2.0.20) to the internet gateway over route 0.0.0.0/0 → igw-a, but the private addresses of 'vpc-b' are not reachable over the internet; no route sends them over a peering connection | fix: add a route 10.2.0.0/16 → pcx-ab to route table 'rtb-a'",
            "Forward PeeringConnection pcx-ab Allowed assumed: peering connection 'pcx-ab' is active and connects 'vpc-a' and 'vpc-b'",
            "Forward NetworkAclInbound sb Allowed assumed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-b Allowed assumed: inbound rule 'TCP 80 from 10.1.0.0/16' of 'sg-b' admits TCP/80 from instance 'a1'",
            "Return StatefulReturn sg-b Allowed assumed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sb Allowed assumed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-b Allowed assumed: replies to instance 'a1' (10.1.0.10) follow route 10.1.0.0/16 → pcx-ab in route table 'rtb-b'",
            "Return NetworkAclInbound sa1 Allowed assumed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
        },
        "peering not in input" => new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to instance 'b1'",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Allowed: route 10.2.0.0/16 → pcx-0123 in route table 'rtb-a' matches instance 'b1'",
            "Forward PeeringConnection pcx-0123 Blocked BAD_STATE_VPC_PEERING_CONNECTION: peering connection 'pcx-0123' is not in the input (it does not exist)",
        },
        "peering not in coverage" => new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to instance 'b1'",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Allowed: route 10.2.0.0/16 → pcx-0123 in route table 'rtb-a' matches instance 'b1'",
            "Forward PeeringConnection pcx-0123 Unknown UNKNOWN_VALUE: peering connection 'pcx-0123' is not in the input",
        },
        "peering of other vpcs" => new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to instance 'b1'",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Allowed: route 10.2.0.0/16 → pcx-cd in route table 'rtb-a' matches instance 'b1'",
            "Forward PeeringConnection pcx-cd Blocked BAD_STATE_VPC_PEERING_CONNECTION: peering connection 'pcx-cd' does not connect 'vpc-a'",
        },
        "peering not transitive" => new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to instance 'b1'",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Allowed: route 10.2.0.0/16 → pcx-ac in route table 'rtb-a' matches instance 'b1'",
            "Forward PeeringConnection pcx-ac Blocked PEERING_NOT_TRANSITIVE: peering connection 'pcx-ac' leads to 'vpc-c', but instance 'b1' is in 'vpc-b': peering is not transitive and carries no traffic onward | fix: peer the two VPCs directly, or use a transit gateway",
        },
        "peering rejected" => new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits UDP/514 to instance 'b1'",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Allowed: route 10.2.0.0/16 → pcx-ab in route table 'rtb-a' matches instance 'b1'",
            "Forward PeeringConnection pcx-ab Blocked BAD_STATE_VPC_PEERING_CONNECTION: peering connection 'pcx-ab' is rejected, not active: it carries no traffic | fix: create a new peering connection and accept it",
            "Forward NetworkAclInbound sb Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-b Allowed: inbound rule 'all traffic from 10.1.0.0/16' of 'sg-b' admits UDP/514 from instance 'a1'",
            "Return StatefulReturn sg-b Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sb Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-b Allowed: replies to instance 'a1' (10.1.0.10) follow route 10.1.0.0/16 → pcx-ab in route table 'rtb-b'",
            "Return NetworkAclInbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
        },
        "peering unknown" => new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits UDP/514 to instance 'b1'",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Allowed: route 10.2.0.0/16 → pcx-ab in route table 'rtb-a' matches instance 'b1'",
            "Forward PeeringConnection pcx-ab Unknown UNKNOWN_VALUE: the state of peering connection 'pcx-ab' is unknown",
            "Forward NetworkAclInbound sb Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-b Allowed: inbound rule 'all traffic from 10.1.0.0/16' of 'sg-b' admits UDP/514 from instance 'a1'",
            "Return StatefulReturn sg-b Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sb Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-b Allowed: replies to instance 'a1' (10.1.0.10) follow route 10.1.0.0/16 → pcx-ab in route table 'rtb-b'",
            "Return NetworkAclInbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
        },
        "peering target unknown" => new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress a1 Unknown UNKNOWN_VALUE: cannot tell whether security groups of instance 'a1' admit all traffic to instance 'b1': 'vpc-a''s default security group is not in the input",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Unknown UNKNOWN_VALUE: route 10.2.0.0/16 → <unknown VpcPeeringConnection> in route table 'rtb-a' names an unknown peering connection",
        },
        "return over wrong targets" => new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-all-a Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-all-a' admits TCP/22 to instance 'b1'",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Allowed: route 10.2.0.0/16 → pcx-ab in route table 'rtb-a' matches instance 'b1'",
            "Forward PeeringConnection pcx-ab Allowed: peering connection 'pcx-ab' is active and connects 'vpc-a' and 'vpc-b'",
            "Forward NetworkAclInbound sb Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-all-b Allowed: inbound rule 'all traffic from 0.0.0.0/0' of 'sg-all-b' admits TCP/22 from instance 'a1'",
            "Return StatefulReturn sg-all-b Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sb Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-b Blocked NO_ROUTE_TO_SOURCE: replies to instance 'a1' (10.1.0.10) follow route 10.1.0.0/24 → igw-b in route table 'rtb-b' instead of going back over peering connection 'pcx-ab' | fix: change the target of route 10.1.0.0/24 in route table 'rtb-b' from igw-b to pcx-ab",
            "Return NetworkAclInbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "NotReachable",
            "Forward SecurityGroupEgress sg-all-a Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-all-a' admits TCP/22 to instance 'b1'",
            "Forward NetworkAclOutbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Allowed: route 10.2.0.0/16 → pcx-ab in route table 'rtb-a' matches instance 'b1'",
            "Forward PeeringConnection pcx-ab Allowed: peering connection 'pcx-ab' is active and connects 'vpc-a' and 'vpc-b'",
            "Forward NetworkAclInbound sb Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-all-b Allowed: inbound rule 'all traffic from 0.0.0.0/0' of 'sg-all-b' admits TCP/22 from instance 'a2'",
            "Return StatefulReturn sg-all-b Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sb Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-b Blocked NO_ROUTE_TO_SOURCE: replies to instance 'a2' (10.1.1.20) follow route 10.1.1.0/24 → pcx-ab2 in route table 'rtb-b' instead of going back over peering connection 'pcx-ab' | fix: change the target of route 10.1.1.0/24 in route table 'rtb-b' from pcx-ab2 to pcx-ab",
            "Return NetworkAclInbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Unknown",
            "Forward SecurityGroupEgress sg-all-a Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-all-a' admits TCP/22 to instance 'b1'",
            "Forward NetworkAclOutbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Allowed: route 10.2.0.0/16 → pcx-ab in route table 'rtb-a' matches instance 'b1'",
            "Forward PeeringConnection pcx-ab Allowed: peering connection 'pcx-ab' is active and connects 'vpc-a' and 'vpc-b'",
            "Forward NetworkAclInbound sb Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-all-b Allowed: inbound rule 'all traffic from 0.0.0.0/0' of 'sg-all-b' admits TCP/22 from instance 'a3'",
            "Return StatefulReturn sg-all-b Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sb Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-b Unknown UNKNOWN_VALUE: replies to instance 'a3' (10.1.1.200) follow route 10.1.1.128/25 → <unknown VpcPeeringConnection> in route table 'rtb-b'; whether that is peering connection 'pcx-ab' is not known",
        },
        "return missing local" => new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-all Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-all' admits TCP/22 to instance 'a2'",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a1 Allowed: the local route 10.1.0.0/16 of route table 'rtb-a1' delivers instance 'a2' inside 'vpc-a'",
            "Forward NetworkAclInbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-all Allowed: inbound rule 'all traffic from 0.0.0.0/0' of 'sg-all' admits TCP/22 from instance 'a1'",
            "Return StatefulReturn sg-all Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-a2 Unknown UNKNOWN_VALUE: replies to instance 'a1' (10.1.0.10) follow route 10.1.0.0/24 → nat-1 in route table 'rtb-a2'; whether that is the local route is not known",
        },
        "own range" => new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress a1 Unknown UNKNOWN_VALUE: cannot tell whether security groups of instance 'a1' admit TCP/22 to instance 'b1': 'vpc-a''s default security group is not in the input",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Blocked NO_ROUTE_TO_DESTINATION: instance 'b1' (10.1.2.20) lies inside 'vpc-a''s own range, so the local route keeps the traffic in 'vpc-a'",
        },
        "eni endpoints" => new[]
        {
            "Reachable",
            "Forward SecurityGroupEgress sg-e Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-e' admits TCP/5432 to network interface 'db' (eni-db)",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Allowed: the local route 10.1.0.0/16 of route table 'rtb-a' delivers network interface 'db' (eni-db) inside 'vpc-a'",
            "Forward NetworkAclInbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-e Allowed: inbound rule 'TCP 5432 from 10.1.0.0/24' of 'sg-e' admits TCP/5432 from network interface 'client' (eni-src)",
            "Return StatefulReturn sg-e Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-a Allowed: replies to network interface 'client' (eni-src) (10.1.0.5) follow route 10.1.0.0/16 → local in route table 'rtb-a'",
            "Return NetworkAclInbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "NotReachable",
            "Forward SecurityGroupEgress sg-e Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-e' admits TCP/5432 to network interface 'client' (eni-src)",
            "Forward NetworkAclOutbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Allowed: the local route 10.1.0.0/16 of route table 'rtb-a' delivers network interface 'client' (eni-src) inside 'vpc-a'",
            "Forward NetworkAclInbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-e Blocked ENI_SG_RULES_MISMATCH: security group 'sg-e' of network interface 'client' (eni-src) admits no TCP/5432 from network interface 'db' (eni-db) | fix: add an inbound rule Custom TCP port 5432 from 10.1.0.0/16 to security group 'sg-e'",
            "Return StatefulReturn sg-e Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-a Allowed: replies to network interface 'db' (eni-db) (10.1.1.5) follow route 10.1.0.0/16 → local in route table 'rtb-a'",
            "Return NetworkAclInbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
        },
        "instance via eni" => new[]
        {
            "Reachable",
            "Forward InternetGateway igw-a Allowed: internet gateway 'igw-a' is attached to 'vpc-a'; traffic from the internet address 203.0.113.10 enters here",
            "Forward PublicAddress web Allowed: instance 'web' has public IPv4 203.0.113.77",
            "Forward NetworkAclInbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-web Allowed: inbound rule 'TCP 443 from 0.0.0.0/0' of 'sg-web' admits TCP/443 from the internet (203.0.113.10)",
            "Return StatefulReturn sg-web Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-a Allowed: replies to 203.0.113.10 follow route 0.0.0.0/0 → igw-a in route table 'rtb-a'",
            "Reachable",
            "Forward SecurityGroupEgress sg-web Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-web' admits TCP/443 to instance 'peer'",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Allowed: the local route 10.1.0.0/16 of route table 'rtb-a' delivers instance 'peer' inside 'vpc-a'",
            "Forward NetworkAclInbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-web Allowed: inbound rule 'TCP 443 from 0.0.0.0/0' of 'sg-web' admits TCP/443 from instance 'web'",
            "Return StatefulReturn sg-web Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-a2 Allowed: replies to instance 'web' (10.1.0.7) follow route 10.1.0.0/16 → local in route table 'rtb-a2'",
            "Return NetworkAclInbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
        },
        "public ip variants" => new[]
        {
            "Forward PublicAddress i-pub Allowed: instance 'i-pub' has public IPv4 203.0.113.8",
            "Forward SecurityGroupIngress sg-web Allowed: inbound rule 'TCP 443 from 0.0.0.0/0' of 'sg-web' admits TCP/443 from the internet (203.0.113.10)",
            "Forward PublicAddress i-auto Allowed: instance 'i-auto' has a public IPv4 address",
            "Forward SecurityGroupIngress sg-web Allowed: inbound rule 'TCP 443 from 0.0.0.0/0' of 'sg-web' admits TCP/443 from the internet (203.0.113.10)",
            "Forward PublicAddress i-eip Allowed: instance 'i-eip' has Elastic IP 'eipalloc-1'",
            "Forward SecurityGroupIngress sg-web Allowed: inbound rule 'TCP 443 from 0.0.0.0/0' of 'sg-web' admits TCP/443 from the internet (203.0.113.10)",
            "Forward PublicAddress i-eip2 Allowed: instance 'i-eip2' has Elastic IP 'eipalloc-3' 198.51.100.16",
            "Forward SecurityGroupIngress sg-web Allowed: inbound rule 'TCP 443 from 0.0.0.0/0' of 'sg-web' admits TCP/443 from the internet (203.0.113.10)",
            "Forward PublicAddress eni-eip Allowed: network interface 'eni-eip' has Elastic IP 'eipalloc-2'",
            "Forward SecurityGroupIngress sg-web Allowed: inbound rule 'TCP 443 from 0.0.0.0/0' of 'sg-web' admits TCP/443 from the internet (203.0.113.10)",
            "Forward PublicAddress eni-pub Allowed: network interface 'eni-pub' has public IPv4 203.0.113.12",
            "Forward SecurityGroupIngress sg-web Allowed: inbound rule 'TCP 443 from 0.0.0.0/0' of 'sg-web' admits TCP/443 from the internet (203.0.113.10)",
            "Forward PublicAddress eni-owned Blocked NO_PUBLIC_IP: network interface 'eni-owned' has no public IPv4 address and no Elastic IP, which it needs to be reached from the internet (EC2 Instance Connect and SSH go over the internet) | fix: allocate an Elastic IP and associate it with the instance (or launch it with Auto-assign public IP enabled)",
            "Forward SecurityGroupIngress sg-web Allowed: inbound rule 'TCP 443 from 0.0.0.0/0' of 'sg-web' admits TCP/443 from the internet (203.0.113.10)",
            "Forward PublicAddress eni-owner-public Unknown UNKNOWN_VALUE: whether network interface 'eni-owner-public' has a public IPv4 address is not known",
            "Forward SecurityGroupIngress sg-web Allowed: inbound rule 'TCP 443 from 0.0.0.0/0' of 'sg-web' admits TCP/443 from the internet (203.0.113.10)",
            "Forward PublicAddress eni-lone Unknown UNKNOWN_VALUE: whether network interface 'eni-lone' has a public IPv4 address is not known",
            "Forward SecurityGroupIngress sg-web Allowed: inbound rule 'TCP 443 from 0.0.0.0/0' of 'sg-web' admits TCP/443 from the internet (203.0.113.10)",
        },
        "default group missing" => new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-known Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-known' admits TCP/22 to instance 'b1'",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Allowed: the local route 10.1.0.0/16 of route table 'rtb-a' delivers instance 'b1' inside 'vpc-a'",
            "Forward NetworkAclInbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress b1 Unknown UNKNOWN_VALUE: cannot tell whether security groups of instance 'b1' admit TCP/22 from instance 'a1': 'vpc-a''s default security group is not in the input",
            "Return StatefulReturn sg-known Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-a Allowed: replies to instance 'a1' (10.1.0.10) follow route 10.1.0.0/16 → local in route table 'rtb-a'",
            "Return NetworkAclInbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
        },
        "group not in input" => new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-known Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-known' admits TCP/22 to instance 'b1'",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Allowed: the local route 10.1.0.0/16 of route table 'rtb-a' delivers instance 'b1' inside 'vpc-a'",
            "Forward NetworkAclInbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-known Unknown UNKNOWN_VALUE: cannot tell whether security group 'sg-known' of instance 'b1' admits TCP/22 from instance 'a1': security group 'sg-gone' is not in the input",
            "Return StatefulReturn sg-known Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-a Allowed: replies to instance 'a1' (10.1.0.10) follow route 10.1.0.0/16 → local in route table 'rtb-a'",
            "Return NetworkAclInbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
        },
        "internet to instance without public ip" => new[]
        {
            "NotReachable",
            "Forward InternetGateway igw-a Allowed: internet gateway 'igw-a' is attached to 'vpc-a'; traffic from the internet address 203.0.113.10 enters here",
            "Forward PublicAddress a1 Blocked NO_PUBLIC_IP: instance 'a1' has no public IPv4 address and no Elastic IP, which it needs to be reached from the internet (EC2 Instance Connect and SSH go over the internet) | fix: allocate an Elastic IP and associate it with the instance (or launch it with Auto-assign public IP enabled)",
            "Forward NetworkAclInbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-a Blocked ENI_SG_RULES_MISMATCH: security group 'sg-a' of instance 'a1' admits no TCP/22 from the internet (203.0.113.10) (the default security group only admits traffic from members of the same group) | fix: add an inbound rule SSH (TCP 22) to security group 'sg-a' from your own address (or, for EC2 Instance Connect, from the Region's EC2 Instance Connect prefix list; 0.0.0.0/0 opens it to everyone)",
            "Return StatefulReturn sg-a Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-a Allowed: replies to 203.0.113.10 follow route 0.0.0.0/0 → igw-a in route table 'rtb-a'",
            "NotReachable",
            "Forward InternetGateway igw-a Allowed: internet gateway 'igw-a' is attached to 'vpc-a'; traffic from the internet address 203.0.113.10 enters here",
            "Forward PublicAddress a2 Blocked NO_PUBLIC_IP: instance 'a2' has no public IPv4 address and no Elastic IP, which it needs to be reached from the internet (EC2 Instance Connect and SSH go over the internet) | fix: allocate an Elastic IP and associate it with the instance (or launch it with Auto-assign public IP enabled)",
            "Forward NetworkAclInbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-a Blocked ENI_SG_RULES_MISMATCH: security group 'sg-a' of instance 'a2' admits no TCP/22 from the internet (203.0.113.10) (the default security group only admits traffic from members of the same group) | fix: add an inbound rule SSH (TCP 22) to security group 'sg-a' from your own address (or, for EC2 Instance Connect, from the Region's EC2 Instance Connect prefix list; 0.0.0.0/0 opens it to everyone)",
            "Return StatefulReturn sg-a Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-a Allowed: replies to 203.0.113.10 follow route 0.0.0.0/0 → igw-a in route table 'rtb-a'",
        },
        "instance to internet unknown igw" => new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-a Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to the internet (203.0.113.10)",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Allowed: route 0.0.0.0/0 → igw-elsewhere in route table 'rtb-a' matches 203.0.113.10",
            "Forward InternetGateway igw-elsewhere Unknown UNKNOWN_VALUE: internet gateway 'igw-elsewhere' is not in the input",
        },
        "unknown elastic ip association" => new[]
        {
            "Unknown",
            "Forward InternetGateway igw-a Allowed: internet gateway 'igw-a' is attached to 'vpc-a'; traffic from the internet address 203.0.113.10 enters here",
            "Forward PublicAddress a1 Unknown UNKNOWN_VALUE: whether instance 'a1' has a public IPv4 address is not known",
            "Forward NetworkAclInbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-web Allowed: inbound rule 'TCP 443 from 0.0.0.0/0' of 'sg-web' admits TCP/443 from the internet (203.0.113.10)",
            "Return StatefulReturn sg-web Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-a Allowed: replies to 203.0.113.10 follow route 0.0.0.0/0 → igw-a in route table 'rtb-a'",
        },
        "default group notes" => new[]
        {
            "Forward SecurityGroupEgress sg-d Blocked ENI_SG_RULES_MISMATCH: security group 'sg-d' of instance 'a1' admits no TCP/22 to instance 'b1' | fix: add an outbound rule SSH (TCP 22) to 10.1.0.0/16 to security group 'sg-d'",
            "Forward SecurityGroupIngress sg-d Blocked ENI_SG_RULES_MISMATCH: security group 'sg-d' of instance 'b1' admits no TCP/22 from instance 'a2' (the default security group only admits traffic from members of the same group) | fix: add an inbound rule SSH (TCP 22) from 10.1.0.0/16 to security group 'sg-d'",
            "Forward SecurityGroupIngress sg-d Blocked ENI_SG_RULES_MISMATCH: security groups 'sg-d', 'sg-x' of instance 'b2' admit no TCP/22 from instance 'a2' | fix: add an inbound rule SSH (TCP 22) from 10.1.0.0/16 to security group 'sg-d'",
        },
        "no route table" => new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-all Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-all' admits UDP/53 to instance 'a2'",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Allowed: the local route 10.1.0.0/16 of route table 'rtb-a' delivers instance 'a2' inside 'vpc-a'",
            "Forward NetworkAclInbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-all Allowed: inbound rule 'all traffic from 0.0.0.0/0' of 'sg-all' admits UDP/53 from instance 'a1'",
            "Return StatefulReturn sg-all Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable sa2 Unknown UNKNOWN_VALUE: subnet 'sa2' has no route table in the input",
            "Unknown",
            "Forward SecurityGroupEgress sg-all Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-all' admits UDP/53 to instance 'a1'",
            "Forward NetworkAclOutbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable sa2 Unknown UNKNOWN_VALUE: subnet 'sa2' has no route table in the input (no association and no main table)",
        },
        "routes incomplete" => new[]
        {
            "Unknown",
            "Forward SecurityGroupEgress sg-all Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-all' admits TCP/22 to instance 'b1'",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a1 Unknown UNKNOWN_VALUE: route table 'rtb-a1' has routes the input does not show, so where it sends 10.2.0.20 is unknown",
            "Unknown",
            "Forward SecurityGroupEgress sg-all Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-all' admits TCP/22 to instance 'b1'",
            "Forward NetworkAclOutbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a2 Allowed: route 10.2.0.0/16 → pcx-ab in route table 'rtb-a2' matches instance 'b1'",
            "Forward PeeringConnection pcx-ab Allowed: peering connection 'pcx-ab' is active and connects 'vpc-a' and 'vpc-b'",
            "Forward NetworkAclInbound sb Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-all-b Allowed: inbound rule 'all traffic from 0.0.0.0/0' of 'sg-all-b' admits TCP/22 from instance 'a2'",
            "Return StatefulReturn sg-all-b Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sb Allowed: subnet 'sb' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-b Unknown UNKNOWN_VALUE: route table 'rtb-b' has routes the input does not show, so where it sends replies to instance 'a2' (10.1.1.20) is unknown",
            "Reachable",
            "Forward SecurityGroupEgress sg-all Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-all' admits TCP/22 to instance 'a1'",
            "Forward NetworkAclOutbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a2 Allowed: the local route 10.1.0.0/16 of route table 'rtb-a2' delivers instance 'a1' inside 'vpc-a'",
            "Forward NetworkAclInbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward SecurityGroupIngress sg-all Allowed: inbound rule 'all traffic from 0.0.0.0/0' of 'sg-all' admits TCP/22 from instance 'a2'",
            "Return StatefulReturn sg-all Allowed: security groups are stateful: the reply is allowed back without a rule of its own",
            "Return NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Return RouteTable rtb-a1 Allowed: replies to instance 'a2' (10.1.1.20) follow route 10.1.0.0/16 → local in route table 'rtb-a1'",
            "Return NetworkAclInbound sa2 Allowed: subnet 'sa2' uses its VPC's default network ACL, which allows all traffic",
        },
        "two peerings no route" => new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/22 to instance 'b1'",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Blocked NO_ROUTE_TO_DESTINATION: route table 'rtb-a' has no route that matches instance 'b1' (10.2.0.20) | fix: add a route 10.2.0.0/16 → a peering connection to 'vpc-b' to route table 'rtb-a'",
        },
        "blackhole inside the vpc" => new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/22 to instance 'a2'",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Blocked BLACKHOLE_ROUTE: route 10.1.1.0/24 → nat-gone in route table 'rtb-a' is a blackhole: its target no longer exists or is not usable | fix: delete the route and add it again with a working target",
        },
        "internet over peering" => new[]
        {
            "NotReachable",
            "Forward SecurityGroupEgress sg-a Allowed: outbound rule 'all traffic to 0.0.0.0/0' of 'sg-a' admits TCP/443 to the internet (203.0.113.10)",
            "Forward NetworkAclOutbound sa1 Allowed: subnet 'sa1' uses its VPC's default network ACL, which allows all traffic",
            "Forward RouteTable rtb-a Allowed: route 0.0.0.0/0 → pcx-ab in route table 'rtb-a' matches the internet (203.0.113.10)",
            "Forward PeeringConnection pcx-ab Blocked PEERING_NOT_TRANSITIVE: peering connection 'pcx-ab' leads to 'vpc-b', but 203.0.113.10 is on the internet: peering is not transitive and carries no traffic onward | fix: peer the two VPCs directly, or use a transit gateway",
        },
        "peering pending" => new[]
        {
            "Forward PeeringConnection pcx-ab Blocked BAD_STATE_VPC_PEERING_CONNECTION: peering connection 'pcx-ab' is pending-acceptance, not active: it carries no traffic | fix: accept the peering request (VPC console → Peering connections → Actions → Accept request)",
        },
        "internet replies listed gateways" => new[]
        {
            "Return RouteTable rtb-1 Blocked NO_ROUTE_TO_SOURCE: route table 'rtb-1' has no route back to 203.0.113.10; replies need a route over an internet gateway attached to 'vpc-a' | fix: add a route 0.0.0.0/0 → an internet gateway attached to 'vpc-a' to route table 'rtb-1'",
            "Return RouteTable rtb-2 Blocked NO_ROUTE_TO_SOURCE: replies to 203.0.113.10 follow route 0.0.0.0/0 → igw-b in route table 'rtb-2' instead of going back over an internet gateway attached to 'vpc-a' | fix: change the target of route 0.0.0.0/0 in route table 'rtb-2' from igw-b to an internet gateway attached to 'vpc-a'",
            "Return RouteTable rtb-3 Blocked NO_ROUTE_TO_SOURCE: replies to 203.0.113.10 follow route 0.0.0.0/0 → igw-x in route table 'rtb-3' instead of going back over an internet gateway attached to 'vpc-a' | fix: change the target of route 0.0.0.0/0 in route table 'rtb-3' from igw-x to an internet gateway attached to 'vpc-a'",
        },
        "internet replies unlisted gateway" => new[]
        {
            "Return RouteTable rtb-3 Unknown UNKNOWN_VALUE: replies to 203.0.113.10 follow route 0.0.0.0/0 → igw-x in route table 'rtb-3'; whether that is an internet gateway attached to 'vpc-a' is not known",
        },
        "return local over igw" => new[]
        {
            "Forward RouteTable rtb-a1 Allowed: the local route 10.1.0.0/16 of route table 'rtb-a1' delivers instance 'a2' inside 'vpc-a'",
            "Return RouteTable rtb-a2 Blocked NO_ROUTE_TO_SOURCE: replies to instance 'a1' (10.1.0.10) follow route 10.1.0.0/24 → igw-a in route table 'rtb-a2' instead of going back over the local route | fix: remove route 10.1.0.0/24 → igw-a from route table 'rtb-a2', so that the local route carries the replies",
        },
        "forward to igw: narrower route changes, default route adds" => new[]
        {
            " | fix: change the target of route 10.2.0.0/16 in route table 'rtb-a1' from igw-a to pcx-ab",
            " | fix: add a route 10.2.0.0/16 → pcx-ab to route table 'rtb-a2'",
        },
        "fixes name the internet and ranges" => new[]
        {
            "Forward SecurityGroupEgress sg-shut Blocked ENI_SG_RULES_MISMATCH: security group 'sg-shut' of instance 'a1' admits no TCP/443 to the internet (203.0.113.10) | fix: add an outbound rule HTTPS (TCP 443) to 0.0.0.0/0 to security group 'sg-shut'",
            "Forward SecurityGroupIngress sg-shut Blocked ENI_SG_RULES_MISMATCH: security group 'sg-shut' of instance 'a2' admits no TCP/80 from 10.1.0.0/24 | fix: add an inbound rule HTTP (TCP 80) from 10.1.0.0/24 to security group 'sg-shut'",
            "Forward SecurityGroupEgress sg-shut Blocked ENI_SG_RULES_MISMATCH: security group 'sg-shut' of instance 'a2' admits no TCP/8443 to 10.1.0.0/24 | fix: add an outbound rule Custom TCP port 8443 to 10.1.0.0/24 to security group 'sg-shut'",
        },
        _ => throw new ArgumentException(scenario),
    };
}
