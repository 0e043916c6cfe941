namespace PeeringLint.Tests.Rules.Routing;

/// <summary>The tutorial's two VPCs with one subnet and one table each; tests pass the route lines.</summary>
internal static class TwoVpcs
{
    public static string Doc(string routes1, string routes2, string status = "active", string extra = "") => $@"vpcs:
  - name: vpc1
    cidr: 10.1.0.0/16
    internet_gateway: igw1
    subnets:
      - {{ name: sub1, cidr: 10.1.0.0/24, route_table: rtb1 }}
    route_tables:
      - name: rtb1
        routes:
          - {{ destination: 0.0.0.0/0, target: igw1 }}
{routes1}  - name: vpc2
    cidr: 10.2.0.0/16
    internet_gateway: igw2
    subnets:
      - {{ name: sub2, cidr: 10.2.0.0/24, route_table: rtb2 }}
    route_tables:
      - name: rtb2
        routes:
          - {{ destination: 0.0.0.0/0, target: igw2 }}
{routes2}peerings:
  - name: p
    requester: vpc1
    accepter: vpc2
    status: {status}
{extra}";

    public static string Route(string destination, string target = "p") => $"          - {{ destination: {destination}, target: {target} }}\n";
}
