using System.IO;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Reachability;
using PeeringLint.Tests.Parsers.AwsCli;
using Xunit;

namespace PeeringLint.Tests.Reachability;

/// <summary>
/// `reach` on Batfish's public AWS snapshots (tests/Fixtures/corpus/aws-json/batfish) gives the dispositions Batfish's
/// own end-to-end tests state for the same flows. Each expectation cites the Batfish test it comes from
/// (batfish/batfish, projects/batfish/src/test/java/org/batfish/representation/aws/). Where Batfish follows the path
/// beyond AWS (an on-premises router config that is not AWS data), the comparison stops where the path leaves AWS.
/// </summary>
public sealed class BatfishEdgeAgreementTests
{
    private static ModelIndex Snapshot(params string[] folder)
    {
        var load = AwsTestKit.LoadFolder(Path.Combine(new[] { AwsTestKit.Corpus, "batfish" }.Concat(folder).ToArray()));
        Assert.Empty(AwsTestKit.Errors(load));
        return new ModelIndex(load.Model);
    }

    private static ReachabilityResult Reach(ModelIndex index, string from, string to, string protocol, int? port = null) =>
        ReachabilityEngineTests.Eval(index, from, to, protocol, port);

    /// <summary>AwsConfigurationNatGatewayTest.testInstanceToInternet_bidirectional: i-0a128d26e59be60f3 → 8.8.8.8 TCP 80 goes instance, subnet, VPC, NAT gateway, NAT subnet, internet gateway, and back the same way.</summary>
    [Fact]
    public void Nat_gateway_private_instance_to_the_internet_and_back()
    {
        var r = Reach(Snapshot("test-nat-gateway"), "i-0a128d26e59be60f3", "8.8.8.8", "tcp", 80);
        Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
        var forward = r.Hops.Where(h => h.Direction == HopDirection.Forward && h.Kind is HopKind.RouteTable or HopKind.NatGateway or HopKind.InternetGateway).Select(h => h.ElementId).ToList();
        Assert.Equal(new[] { "rtb-02fe228b42de92a7c", "nat-07ab4846da51f4612", "rtb-0ddf14681733ed0b7", "igw-071753b9c23d8a9b2" }, forward);
        Assert.Contains(r.Hops, h => h.Direction == HopDirection.Return && h.ElementId == "acl-0792adae678b88f85"); // back through the NAT subnet
    }

    /// <summary>AwsConfigurationVpnGatewayTest.testFromOnPrem: a flow from the on-premises router to the instance 10.0.1.204 enters at vgw-0c09bd7fadac961bf and is DENIED_IN at the instance (its group admits only TCP 22).</summary>
    [Fact]
    public void Vpn_gateway_on_premises_to_the_instance_enters_at_the_gateway_and_is_denied_by_its_group()
    {
        var index = Snapshot("test-vpn-gateway");
        var r = Reach(index, "192.168.1.1", "i-099cf38911942421c", "udp", 53);
        Assert.Equal(ReachabilityVerdict.NotReachable, r.Verdict);
        Assert.Equal(HopKind.VpnGateway, r.Hops[0].Kind);
        Assert.Equal("vgw-0c09bd7fadac961bf", r.Hops[0].ElementId);
        Assert.Equal(ReasonCodes.EniSgRulesMismatch, r.Code);

        // What the group does admit comes in through the gateway and goes back out through it.
        Assert.Equal(ReachabilityVerdict.Reachable, Reach(index, "192.168.1.1", "i-099cf38911942421c", "tcp", 22).Verdict);
    }

    /// <summary>AwsConfigurationVpnGatewayTest.testToOnPrem: instance → 8.8.8.8 goes instance, subnet, VPC, vgw-0c09bd7fadac961bf, then the on-premises router (whose config is not AWS data).</summary>
    [Fact]
    public void Vpn_gateway_instance_traffic_leaves_aws_at_the_gateway()
    {
        var r = Reach(Snapshot("test-vpn-gateway"), "i-099cf38911942421c", "8.8.8.8", "tcp", 80);
        var last = r.Hops.Last(h => h.Direction == HopDirection.Forward);
        Assert.Equal(HopKind.VpnGateway, last.Kind);
        Assert.Equal("vgw-0c09bd7fadac961bf", last.ElementId);
        Assert.Contains("leaves AWS here", last.Reason);
        Assert.Contains("vpn-03701a53bba3c48b7", last.Reason);
    }

    /// <summary>
    /// AwsConfigurationVpcEndpointGatewayTest: both instances reach 52.216.237.77:443 (in the S3 prefix list) through
    /// vpce-0b7357542bb7b83ec; the private instance has NO_ROUTE to 54.222.57.1 (another AWS service), the public one
    /// reaches it through igw-0c8afe4471084ccba.
    /// </summary>
    [Fact]
    public void Gateway_endpoint_carries_the_service_prefixes_only()
    {
        var index = Snapshot("test-vpc-endpoint-gateway");
        foreach (var instance in new[] { "i-01c6c0647fdccc89e", "i-0464d440ca0ee9e34" })
        {
            var r = Reach(index, instance, "52.216.237.77", "tcp", 443);
            Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
            Assert.Contains(r.Hops, h => h.Kind == HopKind.VpcEndpoint && h.ElementId == "vpce-0b7357542bb7b83ec");
        }

        var privateOther = Reach(index, "i-01c6c0647fdccc89e", "54.222.57.1", "tcp", 443);
        Assert.Equal(ReachabilityVerdict.NotReachable, privateOther.Verdict);
        Assert.Equal(ReasonCodes.NoRouteToDestination, privateOther.Code);

        var publicOther = Reach(index, "i-0464d440ca0ee9e34", "54.222.57.1", "tcp", 443);
        Assert.Equal(ReachabilityVerdict.Reachable, publicOther.Verdict);
        Assert.Contains(publicOther.Hops, h => h.Kind == HopKind.InternetGateway && h.ElementId == "igw-0c8afe4471084ccba");
    }
    /// <summary>
    /// AwsConfigurationVpcEndpointInterfaceTest: both instances reach the interface endpoint vpce-083c683a6be29b889
    /// (its network interface 10.1.101.97) on TCP 443, both ways; its security group admits 443 (port 80 is not admitted).
    /// </summary>
    [Fact]
    public void Interface_endpoint_is_its_network_interface_with_the_endpoint_group()
    {
        var index = Snapshot("test-vpc-endpoint-interface", "aws_configs", "us-east-1");
        foreach (var instance in new[] { "i-0eb6eb395a0d09117", "i-0a0fbd0cfa774970f" })
        {
            var r = Reach(index, instance, "vpce-083c683a6be29b889", "tcp", 443);
            Assert.Equal(ReachabilityVerdict.Reachable, r.Verdict);
            Assert.Contains(r.Hops, h => h.Kind == HopKind.SecurityGroupIngress && h.Verdict == HopVerdict.Allowed);
            Assert.Equal(ReasonCodes.EniSgRulesMismatch, Reach(index, instance, "vpce-083c683a6be29b889", "tcp", 80).Code);
        }
    }
}
