using System.Globalization;
using System.Linq;
using System.Text;

namespace PeeringLint.Tests.Graph;

internal static class GraphFixtures
{
    /// <summary>Names full of Mermaid/dot/HTML specials, two accounts, a peer VPC outside the input, intents.</summary>
    public const string TrickyYaml = """
        name: tricky names
        account: "111111111111"
        region: us-east-1
        vpcs:
          - name: 'VPC "A" <prod> [blue] #1 | x & y'
            cidr: 10.1.0.0/16
            internet_gateway: igw-a
            subnets:
              - { name: "sub <a>", cidr: 10.1.0.0/24, route_table: 'rt "a"' }
            route_tables:
              - name: 'rt "a"'
                routes:
                  - { destination: 0.0.0.0/0, target: igw-a }
                  - { destination: 10.2.0.0/16, target: "A <> B" }
                  - { destination: 172.16.0.0/16, target: "A <> ext" }
            instances:
              - { name: "web (1)", subnet: "sub <a>", private_ip: 10.1.0.10 }
          - name: "end"
            account: "222222222222"
            region: eu-west-1
            cidr: 10.2.0.0/16
            route_tables:
              - name: rt-b
                routes:
                  - { destination: 10.1.0.0/16, target: "A <> B" }
        peerings:
          - name: "A <> B"
            requester: 'VPC "A" <prod> [blue] #1 | x & y'
            accepter: "end"
          - name: "A <> ext"
            requester: 'VPC "A" <prod> [blue] #1 | x & y'
            accepter: { vpc: vpc-0ext, account: "333333333333", region: us-east-1, cidr: 172.16.0.0/16 }
        intents:
          - { name: 'web "to" <end>', from: "web (1)", to: 10.2.0.0/16, protocol: tcp, port: 443 }
          - { name: to outside, from: "web (1)", to: 192.0.2.10, protocol: icmp }
        """;

    /// <summary>A hub VPC peered with <paramref name="n"/> - 1 spokes (routes both ways), in two regions.</summary>
    public static string HubAndSpokes(int n)
    {
        var sb = new StringBuilder();
        sb.Append("name: hub and spokes\naccount: \"111111111111\"\nregion: us-east-1\nvpcs:\n");
        for (int i = 0; i < n; i++)
        {
            string name = Name(i);
            string cidr = Cidr(i);
            sb.Append(CultureInfo.InvariantCulture, $"  - name: {name}\n    cidr: {cidr}\n");
            if (i % 2 == 1)
            {
                sb.Append("    region: eu-west-1\n");
            }

            sb.Append(CultureInfo.InvariantCulture, $"    subnets:\n      - {{ name: {name}-a, cidr: {Sub(i, 0)}, route_table: {name}-rt }}\n      - {{ name: {name}-b, cidr: {Sub(i, 1)}, route_table: {name}-rt }}\n");
            sb.Append(CultureInfo.InvariantCulture, $"    route_tables:\n      - name: {name}-rt\n        routes:\n");
            if (i == 0)
            {
                for (int j = 1; j < n; j++)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"          - {{ destination: {Cidr(j)}, target: hub-{Name(j)} }}\n");
                }
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"          - {{ destination: {Cidr(0)}, target: hub-{name} }}\n");
            }
        }

        sb.Append("peerings:\n");
        for (int j = 1; j < n; j++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  - {{ name: hub-{Name(j)}, requester: {Name(0)}, accepter: {Name(j)} }}\n");
        }

        return sb.ToString();

        static string Name(int i) => "vpc" + i.ToString("D3", CultureInfo.InvariantCulture);
        static string Cidr(int i) => $"10.{i}.0.0/16";
        static string Sub(int i, int k) => $"10.{i}.{k}.0/24";
    }

    /// <summary>
    /// An organisation of <paramref name="n"/> (≥ 7) VPCs in two accounts and two regions, VPC i peered with i+1 and
    /// i+3 (routes both ways), with planted states: every 13th peering pending, VPC 3 without its route to VPC 4
    /// (a missing return route), VPCs 5 and 6 overlapping, and VPC 0 peered with a VPC outside the input.
    /// </summary>
    public static string Org(int n)
    {
        var peers = new System.Collections.Generic.List<(string Name, int A, int B)>();
        for (int i = 0; i < n; i++)
        {
            foreach (int k in new[] { 1, 3 })
            {
                int j = (i + k) % n;
                peers.Add(($"p{i:D3}-{j:D3}", i, j));
            }
        }

        var sb = new StringBuilder();
        sb.Append("name: org\naccount: \"111111111111\"\nregion: us-east-1\nvpcs:\n");
        for (int i = 0; i < n; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"  - name: {OrgVpc(i)}\n    cidr: {OrgCidr(i)}\n");
            if (i % 2 == 1)
            {
                sb.Append("    account: \"222222222222\"\n");
            }

            if ((i / 3) % 2 == 1)
            {
                sb.Append("    region: eu-west-1\n");
            }

            sb.Append(CultureInfo.InvariantCulture, $"    subnets:\n      - {{ name: {OrgVpc(i)}-a, cidr: {OrgSubnet(i)}, route_table: {OrgVpc(i)}-rt }}\n");
            sb.Append(CultureInfo.InvariantCulture, $"    route_tables:\n      - name: {OrgVpc(i)}-rt\n        routes:\n");
            foreach (var (name, a, b) in peers.Where(p => p.A == i || p.B == i))
            {
                int other = a == i ? b : a;
                if (i == 3 && other == 4)
                {
                    continue;
                }

                sb.Append(CultureInfo.InvariantCulture, $"          - {{ destination: {OrgCidr(other)}, target: {name} }}\n");
            }

            if (i == 0)
            {
                sb.Append("          - { destination: 172.31.0.0/16, target: p-outside }\n");
            }
        }

        sb.Append("peerings:\n");
        int count = 0;
        foreach (var (name, a, b) in peers)
        {
            string status = count++ % 13 == 4 ? ", status: pending-acceptance" : string.Empty;
            sb.Append(CultureInfo.InvariantCulture, $"  - {{ name: {name}, requester: {OrgVpc(a)}, accepter: {OrgVpc(b)}{status} }}\n");
        }

        sb.Append("  - { name: p-outside, requester: org000, accepter: { vpc: vpc-0outside, account: \"333333333333\", region: us-east-1, cidr: 172.31.0.0/16 } }\n");
        return sb.ToString();
    }

    public static string OrgVpc(int i) => "org" + i.ToString("D3", CultureInfo.InvariantCulture);

    private static string OrgCidr(int i) => i == 6 ? "10.5.128.0/17" : $"10.{i}.0.0/16";

    private static string OrgSubnet(int i) => i == 6 ? "10.5.128.0/24" : $"10.{i}.0.0/24";
}
