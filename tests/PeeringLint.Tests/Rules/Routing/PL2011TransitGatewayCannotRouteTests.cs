using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Tests.Reachability;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Routing;

public sealed class PL2011TransitGatewayCannotRouteTests
{
    private const string Marked = "{ RouteTableId: !Ref TableA, DestinationCidrBlock: [|10.2.0.0/16|], TransitGatewayId: !Ref Hub }";

    [Fact]
    public void Template_hub_and_spoke_is_silent() => RuleVerifier.Verify(new TgwTemplate().Text(), "PL2011");

    [Fact]
    public void Template_with_the_gateways_default_route_table_is_silent() =>
        RuleVerifier.Verify(new TgwTemplate { HubProperties = "{ Description: hub }", Links = string.Empty }.Text(), "PL2011");

    [Fact]
    public void Template_attachment_not_associated_is_reported_at_the_route()
    {
        var f = RuleVerifier.Verify(new TgwTemplate { RouteToB = Marked, Links = TgwTemplate.LinksWithout("AssociateA") }.Text(), "PL2011");
        Assert.Contains("'AttachA', which is not associated", f.Single().Message);
    }

    [Fact]
    public void Template_destination_not_propagated_is_reported_with_the_vpc_it_misses()
    {
        var f = RuleVerifier.Verify(new TgwTemplate { RouteToB = Marked, Links = TgwTemplate.LinksWithout("PropagateB") }.Text(), "PL2011");
        Assert.Contains("has no working route for 10.2.0.0/16 ('VpcB')", f.Single().Message);
        Assert.Contains(f.Single().Related, r => r.Message.Contains("HubTable"));
    }

    private const string NoDefaults = "DefaultRouteTableAssociation: disable, DefaultRouteTablePropagation: disable";

    [Fact]
    public void Template_route_to_the_gateways_own_cidr_block_is_answered_by_the_gateway_and_silent()
    {
        // aws-samples' Transit Gateway Connect sample: the VPC routes the gateway's TransitGatewayCidrBlocks (the gateway's
        // end of the Connect peers' GRE tunnels) to it; no TGW route table holds that range, and none needs to.
        const string ToOwn = "{ RouteTableId: !Ref TableA, DestinationCidrBlock: 10.10.0.0/24, TransitGatewayId: !Ref Hub }";
        RuleVerifier.Verify(new TgwTemplate { HubProperties = "{ " + NoDefaults + ", TransitGatewayCidrBlocks: [10.10.0.0/16] }", RouteToB = ToOwn }.Text(), "PL2011");

        // The same route without the gateway's block: no TGW route for it, reported.
        var f = RuleVerifier.Verify(new TgwTemplate { RouteToB = ToOwn.Replace("10.10.0.0/24", "[|10.10.0.0/24|]") }.Text(), "PL2011");
        Assert.Contains("has no working route for 10.10.0.0/24", f.Single().Message);
    }

    [Fact]
    public void Template_gateway_block_not_pinned_down_may_be_the_destination_and_is_silent()
    {
        string text = "Parameters:\n  TgwCidr: { Type: String }\n" + new TgwTemplate
        {
            HubProperties = "{ " + NoDefaults + ", TransitGatewayCidrBlocks: [!Ref TgwCidr] }",
            RouteToB = "{ RouteTableId: !Ref TableA, DestinationCidrBlock: 10.10.0.0/24, TransitGatewayId: !Ref Hub }",
        }.Text();
        RuleVerifier.Verify(text, "PL2011");
    }

    [Fact]
    public void Template_gateway_block_elsewhere_does_not_excuse_a_missing_route()
    {
        var f = RuleVerifier.Verify(new TgwTemplate { HubProperties = "{ " + NoDefaults + ", TransitGatewayCidrBlocks: [10.10.0.0/24] }", RouteToB = Marked, Links = TgwTemplate.LinksWithout("PropagateB") }.Text(), "PL2011");
        Assert.Contains("has no working route for 10.2.0.0/16 ('VpcB')", f.Single().Message);
    }

    [Fact]
    public void Template_static_blackhole_is_reported()
    {
        string links = TgwTemplate.AllLinks + "\n" + """
              Drop:
                Type: AWS::EC2::TransitGatewayRoute
                Properties: { TransitGatewayRouteTableId: !Ref HubTable, DestinationCidrBlock: 10.2.0.0/16, Blackhole: true }
            """;
        var f = RuleVerifier.Verify(new TgwTemplate { RouteToB = Marked, Links = links }.Text(), "PL2011");
        Assert.Contains("10.2.0.0/16 ('VpcB') (blackhole 10.2.0.0/16)", f.Single().Message);
    }

    [Fact]
    public void Template_blackhole_for_part_of_the_destination_is_a_design_and_silent()
    {
        // A more specific blackhole carves a subnet out of what the gateway delivers: deliberate, and the rest arrives.
        string links = TgwTemplate.AllLinks + "\n" + """
              Drop:
                Type: AWS::EC2::TransitGatewayRoute
                Properties: { TransitGatewayRouteTableId: !Ref HubTable, DestinationCidrBlock: 10.2.1.0/24, Blackhole: true }
            """;
        RuleVerifier.Verify(new TgwTemplate { RouteToB = Marked.Replace("[|", string.Empty).Replace("|]", string.Empty), Links = links }.Text(), "PL2011");
    }

    [Fact]
    public void Template_tgw_route_to_an_attachment_the_input_does_not_show_is_unknown_and_silent()
    {
        // aws-samples' Network Firewall templates: the TGW route targets !GetAtt Firewall.TransitGatewayAttachmentId,
        // a real attachment that no AWS::EC2::TransitGateway* resource declares. Unknown, not a blackhole.
        string links = TgwTemplate.LinksWithout("PropagateB") + "\n" + """
              ToFirewall:
                Type: AWS::EC2::TransitGatewayRoute
                Properties: { TransitGatewayRouteTableId: !Ref HubTable, DestinationCidrBlock: 0.0.0.0/0, TransitGatewayAttachmentId: !GetAtt Firewall.TransitGatewayAttachmentId }
              Firewall:
                Type: AWS::NetworkFirewall::Firewall
                Properties: { FirewallName: fw, TransitGatewayId: !Ref Hub }
            """;
        RuleVerifier.Verify(new TgwTemplate { RouteToB = Marked.Replace("[|", string.Empty).Replace("|]", string.Empty), Links = links }.Text(), "PL2011");
    }

    [Fact]
    public void Template_gateway_from_a_parameter_is_unknown_and_silent()
    {
        string text = "Parameters:\n  HubId: { Type: String }\n" + new TgwTemplate
        {
            RouteToB = "{ RouteTableId: !Ref TableA, DestinationCidrBlock: 10.2.0.0/16, TransitGatewayId: !Ref HubId }",
            Links = TgwTemplate.LinksWithout("PropagateB"),
        }.Text();
        RuleVerifier.Verify(text, "PL2011");
    }

    [Fact]
    public void AwsJson_destination_not_propagated_is_reported_at_the_route_line()
    {
        var n = new TgwNet { Propagations = "{\"TransitGatewayRouteTablePropagations\": [{\"TransitGatewayAttachmentId\": \"tgw-attach-a\", \"State\": \"enabled\"}]}" };
        var f = Lint(n);
        var finding = Assert.Single(f, x => x.Location.Path == "net/route-tables.json");
        Assert.Equal("PL2011", finding.RuleId);
        Assert.Equal(3, finding.Location.StartLine);
    }

    [Fact]
    public void AwsJson_propagations_not_exported_are_unknown_and_silent() => Assert.Empty(Lint(new TgwNet { Propagations = null }));

    [Fact]
    public void AwsJson_working_hub_is_silent() => Assert.Empty(Lint(new TgwNet()));

    private static System.Collections.Generic.IReadOnlyList<Finding> Lint(TgwNet n)
    {
        var rule = RuleCatalog.Find("PL2011")!;
        return LintEngine.Run(n.Load().Model, new LintOptions { MaxDegreeOfParallelism = 1 }, new[] { rule }).Findings;
    }

    [Fact]
    public void Hub_summary_route_that_the_gateway_delivers_to_any_spoke_is_silent()
    {
        // The gateway blackholes spoke 2, the first spoke spoke 1's summary route meets, and delivers the others.
        var hub = new TgwHub(4) { StaticRoutes = "{\"DestinationCidrBlock\": \"10.2.0.0/16\", \"Type\": \"static\", \"State\": \"blackhole\"}" };
        Assert.Empty(hub.Lint("PL2011"));
    }

    [Fact]
    public void Hub_summary_route_the_gateway_delivers_nowhere_names_every_spoke_in_attachment_order()
    {
        string Blackhole(int k) => $"{{\"DestinationCidrBlock\": \"10.{k}.0.0/16\", \"Type\": \"static\", \"State\": \"blackhole\"}}";
        var hub = new TgwHub(3) { StaticRoutes = string.Join(", ", Blackhole(1), Blackhole(2), Blackhole(3)) };
        var f = hub.Lint("PL2011");
        Assert.Equal(3, f.Count);
        var first = Assert.Single(f, x => x.ElementId == "rtb-1");
        Assert.Contains("has no working route for 10.2.0.0/16 ('S2' (vpc-2)) (blackhole 10.2.0.0/16), 10.3.0.0/16 ('S3' (vpc-3)) (blackhole 10.3.0.0/16): the transit gateway drops it", first.Message);
        Assert.Equal(3, first.Related.Count); // the TGW route table and the two blackhole routes
    }
}
