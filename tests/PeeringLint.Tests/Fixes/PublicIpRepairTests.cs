using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Fixes;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Fixes;

/// <summary>PL3001's repair: a public IPv4 address at launch, only for an instance meant for the internet, only where the format has the switch.</summary>
public sealed class PublicIpRepairTests
{
    private static string Fixture(string name) => File.ReadAllText(TestPaths.Combine("tests", "Fixtures", "fixes", name));

    private static Finding Pl3001(string path, string text, string instanceText) =>
        Assert.Single(TextFixesTests.Lint(path, text), f => f.RuleId == "PL3001" && f.Message.Contains(instanceText, StringComparison.Ordinal));

    [Fact]
    public void An_instance_nothing_on_the_internet_may_reach_gets_no_fix()
    {
        // Instance 2 of the tutorial is reached over the peering only; its group admits no SSH from the internet.
        var finding = Pl3001("t.yaml", Fixture("tutorial-pl4002.yaml"), "NextWork VPC 2");
        Assert.Empty(finding.Repairs);
    }

    [Fact]
    public void An_instance_whose_group_admits_ssh_from_the_internet_gets_the_repair()
    {
        var finding = Pl3001("t.yaml", Fixture("tutorial-pl3001.yaml"), "NextWork VPC 1");
        var repair = Assert.IsType<AssignPublicIp>(Assert.Single(finding.Repairs));
        Assert.Null(RepairCommands.AwsCli(repair)); // a running instance: an Elastic IP is a choice, not a command
        var back = RepairProperties.Read(k => Props(repair).TryGetValue(k, out var v) ? v : null);
        Assert.Equal(repair.InstanceId, Assert.IsType<AssignPublicIp>(back).InstanceId);
    }

    [Fact]
    public void A_block_style_instance_gets_the_key_in_its_indentation()
    {
        string text = Fixture("tutorial-pl3001.yaml").Replace(
            "      - { name: Instance - NextWork VPC 1, subnet: NextWork-1-subnet-public1, private_ip: 10.1.4.12, public_ip: none }   # step 5 not done yet\n",
            "      - name: Instance - NextWork VPC 1\n        subnet: NextWork-1-subnet-public1   # step 5 not done yet\n        private_ip: 10.1.4.12\n");
        Assert.Contains("        private_ip: 10.1.4.12\n", text, StringComparison.Ordinal);
        var finding = Pl3001("t.yaml", text, "NextWork VPC 1");
        var fix = Assert.Single(TextFixes.For(finding, p => p == "t.yaml" ? text : null));
        string fixedText = TextFixes.Apply(text, fix.Edits)!;
        Assert.Contains("        private_ip: 10.1.4.12\n        public_ip: auto\n", fixedText, StringComparison.Ordinal);
        Assert.DoesNotContain(TextFixesTests.Lint("t.yaml", fixedText), f => f.RuleId == "PL3001" && f.Message.Contains("NextWork VPC 1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("      ImageId: ami-0fff1b9a61dec8a5f\n      InstanceType: t2.micro\n      SubnetId: !Ref Subnet1\n", "      ImageId: ami-0fff1b9a61dec8a5f\n      InstanceType: t2.micro\n      SubnetId: !Ref Subnet1\n      PrivateIpAddress: 10.1.0.10\n")]
    [InlineData("      ImageId: ami-0fff1b9a61dec8a5f\n      InstanceType: t2.micro\n      SubnetId: !Ref Subnet1\n", "      ImageId: ami-0fff1b9a61dec8a5f\n      InstanceType: t2.micro\n      LaunchTemplate: { LaunchTemplateId: lt-0abc, Version: \"1\" }\n      SubnetId: !Ref Subnet1\n")]
    public void A_template_instance_with_more_to_move_gets_no_text_fix(string from, string to)
    {
        string original = Fixture("cfn-pl3001.yaml");
        Assert.Contains(from, original, StringComparison.Ordinal);
        string text = ReplaceFirst(original, from, to);
        var finding = Pl3001("t.yaml", text, "NextWork VPC 1");
        Assert.NotEmpty(finding.Repairs);
        Assert.Empty(TextFixes.For(finding, p => p == "t.yaml" ? text : null));
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        int i = text.IndexOf(from, StringComparison.Ordinal);
        return text.Substring(0, i) + to + text.Substring(i + from.Length);
    }

    private static Dictionary<string, string> Props(Repair repair)
    {
        var d = new Dictionary<string, string>();
        RepairProperties.Write(repair, d);
        return d;
    }
}
