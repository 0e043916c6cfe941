using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PeeringLint.Analyzers.Tests.Equivalence;
using PeeringLint.Analyzers.Tests.TestKit;
using PeeringLint.Model;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Analyzers.Tests;

/// <summary>
/// The L2 defaults the analyzer models (docs/analyzer.md, "The network an L2 Vpc creates") pinned against what
/// <c>cdk synth</c> produces: tests/Fixtures/cdk-synth/l2-defaults/app.ts, synthesized offline with aws-cdk-lib
/// 2.160.0 (README.md there has the command), is the same program as <see cref="Program"/>. Every VPC block, subnet
/// (block, public IP on launch), route table (its subnet, its default route and target), NAT gateway, internet
/// gateway and security group egress of the template must be in the analyzer's model, and nothing more.
/// </summary>
public sealed class CdkSynthDefaultsTests
{
    private const string Program =
        "using Amazon.CDK;\n" +
        "using Amazon.CDK.AWS.EC2;\n" +
        "using Constructs;\n" +
        "\n" +
        "namespace App;\n" +
        "\n" +
        "public sealed class L2Defaults : Stack\n" +
        "{\n" +
        "    public L2Defaults(Construct scope, string id) : base(scope, id)\n" +
        "    {\n" +
        "        var plain = new Vpc(this, \"Plain\");\n" +
        "        new SecurityGroup(this, \"Open\", new SecurityGroupProps { Vpc = plain });\n" +
        "        new SecurityGroup(this, \"Closed\", new SecurityGroupProps { Vpc = plain, AllowAllOutbound = false });\n" +
        "        new Vpc(this, \"Rounded\", new VpcProps { IpAddresses = IpAddresses.Cidr(\"10.0.1.0/20\"), MaxAzs = 1 });\n" +
        "        new Vpc(this, \"Tiers\", new VpcProps\n" +
        "        {\n" +
        "            IpAddresses = IpAddresses.Cidr(\"10.1.0.0/16\"),\n" +
        "            NatGateways = 1,\n" +
        "            SubnetConfiguration = new ISubnetConfiguration[]\n" +
        "            {\n" +
        "                new SubnetConfiguration { Name = \"Web\", SubnetType = SubnetType.PUBLIC, CidrMask = 20 },\n" +
        "                new SubnetConfiguration { Name = \"App\", SubnetType = SubnetType.PRIVATE_WITH_EGRESS },\n" +
        "                new SubnetConfiguration { Name = \"Db\", SubnetType = SubnetType.PRIVATE_ISOLATED, CidrMask = 20 },\n" +
        "            },\n" +
        "        });\n" +
        "        new Vpc(this, \"NoNat\", new VpcProps\n" +
        "        {\n" +
        "            IpAddresses = IpAddresses.Cidr(\"10.2.0.0/16\"),\n" +
        "            MaxAzs = 2,\n" +
        "            NatGateways = 0,\n" +
        "            SubnetConfiguration = new ISubnetConfiguration[]\n" +
        "            {\n" +
        "                new SubnetConfiguration { Name = \"Public\", SubnetType = SubnetType.PUBLIC, CidrMask = 24 },\n" +
        "                new SubnetConfiguration { Name = \"Private\", SubnetType = SubnetType.PRIVATE_WITH_EGRESS, CidrMask = 24 },\n" +
        "            },\n" +
        "        });\n" +
        "    }\n" +
        "}\n" +
        "\n" +
        "public static class Program\n" +
        "{\n" +
        "    public static void Main()\n" +
        "    {\n" +
        "        var app = new Amazon.CDK.App();\n" +
        "        new L2Defaults(app, \"L2Defaults\");\n" +
        "        app.Synth();\n" +
        "    }\n" +
        "}\n";

    private static readonly Lazy<NetworkModel> Model = new(() => CdkModelProbe.Build(CdkCompiler.Compile(new[] { ("L2Defaults.cs", Program) })));

    private static readonly Lazy<Template> Synth = new(() => Template.Load(TestPaths.Combine("tests", "Fixtures", "cdk-synth", "l2-defaults", "L2Defaults.template.json")));

    [Fact]
    public void The_program_is_the_one_synthesized()
    {
        // The TypeScript app and this C# program must stay the same program: the construct ids, the props.
        string ts = File.ReadAllText(TestPaths.Combine("tests", "Fixtures", "cdk-synth", "l2-defaults", "app.ts"));
        foreach (var needle in new[] { "new ec2.Vpc(stack, 'Plain')", "'Open', { vpc: plain }", "allowAllOutbound: false", "cidr('10.0.1.0/20'), maxAzs: 1", "cidr('10.1.0.0/16')", "natGateways: 1", "name: 'Web', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 20", "name: 'App', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }", "name: 'Db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: 20", "cidr('10.2.0.0/16'),\n  maxAzs: 2,\n  natGateways: 0", "name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, cidrMask: 24" })
        {
            Assert.Contains(needle, ts, StringComparison.Ordinal);
        }

        Assert.Equal(new[] { "NoNat", "Plain", "Rounded", "Tiers" }, Synth.Value.OfType("AWS::EC2::VPC").Select(r => r.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void VPC_blocks_are_the_synthesized_ones_including_the_default_and_the_rounded_block()
    {
        var expected = Synth.Value.OfType("AWS::EC2::VPC").ToDictionary(r => r.Path, r => r.String("CidrBlock"));
        Assert.Equal("10.0.0.0/16", expected["Plain"]);
        Assert.Equal("10.0.16.0/20", expected["Rounded"]);
        var actual = Model.Value.Vpcs.ToDictionary(v => v.Id, v => string.Join(",", v.Ipv4Cidrs.Select(c => c.ToString())));
        Assert.Equal(Sorted(expected), Sorted(actual));
    }

    [Fact]
    public void Subnets_have_the_synthesized_blocks_vpcs_and_public_ip_mapping()
    {
        // Two AZs for an environment-agnostic stack (MaxAzs 3 by default), one per AZ with MaxAzs 1; the split.
        var expected = Synth.Value.OfType("AWS::EC2::Subnet").ToDictionary(
            r => r.Path,
            r => $"{r.String("CidrBlock")} vpc={Synth.Value.PathOfRef(r.Property("VpcId"))} public={r.Bool("MapPublicIpOnLaunch")}");
        Assert.Equal(16, expected.Count);
        var actual = Model.Value.Subnets.ToDictionary(s => s.Id, s => $"{s.Ipv4Cidr} vpc={s.VpcId} public={s.MapPublicIpOnLaunch == true}");
        Assert.Equal(Sorted(expected), Sorted(actual));
    }

    [Fact]
    public void Each_subnet_has_its_own_route_table_with_the_synthesized_default_route()
    {
        // Tables: one per subnet. Routes: public -> the VPC's internet gateway, private with egress -> the NAT
        // gateway of its AZ (with NatGateways 1, the only one), isolated and private without NAT gateways -> none.
        var template = Synth.Value;
        var routes = template.OfType("AWS::EC2::Route").ToLookup(r => template.PathOfRef(r.Property("RouteTableId")));
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assoc in template.OfType("AWS::EC2::SubnetRouteTableAssociation"))
        {
            string table = template.PathOfRef(assoc.Property("RouteTableId"));
            string subnet = template.PathOfRef(assoc.Property("SubnetId"));
            var r = routes[table].Select(x => x.String("DestinationCidrBlock") + " -> " + (x.Has("GatewayId") ? "igw " + template.PathOfRef(x.Property("GatewayId")) : "nat " + template.PathOfRef(x.Property("NatGatewayId"))));
            expected[table + "/RouteTable"] = $"subnets={subnet} routes=[{string.Join("; ", r.Order(StringComparer.Ordinal))}]";
        }

        Assert.Equal(16, expected.Count);
        var actual = Model.Value.RouteTables.ToDictionary(
            t => t.Id,
            t => $"subnets={string.Join(",", t.SubnetIds)} routes=[{string.Join("; ", t.Routes.Where(x => !x.IsLocal).Select(x => x.DestinationText + " -> " + Target(x)).Order(StringComparer.Ordinal))}]");
        Assert.Equal(Sorted(expected), Sorted(actual));
    }

    [Fact]
    public void NAT_and_internet_gateways_are_the_synthesized_ones()
    {
        // Plain: one NAT gateway per AZ; Rounded: one AZ, one; Tiers: NatGateways = 1; NoNat: none.
        var template = Synth.Value;
        var nats = template.OfType("AWS::EC2::NatGateway").ToDictionary(r => r.Path + "/NATGateway", r => template.PathOfRef(r.Property("SubnetId")));
        Assert.Equal(4, nats.Count);
        Assert.Equal(Sorted(nats), Sorted(Model.Value.NatGateways.ToDictionary(n => n.Id, n => n.SubnetId ?? "?")));

        var attachments = template.OfType("AWS::EC2::VPCGatewayAttachment").ToDictionary(r => template.PathOfRef(r.Property("InternetGatewayId")), r => template.PathOfRef(r.Property("VpcId")));
        Assert.Equal(4, attachments.Count);
        Assert.Equal(Sorted(attachments), Sorted(Model.Value.InternetGateways.ToDictionary(g => g.Id, g => string.Join(",", g.AttachedVpcIds))));
    }

    [Fact]
    public void Security_groups_allow_all_outbound_by_default_and_nothing_with_AllowAllOutbound_false()
    {
        var template = Synth.Value;
        var open = template.OfType("AWS::EC2::SecurityGroup").Single(r => r.Path == "Open");
        var egress = Assert.Single(open.Property("SecurityGroupEgress").EnumerateArray());
        Assert.Equal("0.0.0.0/0", egress.GetProperty("CidrIp").GetString());
        Assert.Equal("-1", egress.GetProperty("IpProtocol").GetString());

        // AllowAllOutbound = false: the CDK writes a rule no packet matches (ICMP type 252 code 86 to 255.255.255.255/32).
        var closed = template.OfType("AWS::EC2::SecurityGroup").Single(r => r.Path == "Closed");
        var placeholder = Assert.Single(closed.Property("SecurityGroupEgress").EnumerateArray());
        Assert.Equal("255.255.255.255/32", placeholder.GetProperty("CidrIp").GetString());
        Assert.Equal(252, placeholder.GetProperty("FromPort").GetInt32());

        var model = Model.Value.SecurityGroups.ToDictionary(g => g.Id);
        var rule = Assert.Single(model["Open"].Egress);
        Assert.Equal((-1, "0.0.0.0/0"), (rule.Protocol ?? 0, rule.Cidr?.ToString()));
        Assert.All(model["Closed"].Egress, r => Assert.True(r.Cidr?.ToString() == "255.255.255.255/32", "Closed admits " + r));
        Assert.Equal("Plain", model["Open"].VpcId);
    }

    private static string Target(Route r) => r.TargetKind switch
    {
        RouteTargetKind.InternetGateway => "igw " + r.TargetId,
        RouteTargetKind.NatGateway => "nat " + r.TargetId?.Replace("/NATGateway", string.Empty, StringComparison.Ordinal),
        _ => r.TargetKind + " " + r.TargetId,
    };

    private static List<string> Sorted(Dictionary<string, string> d) => d.Select(kv => kv.Key + " = " + kv.Value).Order(StringComparer.Ordinal).ToList();

    /// <summary>The synthesized template, each resource named by its construct path below the stack (from its Name tag, or for a group its description).</summary>
    private sealed class Template
    {
        private readonly Dictionary<string, Resource> _byLogicalId;

        private Template(Dictionary<string, Resource> byLogicalId) => _byLogicalId = byLogicalId;

        public static Template Load(string path)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            var result = new Dictionary<string, Resource>(StringComparer.Ordinal);
            foreach (var r in doc.RootElement.GetProperty("Resources").EnumerateObject())
            {
                string type = r.Value.GetProperty("Type").GetString()!;
                var props = r.Value.TryGetProperty("Properties", out var p) ? p.Clone() : default;
                string? name = null;
                if (props.ValueKind == JsonValueKind.Object && props.TryGetProperty("Tags", out var tags))
                {
                    name = tags.EnumerateArray().Where(t => t.GetProperty("Key").GetString() == "Name").Select(t => t.GetProperty("Value").GetString()).FirstOrDefault();
                }
                else if (type == "AWS::EC2::SecurityGroup")
                {
                    name = props.GetProperty("GroupDescription").GetString();
                }

                result[r.Name] = new Resource(r.Name, type, name is null ? r.Name : name.Substring("L2Defaults/".Length), props);
            }

            return new Template(result);
        }

        public IEnumerable<Resource> OfType(string type) => _byLogicalId.Values.Where(r => r.Type == type);

        /// <summary>The construct path of <c>{"Ref": id}</c>; an internet gateway or NAT gateway keeps its own id below the VPC or subnet path.</summary>
        public string PathOfRef(JsonElement reference)
        {
            var target = _byLogicalId[reference.GetProperty("Ref").GetString()!];
            return target.Type switch
            {
                "AWS::EC2::InternetGateway" => target.Path + "/IGW",
                _ => target.Path,
            };
        }
    }

    private sealed record Resource(string LogicalId, string Type, string Path, JsonElement Props)
    {
        public JsonElement Property(string name) => Props.GetProperty(name);

        public bool Has(string name) => Props.TryGetProperty(name, out _);

        public string String(string name) => Props.GetProperty(name).GetString()!;

        public bool Bool(string name) => Props.TryGetProperty(name, out var v) && v.GetBoolean();
    }
}
