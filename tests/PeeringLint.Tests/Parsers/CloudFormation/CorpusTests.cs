using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Tests.TestKit;
using Xunit;
using Xunit.Abstractions;

namespace PeeringLint.Tests.Parsers.CloudFormation;

/// <summary>Every real template of tests/Fixtures/corpus/cloudformation loads without exception; valid ones raise no Error.</summary>
public sealed class CorpusTests
{
    private readonly ITestOutputHelper _output;

    public CorpusTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private static string CorpusRoot => TestPaths.Combine("tests", "Fixtures", "corpus", "cloudformation");

    public static IEnumerable<object[]> Templates() =>
        Directory.EnumerateFiles(CorpusRoot, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(CorpusRoot, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new object[] { f });

    /// <summary>
    /// Templates that are not valid deployed examples: linter fixtures written to be wrong, and cfn_nag
    /// fixtures (rule inputs, many with dangling references). Error findings on them are expected.
    /// </summary>
    private static bool IsValidDeployedExample(string path) =>
        !path.Contains("/bad/", StringComparison.Ordinal) && !path.StartsWith("cfn_nag/", StringComparison.Ordinal);

    /// <summary>
    /// Templates outside bad/ and cfn_nag/ that do raise Errors, each with the reason. Most are schema
    /// fixtures ("good" for cfn-lint's schema checks) that AWS would still refuse to deploy.
    /// </summary>
    private static readonly Dictionary<string, (string[] Rules, string Why)> ExpectedErrors = new(StringComparer.Ordinal)
    {
        ["cfn-lint/good/transform/language_extension.yaml"] = (new[] { "PL1004" }, "MySubnet is 10.0.0.0/8: EC2 CreateSubnet allows only /16 to /28 IPv4 subnets, so AWS fails the resource"),
        ["cfn-lint/pre-v1-7bb6648b/good/resources/ec2/vpc.yaml"] = (new[] { "PL1004" }, "Subnet3 10.0.2.0/26 lies inside Subnet2 10.0.2.0/24 in the same VPC: CreateSubnet fails with InvalidSubnet.Conflict (a schema-only 'good' fixture)"),
        ["cfn-lint/quickstart/nist_vpc_management.yaml"] = (new[] { "PL1004" }, "with its parameter defaults, the DMZ and private subnets both get 10.10.10.0/24 (and 10.10.20.0/24) in one VPC: InvalidSubnet.Conflict; deployers must override the defaults"),
        ["cfn-lint/quickstart/vpc-management.json"] = (new[] { "PL1004" }, "JSON twin of nist_vpc_management.yaml: the same conflicting subnet defaults"),
        ["cfn-lint/quickstart/nist_vpc_production.yaml"] = (new[] { "PL1004" }, "subnet defaults such as 10.100.119.0/21 are not aligned to their prefix (host bits set); EC2 rejects a non-aligned subnet block (InvalidSubnet.Range) as far as we know, so the defaults must be overridden"),
        ["cdk-synth/aws-cdk/aws-ec2-alpha/integ.vpcpc.js.snapshot/requestor-stack.template.json"] = (new[] { "PL2003", "PL2004" }, "PeerOwnerId '12345678' (another account, not even 12 digits) with no PeerRoleArn: the connection cannot be auto-accepted, and the route sends 10.0.0.0/16 over a peering whose peer VPC is 10.1.0.0/16 + 10.3.0.0/16 (a CDK integ snapshot, not a working network)"),

    };

    [Theory]
    [MemberData(nameof(Templates))]
    public void LoadsWithoutException_AndValidTemplatesHaveNoErrorFinding(string path)
    {
        var source = new InputSource("corpus/" + path, () => File.ReadAllBytes(Path.Combine(CorpusRoot, path)), true);
        var load = new InputLoader().Load(new[] { source }, new LoadOptions { MaxDegreeOfParallelism = 1 });
        Assert.DoesNotContain(load.Problems, p => p.Message.Contains("internal error", StringComparison.Ordinal));
        Assert.All(load.Problems, p => Assert.True(p.Location.IsNone || p.Location.StartLine > 0, p.ToString()));
        foreach (var p in load.Problems)
        {
            _output.WriteLine(p.ToString());
        }

        var lint = LintEngine.Run(load.Model, new LintOptions { MaxDegreeOfParallelism = 1 });
        Assert.Empty(lint.Failures);
        var errors = lint.Findings.Where(f => f.Severity == Severity.Error && !f.IsSuppressed).ToList();
        foreach (var f in lint.Findings)
        {
            _output.WriteLine($"{f.RuleId} {f.Severity} {f.Location}: {f.Message}");
        }

        if (IsValidDeployedExample(path))
        {
            var expected = ExpectedErrors.TryGetValue(path, out var e) ? e.Rules : Array.Empty<string>();
            Assert.True(
                errors.Select(f => f.RuleId).Distinct().OrderBy(i => i, StringComparer.Ordinal).SequenceEqual(expected),
                string.Join("\n", errors.Select(f => $"{f.RuleId} {f.Location}: {f.Message}")));
        }
    }

    [Fact]
    public void WholeCorpus_LoadsInOneRun()
    {
        var files = Templates().Select(o => (string)o[0]).ToArray();
        var sources = files.Select(p => new InputSource("corpus/" + p, () => File.ReadAllBytes(Path.Combine(CorpusRoot, p)), true)).ToArray();
        var sw = Stopwatch.StartNew();
        var load = new InputLoader().Load(sources, new LoadOptions { MaxDegreeOfParallelism = 2 });
        var loadMs = sw.ElapsedMilliseconds;
        var lint = LintEngine.Run(load.Model, new LintOptions { MaxDegreeOfParallelism = 2 });
        _output.WriteLine($"{files.Length} files, load {loadMs} ms, load+lint {sw.ElapsedMilliseconds} ms, {load.Model.Vpcs.Count} VPCs, {load.Model.RouteTables.Count} tables, {load.Problems.Count} problems, {lint.Findings.Count} findings");
        Assert.DoesNotContain(load.Problems, p => p.Message.Contains("internal error", StringComparison.Ordinal));
        Assert.Empty(lint.Failures);
    }

    /// <summary>
    /// AWS's own sample defaults SSHLocation to 192.168.1.0/0. EC2 accepts host bits in security group CIDRs
    /// and stores the normalized block, so this is a warning that the rule admits every IPv4 address, not an error.
    /// </summary>
    [Fact]
    public void HostBitsInSecurityGroupCidr_AreAWarningThatNamesTheRealRange()
    {
        const string path = "aws-cloudformation-templates/EC2/EC2InstanceWithSecurityGroupSample.yaml";
        var load = new InputLoader().Load(new[] { new InputSource(path, () => File.ReadAllBytes(Path.Combine(CorpusRoot, path)), true) });
        var lint = LintEngine.Run(load.Model);
        var f = Assert.Single(lint.Findings, x => x.RuleId == "PL1004");
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("0.0.0.0/0", f.Message);
    }
}
