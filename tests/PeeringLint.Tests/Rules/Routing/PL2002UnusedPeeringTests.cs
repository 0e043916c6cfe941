using PeeringLint.Engine;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Routing;

public sealed class PL2002UnusedPeeringTests
{
    [Fact]
    public void Active_peering_without_routes_is_reported()
    {
        string doc = TwoVpcs.Doc(string.Empty, string.Empty).Replace("  - name: p\n    requester: vpc1\n    accepter: vpc2\n    status: active\n", "  - [|name: p\n    requester: vpc1\n    accepter: vpc2\n    status: active|]\n");
        RuleVerifier.Verify(doc, "PL2002");
    }

    [Fact]
    public void Peering_used_by_one_side_is_silent() =>
        RuleVerifier.Verify(TwoVpcs.Doc(TwoVpcs.Route("10.2.0.0/16"), string.Empty), "PL2002");

    [Fact]
    public void Pending_peering_without_routes_is_silent() =>
        RuleVerifier.Verify(TwoVpcs.Doc(string.Empty, string.Empty, "pending-acceptance"), "PL2002");

    [Fact]
    public void Peering_between_overlapping_vpcs_is_left_to_PL1001() =>
        RuleVerifier.Verify(TwoVpcs.Doc(string.Empty, string.Empty).Replace("cidr: 10.2.0.0/16", "cidr: 10.1.0.0/16").Replace("10.2.0.0/24", "10.1.128.0/24"), "PL2002");

    [Fact]
    public void Other_side_not_in_the_input_is_a_note_naming_what_is_unknown()
    {
        var findings = RuleVerifier.Verify(@"vpcs:
  - name: a
    cidr: 10.1.0.0/16
    route_tables:
      - { name: r, main: true, routes: [{ destination: 0.0.0.0/0, target: igw-1 }] }
peerings:
  - [|name: p
    requester: a
    accepter: { vpc: vpc-0ext, account: ""222222222222"", cidr: 10.9.0.0/16 }|]
", "PL2002");
        Assert.Equal(Severity.Note, findings[0].Severity);
        Assert.Contains("no route table of 'a' sends traffic over it; the route tables of 'vpc-0ext' (account 222222222222) are not in the input", findings[0].Message);
        Assert.DoesNotContain("no route table sends", findings[0].Message);
    }

    [Fact]
    public void Both_sides_known_stays_a_warning()
    {
        string doc = TwoVpcs.Doc(string.Empty, string.Empty).Replace("  - name: p\n    requester: vpc1\n    accepter: vpc2\n    status: active\n", "  - [|name: p\n    requester: vpc1\n    accepter: vpc2\n    status: active|]\n");
        Assert.Equal(Severity.Warning, RuleVerifier.Verify(doc, "PL2002")[0].Severity);
    }

    [Fact]
    public void Other_side_in_aws_json_of_one_account_is_a_note()
    {
        string json = @"{
  ""Vpcs"": [{ ""VpcId"": ""vpc-1"", ""CidrBlock"": ""10.1.0.0/16"", ""OwnerId"": ""111111111111"", ""State"": ""available"" }],
  ""RouteTables"": [{ ""RouteTableId"": ""rtb-1"", ""VpcId"": ""vpc-1"", ""Associations"": [{ ""Main"": true }], ""Routes"": [{ ""DestinationCidrBlock"": ""10.1.0.0/16"", ""GatewayId"": ""local"", ""State"": ""active"" }] }],
  ""VpcPeeringConnections"": [{
    ""VpcPeeringConnectionId"": ""pcx-1"", ""Status"": { ""Code"": ""active"" },
    ""RequesterVpcInfo"": { ""VpcId"": ""vpc-1"", ""OwnerId"": ""111111111111"", ""CidrBlock"": ""10.1.0.0/16"", ""Region"": ""us-east-1"" },
    ""AccepterVpcInfo"": { ""VpcId"": ""vpc-2"", ""OwnerId"": ""222222222222"", ""CidrBlock"": ""10.2.0.0/16"", ""Region"": ""us-east-1"" }
  }]
}
";
        var finding = Assert.Single(RuleVerifier.Run(json, "PL2002"));
        Assert.Equal(Severity.Note, finding.Severity);
        Assert.Contains("the route tables of 'vpc-2' (account 222222222222) are not in the input", finding.Message);
    }

    [Fact]
    public void Template_peering_to_a_vpc_of_another_account_is_a_note()
    {
        var finding = Assert.Single(RuleVerifier.Run(@"Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.1.0.0/16}}
  Rtb: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  Pcx: {Type: AWS::EC2::VPCPeeringConnection, Properties: {VpcId: !Ref Vpc, PeerVpcId: vpc-0123456789abcdef0, PeerOwnerId: '222222222222', PeerRoleArn: 'arn:aws:iam::222222222222:role/peer'}}
", "PL2002"));
        Assert.Equal(Severity.Note, finding.Severity);
        Assert.Contains("the route tables of 'vpc-0123456789abcdef0'", finding.Message);
    }
}
