using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Fixes;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Fixes;

/// <summary>How repairs become text edits in each format: style kept, only safe edits offered.</summary>
public sealed class TextFixesTests
{
    private static readonly string BrokenTemplate = File.ReadAllText(TestPaths.Combine("examples", "cloudformation", "nextwork-broken.yaml"));
    private static readonly string Pl2001Template = File.ReadAllText(TestPaths.Combine("tests", "Fixtures", "fixes", "cfn-pl2001.yaml"));
    private static readonly string Pl2001Tutorial = File.ReadAllText(TestPaths.Combine("tests", "Fixtures", "fixes", "tutorial-pl2001.yaml"));

    internal static IReadOnlyList<Finding> Lint(string path, string text)
    {
        var load = new InputLoader().Load(new[] { InputSource.FromText(path, text) });
        Assert.DoesNotContain(load.Problems, p => p.Severity == Model.InputProblemSeverity.Error);
        return LintEngine.Run(load.Model, new LintOptions { MaxDegreeOfParallelism = 1 }).Findings;
    }

    private static (Finding Finding, IReadOnlyList<TextFix> Fixes) Fix(string path, string text, string ruleId)
    {
        var finding = Lint(path, text).Single(f => f.RuleId == ruleId && f.Repairs.Count > 0);
        return (finding, TextFixes.For(finding, p => p == path ? text : null));
    }

    private static string Applied(string text, TextFix fix) => TextFixes.Apply(text, fix.Edits) ?? throw new InvalidOperationException("overlapping edits");

    [Fact]
    public void Rules_attach_typed_repairs_with_the_facts_they_decided()
    {
        var findings = Lint("t.yaml", BrokenTemplate);
        var pl1002 = Assert.IsType<ReplaceRouteDestination>(Assert.Single(findings.Single(f => f.RuleId == "PL1002").Repairs));
        Assert.Equal(("RouteTable1", "10.1.0.0/16", "10.2.0.0/16", "Peering"), (pl1002.RouteTableId, pl1002.OldDestination, pl1002.NewDestination, pl1002.Target));
        var pl2001 = Assert.IsType<AddRoute>(Assert.Single(findings.Single(f => f.RuleId == "PL2001").Repairs));
        Assert.Equal(("RouteTable1", "10.2.0.0/24", "Peering"), (pl2001.RouteTableId, pl2001.DestinationCidr, pl2001.PeeringConnectionId));

        // Keys stay as they were for SARIF/JSON readers.
        Assert.Equal("10.2.0.0/16", findings.Single(f => f.RuleId == "PL1002").Properties[PeeringLint.Rules.Addressing.PL1002RouteToOwnVpcCidr.Keys.SuggestedDestination]);
    }

    [Fact]
    public void A_destination_from_a_parameter_is_not_rewritten()
    {
        // The value comes from the parameter's default, shared by every use: the fix would change more than this route.
        string text = BrokenTemplate
            .Replace("Resources:\n", "Parameters:\n  PeerCidr:\n    Type: String\n    Default: 10.1.0.0/16\nResources:\n")
            .Replace("      DestinationCidrBlock: 10.1.0.0/16\n      VpcPeeringConnectionId: !Ref Peering\n\n  VPC2:", "      DestinationCidrBlock: !Ref PeerCidr\n      VpcPeeringConnectionId: !Ref Peering\n\n  VPC2:");
        Assert.Contains("!Ref PeerCidr", text, StringComparison.Ordinal);
        var (finding, fixes) = Fix("t.yaml", text, "PL1002");
        Assert.NotEmpty(finding.Repairs);
        Assert.Empty(fixes);
    }

    [Fact]
    public void A_quoted_destination_keeps_its_quotes()
    {
        string text = BrokenTemplate.Replace("      DestinationCidrBlock: 10.1.0.0/16\n      VpcPeeringConnectionId: !Ref Peering\n\n  VPC2:", "      DestinationCidrBlock: '10.1.0.0/16'   # typo\n      VpcPeeringConnectionId: !Ref Peering\n\n  VPC2:");
        var (_, fixes) = Fix("t.yaml", text, "PL1002");
        var edit = Assert.Single(Assert.Single(fixes).Edits);
        Assert.Equal("'10.2.0.0/16'   ", edit.NewText); // the spaces before the comment are part of the edit, the comment keeps its column
        Assert.Contains("      DestinationCidrBlock: '10.2.0.0/16'   # typo\n", Applied(text, fixes[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void Accepting_a_pending_peering_keeps_the_comment_in_its_column()
    {
        string text = File.ReadAllText(TestPaths.Combine("examples", "nextwork-peering-broken.yaml"));
        var findings = Lint("t.yaml", text).Where(f => f.RuleId == "PL2003").ToList();
        Assert.Equal(2, findings.Count);
        var fixes = findings.Select(f => Assert.Single(TextFixes.For(f, _ => text))).ToList();
        Assert.Equal(fixes[0].Edits, fixes[1].Edits); // one repair, found from both routes
        Assert.Equal("Accept peering connection 'VPC 1 <> VPC 2'", fixes[0].Title);
        string line = Applied(text, fixes[0]).Split('\n').Single(l => l.Contains("# step 2", StringComparison.Ordinal));
        Assert.Equal("    status: active                                              # step 2: \"Accept request\" not clicked yet", line);
        Assert.Equal(text.Split('\n').Single(l => l.Contains("# step 2", StringComparison.Ordinal)).IndexOf('#'), line.IndexOf('#'));
    }

    [Fact]
    public void A_request_to_another_account_is_not_accepted_for_it()
    {
        string text = File.ReadAllText(TestPaths.Combine("examples", "nextwork-peering-broken.yaml"))
            .Replace("  - name: NextWork-2-vpc\n", "  - name: NextWork-2-vpc\n    account: \"222222222222\"\n");
        Assert.All(Lint("t.yaml", text).Where(f => f.RuleId == "PL2003"), f => Assert.Empty(f.Repairs));
    }

    [Fact]
    public void Text_that_changed_since_the_lint_gets_no_fix()
    {
        var finding = Lint("t.yaml", BrokenTemplate).Single(f => f.RuleId == "PL1002");
        string edited = BrokenTemplate.Replace("      DestinationCidrBlock: 10.1.0.0/16\n      VpcPeeringConnectionId: !Ref Peering\n\n  VPC2:", "      DestinationCidrBlock: 10.9.0.0/16\n      VpcPeeringConnectionId: !Ref Peering\n\n  VPC2:");
        Assert.Empty(TextFixes.For(finding, _ => edited));
        Assert.Empty(TextFixes.For(finding, _ => null));
        Assert.Single(TextFixes.For(finding, _ => BrokenTemplate));
    }

    [Fact]
    public void A_new_route_resource_gets_a_logical_id_the_template_does_not_use()
    {
        string text = Pl2001Template + "  RouteTable1ReturnRoute:\n    Type: AWS::EC2::RouteTable\n    Properties:\n      VpcId: !Ref VPC1\n";
        var (_, fixes) = Fix("t.yaml", text, "PL2001");
        string after = Applied(text, Assert.Single(fixes));
        Assert.Contains("\n  RouteTable1ReturnRoute2:\n    Type: AWS::EC2::Route\n    Properties:\n      RouteTableId: !Ref RouteTable1\n", after, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_indented_by_four_gets_a_resource_indented_by_four()
    {
        string text = Reindent(Pl2001Template, 2);
        var (_, fixes) = Fix("t.yaml", text, "PL2001");
        string after = Applied(text, Assert.Single(fixes));
        Assert.Contains("\n    RouteTable1ReturnRoute:\n        Type: AWS::EC2::Route\n        Properties:\n            RouteTableId: !Ref RouteTable1\n            DestinationCidrBlock: 10.2.0.0/24\n            VpcPeeringConnectionId: !Ref Peering\n", after, StringComparison.Ordinal);
        Assert.DoesNotContain(Lint("t.yaml", after), f => f.RuleId == "PL2001");
    }

    [Fact]
    public void Block_style_routes_get_a_block_style_route_and_crlf_stays_crlf()
    {
        string text = Pl2001Tutorial
            .Replace("          - { destination: 0.0.0.0/0, target: NextWork-1-igw }\n", "          - destination: 0.0.0.0/0\n            target: NextWork-1-igw   # internet\n")
            .Replace("\n", "\r\n");
        var (_, fixes) = Fix("t.yaml", text, "PL2001");
        string after = Applied(text, Assert.Single(fixes));
        Assert.Contains("            target: NextWork-1-igw   # internet\r\n          - destination: 10.2.0.0/20\r\n            target: VPC 1 <> VPC 2\r\n", after, StringComparison.Ordinal);
        Assert.DoesNotContain(Lint("t.yaml", after), f => f.RuleId == "PL2001");
    }

    [Fact]
    public void A_flow_list_of_routes_gets_one_more_item()
    {
        string text = Pl2001Tutorial.Replace(
            "        routes:\n          - { destination: 0.0.0.0/0, target: NextWork-1-igw }\n",
            "        routes: [{ destination: 0.0.0.0/0, target: NextWork-1-igw }]\n");
        var (_, fixes) = Fix("t.yaml", text, "PL2001");
        string after = Applied(text, Assert.Single(fixes));
        Assert.Contains("        routes: [{ destination: 0.0.0.0/0, target: NextWork-1-igw }, { destination: 10.2.0.0/20, target: VPC 1 <> VPC 2 }]\n", after, StringComparison.Ordinal);
    }

    [Fact]
    public void A_peering_name_that_needs_quotes_is_quoted()
    {
        string text = Pl2001Tutorial.Replace("VPC 1 <> VPC 2", "\"pcx: one, two\"");
        var (_, fixes) = Fix("t.yaml", text, "PL2001");
        string after = Applied(text, Assert.Single(fixes));
        Assert.Contains("          - { destination: 10.2.0.0/20, target: \"pcx: one, two\" }\n", after, StringComparison.Ordinal);
        Assert.DoesNotContain(Lint("t.yaml", after), f => f.RuleId == "PL2001");
    }

    [Fact]
    public void An_aws_export_gets_no_text_edit_but_the_aws_cli_command()
    {
        var folder = TestPaths.Combine("examples", "aws-json", "nextwork-broken");
        var sources = Directory.GetFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => InputSource.FromText("aws/" + Path.GetFileName(f), File.ReadAllText(f))).ToArray();
        var load = new InputLoader().Load(sources);
        var finding = LintEngine.Run(load.Model, new LintOptions { MaxDegreeOfParallelism = 1 }).Findings.Single(f => f.RuleId == "PL2001");
        Assert.Empty(TextFixes.For(finding, p => File.ReadAllText(Path.Combine(folder, Path.GetFileName(p)))));
        Assert.Equal(
            "aws ec2 create-route --route-table-id rtb-0a1b2c3d4e5f60021 --destination-cidr-block 10.2.0.0/24 --vpc-peering-connection-id pcx-0a1b2c3d4e5f60041",
            RepairCommands.AwsCli(finding.Repairs[0]));
    }

    [Fact]
    public void Template_logical_ids_give_no_aws_cli_command()
    {
        var repair = Lint("t.yaml", BrokenTemplate).Single(f => f.RuleId == "PL2001").Repairs[0];
        Assert.Null(RepairCommands.AwsCli(repair));
    }

    [Fact]
    public void Overlapping_edits_are_refused_and_insertions_at_one_point_keep_their_order()
    {
        const string text = "abcdef\nghi\n";
        Assert.Null(TextFixes.Apply(text, new[] { new TextEdit("f", 1, 2, 1, 4, "X"), new TextEdit("f", 1, 3, 1, 5, "Y") }));
        Assert.Equal("aXbcdef\nghi\n", TextFixes.Apply(text, new[] { new TextEdit("f", 1, 2, 1, 2, "X") }));
        Assert.Equal("aXYbcdef\nghZ\n", TextFixes.Apply(text, new[] { new TextEdit("f", 2, 3, 2, 4, "Z"), new TextEdit("f", 1, 2, 1, 2, "X"), new TextEdit("f", 1, 2, 1, 2, "Y") }));
        Assert.Null(TextFixes.Apply(text, new[] { new TextEdit("f", 9, 1, 9, 1, "X") }));
    }

    [Fact]
    public void Repairs_round_trip_through_diagnostic_properties()
    {
        foreach (var repair in Lint("t.yaml", BrokenTemplate).SelectMany(f => f.Repairs)
                     .Concat(Lint("t.yaml", File.ReadAllText(TestPaths.Combine("tests", "Fixtures", "fixes", "cfn-pl4002.yaml")))
                     .SelectMany(f => f.Repairs)))
        {
            var properties = new Dictionary<string, string>();
            RepairProperties.Write(repair, properties);
            var back = RepairProperties.Read(k => properties.TryGetValue(k, out var v) ? v : null);
            Assert.NotNull(back);
            Assert.Equal(repair.Title, back!.Title);
            Assert.Equal(repair.GetType(), back.GetType());
        }

        Assert.Null(RepairProperties.Read(_ => null));
    }

    private static string Reindent(string yaml, int factor)
    {
        var lines = yaml.Split('\n').Select(l =>
        {
            int n = l.Length - l.TrimStart(' ').Length;
            string rest = l.Substring(n);
            return new string(' ', n * factor) + (rest.StartsWith("- ", StringComparison.Ordinal) ? "-" + new string(' ', (2 * factor) - 1) + rest.Substring(2) : rest);
        });
        return string.Join("\n", lines);
    }
}
