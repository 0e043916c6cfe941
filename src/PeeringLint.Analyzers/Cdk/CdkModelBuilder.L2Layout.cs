using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PeeringLint.Aws;
using PeeringLint.Model;

namespace PeeringLint.Analyzers.Cdk;

/// <summary>The L2 layout hooks: an L2 Vpc's subnets, route tables and the block the CDK deploys, AddRoute on L2 subnets.</summary>
internal sealed partial class CdkModelBuilder
{
    /// <summary>True when the VPC's stack certainly has no environment (see <see cref="StackEnvironment"/>).</summary>
    private bool EnvironmentAgnostic(ConstructFact vpc)
    {
        if (vpc.Environment is not { IsUnknown: false } env)
        {
            return false;
        }

        foreach (var (ctor, ordinal) in env.PassThrough)
        {
            int seen = 0;
            foreach (var creation in _stacks)
            {
                if (SymbolEqualityComparer.Default.Equals(creation.Constructor, ctor))
                {
                    if (ordinal >= creation.WithoutEnv.Length || !creation.WithoutEnv[ordinal])
                    {
                        return false;
                    }

                    seen++;
                }
            }

            if (seen == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Adds the subnets, route tables (with their default routes), internet and NAT gateways of an L2 VPC.</summary>
    private void AddL2Network(
        ConstructFact vpc,
        L2VpcLayout layout,
        List<Subnet> subnets,
        Dictionary<string, string?> subnetVpc,
        Dictionary<string, RouteTable> tables,
        List<string> tableOrder,
        Dictionary<string, List<Route>> routes,
        Dictionary<string, List<string>> tableSubnets,
        Dictionary<string, InternetGateway> igws,
        List<string> igwOrder,
        Dictionary<string, List<string>> attachments,
        List<NatGateway> nats)
    {
        string vpcId = layout.VpcId;
        SourceLocation At(string id) => Src(vpc.Location, "Vpc '" + vpcId + "' " + id);
        if (layout.InternetGatewayId is { } igw)
        {
            igws[igw] = new InternetGateway(igw, At(igw));
            igwOrder.Add(igw);
            Add(attachments, igw, vpcId);
        }

        foreach (var (id, subnetId) in layout.NatGateways)
        {
            nats.Add(new NatGateway(id, At(id), subnetId) { VpcId = vpcId });
        }

        foreach (var s in layout.Subnets)
        {
            if (vpc.Variable is { } variable && !(variable is IParameterSymbol))
            {
                // How C# names this subnet's table, for code fixes: vpc1.PublicSubnets[0].RouteTable.RouteTableId.
                _tableExpressions[s.TableId] = variable.Name + "." + s.Group + "[" + layout.Group(s.Group).IndexOf(s).ToString(CultureInfo.InvariantCulture) + "].RouteTable.RouteTableId";
            }

            var loc = At(s.Id);
            subnetVpc[s.Id] = vpcId;
            subnets.Add(new Subnet(s.Id, loc, vpcId)
            {
                Ipv4Cidr = s.Cidr is null ? CidrValue.Unknown(loc, "subnet block not computed") : CidrValue.Parse(s.Cidr, loc),
                MapPublicIpOnLaunch = s.MapPublicIpOnLaunch,
            });
            tables[s.TableId] = new RouteTable(s.TableId, At(s.TableId), vpcId);
            tableOrder.Add(s.TableId);
            Add(tableSubnets, s.TableId, s.Id);
            if (s.Group == "PublicSubnets" && layout.InternetGatewayId is { } gw)
            {
                Add(routes, s.TableId, new Route(At(s.TableId), RouteTargetKind.InternetGateway, gw) { Destination = CidrValue.Parse("0.0.0.0/0", At(s.TableId)) });
            }
            else if (s.NatGatewayId is { } nat)
            {
                Add(routes, s.TableId, new Route(At(s.TableId), RouteTargetKind.NatGateway, nat) { Destination = CidrValue.Parse("0.0.0.0/0", At(s.TableId)) });
            }
        }
    }

    /// <summary>
    /// The L2 subnets a <see cref="SubnetValue"/> denotes: one, or for a foreach variable every subnet of the group
    /// when <paramref name="user"/> (the construct creation or call) runs once per iteration. Null when unknown.
    /// </summary>
    private List<L2Subnet>? L2Subnets(SubnetValue value, SyntaxNode user)
    {
        if (Resolve(value.Vpc) is not { Kind: "Vpc" } vpc || !_layouts.TryGetValue(_ids[vpc], out var layout))
        {
            return null;
        }

        var group = layout.Group(value.Group);
        if (value.Index is { } i)
        {
            return i < group.Count ? new List<L2Subnet> { group[i] } : null;
        }

        return value.Loop is ForEachStatementSyntax loop && ValueReader.RunsOncePerIteration(user, loop) ? group : null;
    }

    /// <summary><c>subnet.AddRoute("id", new AddRouteOptions { DestinationCidrBlock, RouterType, RouterId })</c>.</summary>
    private Route ReadAddRoute(CallFact call, ObjectValue options)
    {
        var loc = Src(call.Syntax.GetLocation());
        // RouterType says which CfnRoute property CDK writes RouterId to; the layer decides what that names.
        string? property = (options.Get("RouterType") as EnumValue)?.Member switch
        {
            "VPC_PEERING_CONNECTION" => "VpcPeeringConnectionId",
            "GATEWAY" => "GatewayId",
            "NAT_GATEWAY" => "NatGatewayId",
            "INSTANCE" => "InstanceId",
            "NETWORK_INTERFACE" => "NetworkInterfaceId",
            "TRANSIT_GATEWAY" => "TransitGatewayId",
            "VPC_ENDPOINT" => "VpcEndpointId",
            "EGRESS_ONLY_INTERNET_GATEWAY" => "EgressOnlyInternetGatewayId",
            "CARRIER_GATEWAY" => "CarrierGatewayId",
            "LOCAL_GATEWAY" => "LocalGatewayId",
            _ => null,
        };
        var (kind, target) = property is null ? (RouteTargetKind.Unknown, null) : RouteTargets.Of(property, Pv(options.Get("RouterId")));
        var dest = options.Get("DestinationCidrBlock") ?? options.Get("DestinationIpv6CidrBlock");
        return new Route(loc, kind, target)
        {
            Destination = dest is null ? null : CidrOf(dest),
            DeclaringId = call.Arguments[0] is StringValue id ? id.Text : null,
        };
    }

    private static string? PrimaryCidrText(ConstructFact vpc) => vpc.Kind switch
    {
        "CfnVPC" => (vpc.Prop("CidrBlock") as StringValue)?.Text,
        "Vpc" => L2CidrArgument(vpc) is { } given ? (given is StringValue s ? CdkDeployedCidr(s.Text) ?? s.Text : null)
            : vpc.Prop("IpAddresses") is null ? CdkDefaultVpcCidr : null,
        _ => null,
    };

    /// <summary>The L2 VPC's block as written: <c>IpAddresses.Cidr("…")</c>'s argument or the older <c>Cidr</c>.</summary>
    private static CdkValue? L2CidrArgument(ConstructFact vpc) =>
        vpc.Prop("IpAddresses") is CallValue { Method: "IpAddresses.Cidr" } c && c.Arguments.Count > 0 ? c.Arguments[0]
        : vpc.Prop("IpAddresses") is null ? vpc.Prop("Cidr")
        : null;

    /// <summary>
    /// The block the CDK synthesizes for an L2 VPC's IPv4 CIDR text: Amazon.CDK.Lib's <c>CidrBlock</c> (network-util)
    /// takes the address plus the block size minus one and rounds that down to the block boundary, so a block with
    /// host bits set moves UP to the next boundary (<c>10.0.1.0/20</c> → <c>10.0.16.0/20</c>); an aligned block is
    /// unchanged. Null when the text is not a dotted IPv4 CIDR with a /0–/32 mask.
    /// </summary>
    internal static string? CdkDeployedCidr(string text)
    {
        var slash = text.IndexOf('/');
        if (slash < 0 || !int.TryParse(text.Substring(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int mask) || mask > 32)
        {
            return null;
        }

        var octets = text.Substring(0, slash).Split('.');
        if (octets.Length != 4)
        {
            return null;
        }

        long address = 0;
        foreach (var o in octets)
        {
            if (!int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out int b) || b > 255)
            {
                return null;
            }

            address = (address << 8) | (uint)b;
        }

        long size = 1L << (32 - mask);
        long network = address + size - 1;
        network -= network % size;
        if (network > uint.MaxValue)
        {
            return null;
        }

        return string.Join(".", (network >> 24) & 255, (network >> 16) & 255, (network >> 8) & 255, network & 255) + "/" + mask.ToString(CultureInfo.InvariantCulture);
    }

    private CidrValue L2VpcCidr(ConstructFact f, SourceLocation loc)
    {
        switch (f.Prop("IpAddresses"))
        {
            case CallValue { Method: "IpAddresses.Cidr" } call when call.Arguments.Count > 0:
                return L2Given(f, call.Arguments[0], "IpAddresses");
            case null:
                break;
            default:
                return CidrValue.Unknown(Src(f.Prop("IpAddresses")!.Location), "IP addresses not given by IpAddresses.Cidr");
        }

        if (f.Prop("Cidr") is { } cidr)
        {
            return L2Given(f, cidr, "Cidr");
        }

        // Neither given: the CDK's documented default.
        return CidrValue.Parse(CdkDefaultVpcCidr, loc);
    }

    /// <summary>
    /// An L2 VPC's given block as the CDK deploys it (<see cref="CdkDeployedCidr"/>). When the CDK moves it, the model
    /// carries the deployed block and the analyzer notes the difference as a PL1004 warning at the literal.
    /// </summary>
    private CidrValue L2Given(ConstructFact f, CdkValue given, string property)
    {
        var written = Cidr(given, f, property) ?? CidrValue.Unknown(Src(f.Location));
        if (given is not StringValue s || CdkDeployedCidr(s.Text) is not { } deployed || deployed == s.Text)
        {
            return written;
        }

        var loc = Src(given.Location, f.Kind + " '" + _ids[f] + "'." + property);
        var parsed = CidrValue.Parse(deployed, loc);
        if (parsed.Value is null)
        {
            return written;
        }

        _notes.Add((given.Location,
            $"VPC '{_ids[f]}' is given {s.Text}, which has host bits set; the CDK does not pass it to AWS as written. "
            + $"Amazon.CDK.Lib rounds it up to the next /{parsed.Value.Value.PrefixLength} boundary and deploys {deployed}, and lays the subnets out in {deployed}. "
            + $"Write \"{deployed}\" if that is the block you mean; otherwise write the block you want with its host bits clear."));
        return parsed;
    }
}
