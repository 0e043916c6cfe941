using System.Collections.Generic;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Tests.Parsers.AwsCli;
using Xunit;

namespace PeeringLint.Tests.Reachability;

/// <summary>
/// A hub-and-spoke AWS JSON export: spokes 1..n, VPC k = 10.k.0.0/16 with one subnet 10.k.1.0/24 and one main route
/// table, every spoke attached to tgw-1 and associated with and propagating to tgw-rtb-1. By default each table sends
/// the summary 10.0.0.0/8 to tgw-1 (the routes PL2011 and PL2012 meet once per spoke of the hub); <see cref="Routes"/>
/// replaces a spoke's routes (JSON objects after the local route, comma-led).
/// </summary>
internal sealed class TgwHub
{
    public const string Summary = ", {\"DestinationCidrBlock\": \"10.0.0.0/8\", \"TransitGatewayId\": \"tgw-1\"}";

    public TgwHub(int spokes)
    {
        Spokes = spokes;
    }

    public int Spokes { get; }

    public Dictionary<int, string> Routes { get; } = new();

    /// <summary>Static routes of tgw-rtb-1 (JSON objects, comma-separated); the propagated spoke blocks come from the propagations.</summary>
    public string StaticRoutes { get; set; } = string.Empty;

    public LoadResult Load()
    {
        var ks = Enumerable.Range(1, Spokes).ToList();
        string Each(System.Func<int, string> f) => string.Join(",\n", ks.Select(f));
        var files = new[]
        {
            ("net/vpcs.json", $"{{\"Vpcs\": [{Each(k => $"{{\"VpcId\": \"vpc-{k}\", \"CidrBlock\": \"10.{k}.0.0/16\", \"Tags\": [{{\"Key\": \"Name\", \"Value\": \"S{k}\"}}]}}")}]}}"),
            ("net/subnets.json", $"{{\"Subnets\": [{Each(k => $"{{\"SubnetId\": \"subnet-{k}\", \"VpcId\": \"vpc-{k}\", \"CidrBlock\": \"10.{k}.1.0/24\", \"AvailabilityZone\": \"us-east-1a\"}}")}]}}"),
            ("net/route-tables.json", $"{{\"RouteTables\": [{Each(k => $"{{\"RouteTableId\": \"rtb-{k}\", \"VpcId\": \"vpc-{k}\", \"Associations\": [{{\"Main\": true}}], \"Routes\": [{{\"DestinationCidrBlock\": \"10.{k}.0.0/16\", \"GatewayId\": \"local\"}}{(Routes.TryGetValue(k, out var r) ? r : Summary)}]}}")}]}}"),
            ("net/transit-gateways.json", "{\"TransitGateways\": [{\"TransitGatewayId\": \"tgw-1\", \"State\": \"available\", \"Options\": {\"DefaultRouteTableAssociation\": \"enable\", \"DefaultRouteTablePropagation\": \"enable\", \"AssociationDefaultRouteTableId\": \"tgw-rtb-1\"}}]}"),
            ("net/transit-gateway-attachments.json", $"{{\"TransitGatewayAttachments\": [{Each(k => $"{{\"TransitGatewayAttachmentId\": \"tgw-attach-{k}\", \"TransitGatewayId\": \"tgw-1\", \"ResourceType\": \"vpc\", \"ResourceId\": \"vpc-{k}\", \"State\": \"available\", \"Association\": {{\"TransitGatewayRouteTableId\": \"tgw-rtb-1\", \"State\": \"associated\"}}}}")}]}}"),
            ("net/transit-gateway-vpc-attachments.json", $"{{\"TransitGatewayVpcAttachments\": [{Each(k => $"{{\"TransitGatewayAttachmentId\": \"tgw-attach-{k}\", \"TransitGatewayId\": \"tgw-1\", \"VpcId\": \"vpc-{k}\", \"SubnetIds\": [\"subnet-{k}\"], \"State\": \"available\"}}")}]}}"),
            ("net/transit-gateway-route-tables.json", "{\"TransitGatewayRouteTables\": [{\"TransitGatewayRouteTableId\": \"tgw-rtb-1\", \"TransitGatewayId\": \"tgw-1\", \"DefaultAssociationRouteTable\": true, \"DefaultPropagationRouteTable\": true}]}"),
            ("net/propagations-tgw-rtb-1.json", $"{{\"TransitGatewayRouteTablePropagations\": [{Each(k => $"{{\"TransitGatewayAttachmentId\": \"tgw-attach-{k}\", \"ResourceId\": \"vpc-{k}\", \"ResourceType\": \"vpc\", \"State\": \"enabled\"}}")}]}}"),
            ("net/routes-tgw-rtb-1.json", $"{{\"Routes\": [{StaticRoutes}], \"AdditionalRoutesAvailable\": false}}"),
        };
        var result = AwsTestKit.LoadText(files);
        Assert.Empty(AwsTestKit.Errors(result));
        return result;
    }

    public IReadOnlyList<Finding> Lint(string rule) =>
        LintEngine.Run(Load().Model, new LintOptions { MaxDegreeOfParallelism = 1 }, new[] { RuleCatalog.Find(rule)! }).Findings;
}
