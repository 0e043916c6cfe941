using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using PeeringLint.Cli.Fixing;
using PeeringLint.Fixes;
using PeeringLint.Tests.Cli;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Fixes;

/// <summary><c>lint --fix</c>'s safety rules and the fixes in JSON and SARIF output.</summary>
public sealed class FixCommandTests
{
    private static string Fixture(string name) => File.ReadAllText(TestPaths.Combine("tests", "Fixtures", "fixes", name));

    [Fact]
    public void A_symlinked_input_is_not_written_through()
    {
        using var outside = new TempFolder();
        using var temp = new TempFolder();
        string target = outside.Write("real.yaml", Fixture("tutorial-pl2001.yaml"));
        File.CreateSymbolicLink(Path.Combine(temp.Path, "link.yaml"), target);

        var result = CliRunner.Run(temp.Path, "lint", "link.yaml", "--no-config", "--fix");
        Assert.Equal(1, result.ExitCode); // PL2001 remains
        Assert.Contains("link.yaml: not fixed: it is a symbolic link", result.Error, StringComparison.Ordinal);
        Assert.Equal(Fixture("tutorial-pl2001.yaml").Replace("\r\n", "\n"), File.ReadAllText(target));
        Assert.Equal(target, new FileInfo(Path.Combine(temp.Path, "link.yaml")).LinkTarget);
    }

    [Fact]
    public void A_file_that_changed_since_it_was_read_is_not_written()
    {
        using var temp = new TempFolder();
        string path = temp.Write("t.yaml", "now: different\n");
        var errors = Fixer.Write(new[] { new Fixer.FileChange("t.yaml", path, "before: text\n", "after: text\n", Bom: false) });
        Assert.Equal("t.yaml: not fixed: the file changed since it was read", Assert.Single(errors));
        Assert.Equal("now: different\n", File.ReadAllText(path));
    }

    [Fact]
    public void A_write_keeps_the_byte_order_mark_and_leaves_no_temporary_file()
    {
        using var temp = new TempFolder();
        string path = Path.Combine(temp.Path, "t.yaml");
        File.WriteAllBytes(path, new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes("a: 1\n")).ToArray());
        Assert.Empty(Fixer.Write(new[] { new Fixer.FileChange("t.yaml", path, "a: 1\n", "a: 2\n", Bom: true) }));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'a', (byte)':', (byte)' ', (byte)'2', (byte)'\n' }, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void An_aws_export_is_never_modified_and_the_command_is_shown()
    {
        using var temp = new TempFolder();
        var folder = TestPaths.Combine("examples", "aws-json", "nextwork-broken");
        foreach (var f in Directory.GetFiles(folder, "*.json"))
        {
            temp.Write(Path.Combine("aws", Path.GetFileName(f)), File.ReadAllText(f));
        }

        var stamps = Directory.GetFiles(Path.Combine(temp.Path, "aws")).ToDictionary(f => f, File.ReadAllText);
        var result = CliRunner.Run(temp.Path, "lint", "aws", "--no-config", "--fix");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("an AWS describe-* export records state and is not changed; to repair the network: aws ec2 create-route --route-table-id rtb-0a1b2c3d4e5f60021", result.Error, StringComparison.Ordinal);
        Assert.Contains("0 fixes applied to 0 files", result.Error, StringComparison.Ordinal);
        Assert.All(stamps, s => Assert.Equal(s.Value, File.ReadAllText(s.Key)));

        var text = CliRunner.Run(temp.Path, "lint", "aws", "--no-config");
        Assert.Contains("      = fix: aws ec2 create-route --route-table-id rtb-0a1b2c3d4e5f60021 --destination-cidr-block 10.2.0.0/24 --vpc-peering-connection-id pcx-0a1b2c3d4e5f60041\n", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_return_routes_into_one_table_get_two_resources_with_distinct_ids()
    {
        // VPC 2 has two tables routing to VPC 1 from two subnets; VPC 1's table sends neither back.
        string text = Fixture("cfn-pl2001.yaml").Replace(
            "  Peering:\n",
            "  Subnet2b:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref VPC2\n      CidrBlock: 10.2.1.0/24\n"
            + "  RouteTable2b:\n    Type: AWS::EC2::RouteTable\n    Properties:\n      VpcId: !Ref VPC2\n"
            + "  Subnet2bRouteTable:\n    Type: AWS::EC2::SubnetRouteTableAssociation\n    Properties:\n      SubnetId: !Ref Subnet2b\n      RouteTableId: !Ref RouteTable2b\n"
            + "  Route2bPeering:\n    Type: AWS::EC2::Route\n    Properties:\n      RouteTableId: !Ref RouteTable2b\n      DestinationCidrBlock: 10.1.0.0/16\n      VpcPeeringConnectionId: !Ref Peering\n\n  Peering:\n");
        using var temp = new TempFolder();
        temp.Write("t.yaml", text);
        Assert.Equal(2, FixGoldenTests.Findings(CliRunner.Run(temp.Path, "lint", "t.yaml", "--no-config", "--format", "json")).Count(r => r == "PL2001"));

        var result = CliRunner.Run(temp.Path, "lint", "t.yaml", "--no-config", "--fix", "--format", "json");
        Assert.DoesNotContain("PL2001", FixGoldenTests.Findings(result));
        Assert.DoesNotContain("PL2006", FixGoldenTests.Findings(result));
        string after = temp.Read("t.yaml");
        Assert.Contains("  RouteTable1ReturnRoute:\n", after, StringComparison.Ordinal);
        Assert.Contains("  RouteTable1ReturnRoute2:\n", after, StringComparison.Ordinal);
        Assert.Contains("DestinationCidrBlock: 10.2.0.0/24", after, StringComparison.Ordinal);
        Assert.Contains("DestinationCidrBlock: 10.2.1.0/24", after, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_carries_the_fixes_with_their_edits()
    {
        var result = CliRunner.InRepo("lint", "tests/Fixtures/fixes/cfn-pl2001.json", "--no-config", "--format", "json");
        using var doc = JsonDocument.Parse(result.Out);
        var finding = doc.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "PL2001");
        var fix = Assert.Single(finding.GetProperty("fixes").EnumerateArray().ToList());
        Assert.Equal("Add the return route 10.2.0.0/24 over 'Peering' to route table 'RouteTable1'", fix.GetProperty("title").GetString());
        var edit = Assert.Single(fix.GetProperty("edits").EnumerateArray().ToList());
        Assert.Equal("tests/Fixtures/fixes/cfn-pl2001.json", edit.GetProperty("path").GetString());
        Assert.StartsWith(",\n    \"RouteTable1ReturnRoute\": {", edit.GetProperty("newText").GetString(), StringComparison.Ordinal);
        Assert.All(
            doc.RootElement.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("ruleId").GetString() != "PL2001"),
            f => Assert.Equal(0, f.GetProperty("fixes").GetArrayLength()));
    }

    [Theory]
    [InlineData("cfn-pl2001.yaml")]
    [InlineData("cfn-pl4002.json")]
    [InlineData("tutorial-pl4002.yaml")]
    public void Sarif_fixes_applied_give_what_fix_writes(string name)
    {
        using var temp = new TempFolder();
        string original = temp.Write(name, Fixture(name));
        var sarif = CliRunner.Run(temp.Path, "lint", name, "--no-config", "--format", "sarif");
        using var doc = JsonDocument.Parse(sarif.Out);
        var results = doc.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Where(r => r.TryGetProperty("fixes", out _)).ToList();
        // --fix applies the lowest rule's fixes first (in tutorial-pl4002.yaml PL9001's ping intent asks for the same
        // ICMP rule as PL4002, and is gone once PL4002's is in).
        Assert.NotEmpty(results);
        var first = results.OrderBy(r => r.GetProperty("ruleId").GetString(), StringComparer.Ordinal).First();
        var change = Assert.Single(first.GetProperty("fixes").EnumerateArray().ToList()).GetProperty("artifactChanges")[0];
        Assert.Equal(name, change.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("%SRCROOT%", change.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        var edits = change.GetProperty("replacements").EnumerateArray().Select(r =>
        {
            var d = r.GetProperty("deletedRegion");
            return new TextEdit(name, d.GetProperty("startLine").GetInt32(), d.GetProperty("startColumn").GetInt32(), d.GetProperty("endLine").GetInt32(), d.GetProperty("endColumn").GetInt32(), r.GetProperty("insertedContent").GetProperty("text").GetString()!);
        }).ToList();
        string fromSarif = TextFixes.Apply(File.ReadAllText(original), edits)!;

        CliRunner.Run(temp.Path, "lint", name, "--no-config", "--fix");
        Assert.Equal(temp.Read(name), fromSarif);
    }

    [Fact]
    public void Files_that_are_not_inputs_of_the_run_are_never_changed()
    {
        using var temp = new TempFolder();
        temp.Write("a.yaml", Fixture("tutorial-pl2001.yaml"));
        temp.Write("b.yaml", Fixture("tutorial-pl4002.yaml"));
        var result = CliRunner.Run(temp.Path, "lint", "a.yaml", "--no-config", "--fix");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Fixture("tutorial-pl4002.yaml").Replace("\r\n", "\n"), temp.Read("b.yaml"));
        Assert.NotEqual(Fixture("tutorial-pl2001.yaml").Replace("\r\n", "\n"), temp.Read("a.yaml"));
    }
}
