using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Rules.Addressing;

public sealed class PL1001OverlappingPeerCidrsTests
{
    private static string Doc(string a, string b, string status = "active") => $@"vpcs:
  - {{ name: a, cidr: {a} }}
  - {{ name: b, cidr: {b} }}
peerings:
  - [|name: p
    requester: a
    accepter: b
    status: {status}|]
";

    [Theory]
    [InlineData("10.0.0.0/16", "10.0.128.0/17")]
    [InlineData("10.1.0.0/16", "10.1.0.0/16")]
    [InlineData("[10.1.0.0/16, 172.16.0.0/16]", "[10.2.0.0/16, 172.16.8.0/24]")]
    public void Overlapping_blocks_are_reported_on_the_peering(string a, string b) =>
        RuleVerifier.Verify(Doc(a, b), "PL1001");

    [Theory]
    [InlineData("10.1.0.0/16", "10.2.0.0/16")]
    [InlineData("10.1.255.0/24", "10.2.0.0/24")]
    [InlineData("10.1.0.0/16", "10.0.0.0/16")]
    public void Disjoint_blocks_are_silent(string a, string b) =>
        RuleVerifier.Verify(Doc(a, b).Replace("[|", string.Empty).Replace("|]", string.Empty), "PL1001");

    [Fact]
    public void Rejected_peering_is_history_and_silent() =>
        RuleVerifier.Verify(Doc("10.1.0.0/16", "10.1.0.0/16", "rejected").Replace("[|", string.Empty).Replace("|]", string.Empty), "PL1001");

    [Fact]
    public void Failed_request_between_overlapping_vpcs_is_reported_with_the_reason()
    {
        // The tutorial's step-1 mistake as AWS records it: both VPCs 10.1.0.0/16, the request "failed".
        var findings = RuleVerifier.Verify(Doc("10.1.0.0/16", "10.1.0.0/16", "failed"), "PL1001");
        Assert.Contains("failed: AWS refused to peer 'a' (10.1.0.0/16) and 'b' (10.1.0.0/16) because their IPv4 CIDR blocks overlap", findings[0].Message);
    }

    [Fact]
    public void Failed_request_between_disjoint_vpcs_failed_for_another_reason_and_is_silent() =>
        RuleVerifier.Verify(Doc("10.1.0.0/16", "10.2.0.0/16", "failed").Replace("[|", string.Empty).Replace("|]", string.Empty), "PL1001");

    [Fact]
    public void Failed_request_to_a_peer_whose_cidr_is_unknown_is_silent() =>
        RuleVerifier.Verify(@"vpcs:
  - { name: a, cidr: 10.1.0.0/16 }
peerings:
  - name: p
    requester: a
    accepter: { vpc: vpc-0ext, account: ""222222222222"" }
    status: failed
", "PL1001");

    [Theory]
    [InlineData("10.1.0.0/16", true)]
    [InlineData("10.2.0.0/16", false)]
    public void Failed_request_in_aws_json_is_reported_when_the_vpcs_overlap(string secondCidr, bool reported)
    {
        string json = @"{
  ""Vpcs"": [
    { ""VpcId"": ""vpc-1"", ""CidrBlock"": ""10.1.0.0/16"", ""OwnerId"": ""111111111111"", ""State"": ""available"" },
    { ""VpcId"": ""vpc-2"", ""CidrBlock"": ""SECOND"", ""OwnerId"": ""111111111111"", ""State"": ""available"" }
  ],
  ""VpcPeeringConnections"": [
    {
      ""VpcPeeringConnectionId"": ""pcx-1"",
      ""Status"": { ""Code"": ""failed"", ""Message"": ""Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range"" },
      ""RequesterVpcInfo"": { ""VpcId"": ""vpc-1"", ""OwnerId"": ""111111111111"", ""CidrBlock"": ""10.1.0.0/16"", ""Region"": ""us-east-1"" },
      ""AccepterVpcInfo"": { ""VpcId"": ""vpc-2"", ""OwnerId"": ""111111111111"", ""Region"": ""us-east-1"" }
    }
  ]
}
".Replace("SECOND", secondCidr);
        var findings = RuleVerifier.Run(json, "PL1001");
        Assert.Equal(reported ? 1 : 0, findings.Count);
        if (reported)
        {
            Assert.Contains("'pcx-1' failed: AWS refused to peer 'vpc-1' (10.1.0.0/16) and 'vpc-2' (10.1.0.0/16)", findings[0].Message);
        }
    }

    [Fact]
    public void External_peer_uses_the_cidr_the_peering_reports()
    {
        var findings = RuleVerifier.Verify(@"vpcs:
  - { name: a, cidr: 10.1.0.0/16 }
peerings:
  - [|name: p
    requester: a
    accepter: { vpc: vpc-0ext, account: ""222222222222"", cidr: 10.1.128.0/17 }|]
", "PL1001");
        Assert.Contains("10.1.128.0/17", findings[0].Message);
    }

    [Fact]
    public void External_peer_without_cidr_is_unknown_and_silent() =>
        RuleVerifier.Verify(@"vpcs:
  - { name: a, cidr: 10.1.0.0/16 }
peerings:
  - name: p
    requester: a
    accepter: { vpc: vpc-0ext, account: ""222222222222"" }
", "PL1001");

    [Fact]
    public void Ipv6_overlap_is_reported()
    {
        var findings = RuleVerifier.Verify(@"vpcs:
  - { name: a, cidr: 10.1.0.0/16, ipv6_cidr: 2600:1f18:1:100::/56 }
  - { name: b, cidr: 10.2.0.0/16, ipv6_cidr: 2600:1f18:1:100::/56 }
peerings:
  - [|name: p
    requester: a
    accepter: b|]
", "PL1001");
        Assert.Contains("IPv6", findings[0].Message);
    }
}
