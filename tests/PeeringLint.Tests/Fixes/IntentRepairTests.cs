using System;
using System.IO;
using System.Linq;
using PeeringLint.Fixes;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Fixes;

/// <summary>PL9001's repair: the inbound rule only when which group and which source block are not a choice.</summary>
public sealed class IntentRepairTests
{
    private static readonly string Tutorial = File.ReadAllText(TestPaths.Combine("tests", "Fixtures", "fixes", "tutorial-pl9001.yaml"));

    private static Repair[] Pl9001Repairs(string text) =>
        TextFixesTests.Lint("t.yaml", text).Where(f => f.RuleId == "PL9001").SelectMany(f => f.Repairs).ToArray();

    [Fact]
    public void A_peered_source_is_admitted_from_its_vpc_block_on_the_one_group()
    {
        var r = Assert.IsType<AddIngressRule>(Assert.Single(Pl9001Repairs(Tutorial)));
        Assert.Equal(("tcp", 22, 22, "10.1.0.0/16"), (r.Protocol, r.FromPort, r.ToPort, r.Cidr));
        Assert.EndsWith("default", r.SecurityGroupId, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_that_lets_nothing_of_the_intent_out_gets_the_outbound_rule_and_its_aws_command()
    {
        string text = File.ReadAllText(TestPaths.Combine("tests", "Fixtures", "fixes", "tutorial-pl9001-egress.yaml"));
        var repairs = Pl9001Repairs(text);
        Assert.Equal(2, repairs.Length);
        var ssh = Assert.Single(repairs.OfType<AddEgressRule>(), r => r.Protocol == "tcp");
        Assert.Equal((22, 22, "10.2.0.0/16"), (ssh.FromPort, ssh.ToPort, ssh.Cidr));
        var withAwsId = ssh with { SecurityGroupId = "sg-0abc" };
        Assert.Equal(
            "aws ec2 authorize-security-group-egress --group-id sg-0abc --ip-permissions 'IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=10.2.0.0/16}]'",
            RepairCommands.AwsCli(withAwsId));
        var props = new System.Collections.Generic.Dictionary<string, string>();
        RepairProperties.Write(withAwsId, props);
        Assert.Equal(withAwsId with { SecurityGroup = Model.SourceLocation.None }, RepairProperties.Read(k => props.TryGetValue(k, out var v) ? v : null));
    }

    [Fact]
    public void An_intent_from_the_internet_gets_no_fix()
    {
        // Step 6 undone: SSH from the internet is blocked by VPC 1's group. Which address to admit is the user's.
        string text = Tutorial.Replace("          - { type: ssh, source: 0.0.0.0/0 }                    # step 6\n", string.Empty);
        Assert.NotEqual(Tutorial, text);
        var findings = TextFixesTests.Lint("t.yaml", text).Where(f => f.RuleId == "PL9001").ToArray();
        Assert.Contains(findings, f => f.Message.Contains("ssh to instance 1", StringComparison.Ordinal) && f.Repairs.Count == 0);
    }

    [Fact]
    public void Two_groups_on_the_destination_get_no_fix()
    {
        string text = Tutorial
            .Replace("      - name: default\n        ingress:\n          - { type: all-icmp-ipv4", "      - name: web\n      - name: default\n        ingress:\n          - { type: all-icmp-ipv4")
            .Replace("private_ip: 10.2.9.40 }", "private_ip: 10.2.9.40, security_groups: [default, web] }");
        Assert.Contains("security_groups: [default, web]", text, StringComparison.Ordinal);
        var finding = Assert.Single(TextFixesTests.Lint("t.yaml", text), f => f.RuleId == "PL9001");
        Assert.Empty(finding.Repairs);
    }
}
