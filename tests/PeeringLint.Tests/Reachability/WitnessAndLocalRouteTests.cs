using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Reachability;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Reachability;

/// <summary>The internet's witness address avoids more specific routes; ClassicLink's 10.0.0.0/8 → local is not the VPC's own range.</summary>
public sealed class WitnessAndLocalRouteTests
{
    private static string Web(string extraRoutes) => $@"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    internet_gateway: igw1
    subnets:
      - {{ name: public1, cidr: 10.1.0.0/24, route_table: rtb1 }}
    route_tables:
      - name: rtb1
        routes:
          - {{ destination: 0.0.0.0/0, target: igw1 }}
{extraRoutes}    security_groups:
      - name: default
        ingress:
          - {{ type: ssh, source: 0.0.0.0/0 }}
    instances:
      - {{ name: web, subnet: public1, public_ip: auto }}
";

    private static ReachabilityResult Reach(string yaml, string from, string to, string protocol = "tcp", int? port = 22) =>
        ReachabilityEngineTests.Eval(new ModelIndex(RuleVerifier.Load(yaml).Model), from, to, protocol, port);

    [Fact]
    public void Documentation_range_routed_to_a_transit_gateway_is_not_used_as_the_internet()
    {
        var r = Reach(Web("          - { destination: 203.0.113.0/24, target: tgw-0123456789abcdef0 }\n"), "internet", "web");
        Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
        Assert.Contains(r.Hops, h => h.Kind == HopKind.InternetGateway && h.Reason.Contains("internet address 198.51.100.10"));
        Assert.DoesNotContain(r.Hops, h => h.Reason.Contains("203.0.113.10"));
    }

    [Fact]
    public void Without_more_specific_routes_the_first_documentation_address_is_used_and_named()
    {
        var r = Reach(Web(string.Empty), "internet", "web");
        Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
        Assert.Contains(r.Hops, h => h.Kind == HopKind.InternetGateway && h.Reason.Contains("internet address 203.0.113.10"));
    }

    [Fact]
    public void When_every_known_address_is_routed_elsewhere_one_routed_by_the_default_route_is_found()
    {
        string routes = string.Concat(new[] { "203.0.113.0/24", "198.51.100.0/24", "192.0.2.0/24", "8.0.0.0/8" }
            .Select(c => $"          - {{ destination: {c}, target: tgw-0123456789abcdef0 }}\n"));
        var r = Reach(Web(routes), "internet", "web");
        Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
        var hop = Assert.Single(r.Hops, h => h.Kind == HopKind.InternetGateway);
        Assert.Contains("internet address 1.0.0.10", hop.Reason);
    }

    private const string ClassicLinked = @"vpcs:
  - name: vpc-a
    cidr: 172.31.0.0/16
    classic_link: true
    subnets:
      - { name: a1, cidr: 172.31.0.0/24, route_table: rtb-a }
      - { name: a2, cidr: 172.31.1.0/24, route_table: rtb-a }
    route_tables:
      - name: rtb-a
        routes:
          - { destination: 10.0.0.0/8, target: local }
ROUTES    security_groups:
      - name: default
        ingress:
          - { type: all-traffic, source: 0.0.0.0/0 }
    instances:
      - { name: i-a1, subnet: a1 }
      - { name: i-a2, subnet: a2 }
  - name: vpc-b
    cidr: 10.2.0.0/16
    subnets:
      - { name: b1, cidr: 10.2.0.0/24 }
    security_groups:
      - name: default
        ingress:
          - { type: all-traffic, source: 0.0.0.0/0 }
    instances:
      - { name: i-b1, subnet: b1 }
peerings:
  - { name: pcx, requester: vpc-a, accepter: vpc-b }
";

    [Fact]
    public void Listed_classiclink_local_route_does_not_hide_the_vpc_own_local_route()
    {
        var r = Reach(ClassicLinked.Replace("ROUTES", string.Empty), "i-a1", "i-a2");
        Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
        Assert.Contains(r.Hops, h => h.Kind == HopKind.RouteTable && h.Reason.Contains("the local route 172.31.0.0/16"));
    }

    [Fact]
    public void Peer_address_caught_by_classiclink_local_route_is_explained_as_classiclink()
    {
        var r = Reach(ClassicLinked.Replace("ROUTES", string.Empty), "i-a1", "i-b1");
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Contains("which ClassicLink adds to reach linked EC2-Classic instances", r.BlockingHop!.Reason);
        Assert.Contains("it does not reach the instances of 'vpc-b'", r.BlockingHop.Reason);
        Assert.DoesNotContain("own range", r.BlockingHop.Reason);
    }
}

public sealed class ClassicLinkedDestinationTests
{
    [Fact]
    public void Linked_ec2_classic_instance_is_unknown_and_named_as_such()
    {
        string json = @"{
  ""Vpcs"": [{ ""VpcId"": ""vpc-a"", ""CidrBlock"": ""172.31.0.0/16"", ""State"": ""available"" }],
  ""Subnets"": [{ ""SubnetId"": ""subnet-a"", ""VpcId"": ""vpc-a"", ""CidrBlock"": ""172.31.0.0/24"" }],
  ""RouteTables"": [{ ""RouteTableId"": ""rtb-a"", ""VpcId"": ""vpc-a"", ""Associations"": [{ ""Main"": true }], ""Routes"": [
    { ""DestinationCidrBlock"": ""172.31.0.0/16"", ""GatewayId"": ""local"", ""State"": ""active"" },
    { ""DestinationCidrBlock"": ""10.0.0.0/8"", ""GatewayId"": ""local"", ""State"": ""active"" }] }],
  ""Reservations"": [{ ""Instances"": [{ ""InstanceId"": ""i-vpc"", ""SubnetId"": ""subnet-a"", ""VpcId"": ""vpc-a"", ""PrivateIpAddress"": ""172.31.0.10"", ""SecurityGroups"": [] }] }]
}
";
        string links = @"{ ""Instances"": [{ ""InstanceId"": ""i-classic"", ""VpcId"": ""vpc-a"", ""Groups"": [] }] }";
        var load = new PeeringLint.Parsers.Inputs.InputLoader().Load(new[]
        {
            PeeringLint.Parsers.Inputs.InputSource.FromText("a/describe.json", json),
            PeeringLint.Parsers.Inputs.InputSource.FromText("a/describe-classic-link-instances.json", links),
        });
        var index = new ModelIndex(load.Model);
        Assert.Contains(load.Model.Instances, i => i.Id == "i-classic" && i.ClassicLinkVpcId == "vpc-a" && i.SubnetId is null);
        var q = ReachabilityQuery.Create(index, "i-vpc", "i-classic", "icmp", null, out var error);
        Assert.True(q is not null, error);
        var r = ReachabilityEngine.Evaluate(index, q!);
        Assert.Equal(ReachabilityVerdict.Unknown, r.Verdict);
        Assert.Contains(r.Hops, h => h.Reason.Contains("is an EC2-Classic instance linked to 'vpc-a'"));
    }
}
