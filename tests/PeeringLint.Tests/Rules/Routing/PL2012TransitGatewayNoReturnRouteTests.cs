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

    private static System.Collections.Generic.IReadOnlyList<Finding> Lint(TgwNet n) =>
        LintEngine.Run(n.Load().Model, new LintOptions { MaxDegreeOfParallelism = 1 }, new[] { RuleCatalog.Find("PL2012")! }).Findings;
}
