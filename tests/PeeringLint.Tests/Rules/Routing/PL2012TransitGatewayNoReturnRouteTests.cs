using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Tests.Reachability;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Routing;

public sealed class PL2012TransitGatewayNoReturnRouteTests
{
    [Fact]
    public void Template_hub_and_spoke_is_silent() => RuleVerifier.Verify(new TgwTemplate().Text(), "PL2012");

    [Fact]
    public void Template_destination_without_a_route_back_is_reported_at_the_sending_route()
    {
        var t = new TgwTemplate
        {
            RouteToB = "{ RouteTableId: !Ref TableA, DestinationCidrBlock: [|10.2.0.0/16|], TransitGatewayId: !Ref Hub }",
            RouteToA = "{ RouteTableId: !Ref TableB, DestinationCidrBlock: 192.168.0.0/16, TransitGatewayId: !Ref Hub }",
        };
        var f = RuleVerifier.Verify(t.Text(), "PL2012");
        Assert.Contains("route table 'TableB' of 'VpcB' has no route back to 10.1.1.0/24", f.Single().Message);
    }

    [Fact]
    public void Template_reply_over_another_path_counts_as_a_way_back()
    {
        var t = new TgwTemplate
        {
            RouteToA = "{ RouteTableId: !Ref TableB, DestinationCidrBlock: 10.1.0.0/16, GatewayId: !Ref Igw }",
            Links = TgwTemplate.AllLinks + "\n  Igw:\n    Type: AWS::EC2::InternetGateway\n",
        };
        RuleVerifier.Verify(t.Text(), "PL2012");
    }

    [Fact]
    public void Template_route_the_gateway_cannot_deliver_is_left_to_PL2011() =>
        RuleVerifier.Verify(new TgwTemplate { RouteToA = "{ RouteTableId: !Ref TableB, DestinationCidrBlock: 192.168.0.0/16, TransitGatewayId: !Ref Hub }", Links = TgwTemplate.LinksWithout("PropagateB") }.Text(), "PL2012");

    [Fact]
    public void AwsJson_destination_without_a_route_back_is_reported()
    {
        var f = Lint(new TgwNet { RouteBtoA = "\"DestinationCidrBlock\": \"192.168.0.0/16\", \"TransitGatewayId\": \"tgw-1\"" });
        var finding = Assert.Single(f);
        Assert.Contains("has no route back to 10.1.1.0/24, 10.1.2.0/24", finding.Message);
    }

    [Fact]
    public void AwsJson_working_hub_is_silent() => Assert.Empty(Lint(new TgwNet()));

    [Fact]
    public void AwsJson_unknown_association_is_silent() =>
        Assert.Empty(Lint(new TgwNet { AssociationA = string.Empty, RouteBtoA = "\"DestinationCidrBlock\": \"192.168.0.0/16\", \"TransitGatewayId\": \"tgw-1\"" }));

    [Fact]
    public void Hub_of_summary_routes_everywhere_is_silent() => Assert.Empty(new TgwHub(6).Lint("PL2012"));

    [Fact]
    public void Hub_spoke_without_a_way_back_is_reported_once_for_each_spoke_that_reaches_it()
    {
        var hub = new TgwHub(5);
        hub.Routes[3] = string.Empty; // spoke 3 keeps its local route only: it sends nothing and answers no one
        var f = hub.Lint("PL2012");
        Assert.Equal(new[] { "rtb-1", "rtb-2", "rtb-4", "rtb-5" }, f.Select(x => x.ElementId).OrderBy(x => x).ToArray());
        foreach (int k in new[] { 1, 2, 4, 5 })
        {
            Assert.Single(f, x => x.ElementId == $"rtb-{k}" && x.Message.Contains($"route table 'rtb-3' of 'S3' (vpc-3) has no route back to 10.{k}.1.0/24: replies never leave 'S3' (vpc-3)"));
        }
    }

    [Fact]
    public void Hub_spoke_whose_routes_cover_some_senders_is_reported_for_the_others_only()
    {
        var hub = new TgwHub(5);
        hub.Routes[5] = ", {\"DestinationCidrBlock\": \"10.1.0.0/16\", \"TransitGatewayId\": \"tgw-1\"}";
        var f = hub.Lint("PL2012");

        // Spoke 5 answers spoke 1 (its one route); spokes 2, 3 and 4 reach it and get no reply. Spoke 5's own route to
        // spoke 1 is answered by spoke 1's summary route.
        Assert.Equal(new[] { "rtb-2", "rtb-3", "rtb-4" }, f.Select(x => x.ElementId).OrderBy(x => x).ToArray());
        Assert.All(f, x => Assert.Contains("route table 'rtb-5' of 'S5' (vpc-5) has no route back to", x.Message));
    }

    [Fact]
    public void Hub_blackhole_return_route_is_a_missing_way_back_for_that_sender_only()
    {
        var hub = new TgwHub(4);
        hub.Routes[2] = TgwHub.Summary + ", {\"DestinationCidrBlock\": \"10.4.1.0/24\", \"TransitGatewayId\": \"tgw-1\", \"State\": \"blackhole\"}";
        var f = Assert.Single(hub.Lint("PL2012"));
        Assert.Equal("rtb-4", f.ElementId);
        Assert.Contains("route table 'rtb-2' of 'S2' (vpc-2) has no route back to 10.4.1.0/24", f.Message);
    }

    private static System.Collections.Generic.IReadOnlyList<Finding> Lint(TgwNet n) =>
        LintEngine.Run(n.Load().Model, new LintOptions { MaxDegreeOfParallelism = 1 }, new[] { RuleCatalog.Find("PL2012")! }).Findings;
}
