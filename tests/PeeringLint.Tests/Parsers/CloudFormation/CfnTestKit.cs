using System.Collections.Generic;
using System.IO;
using System.Linq;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Tests.TestKit;

namespace PeeringLint.Tests.Parsers.CloudFormation;

/// <summary>Loads inline or on-disk CloudFormation templates through the real loader.</summary>
internal static class CfnTestKit
{
    public static LoadResult Load(params (string Path, string Text)[] files) => Load(null, files);

    public static LoadResult Load(Dictionary<string, string>? parameters, params (string Path, string Text)[] files)
    {
        var options = new LoadOptions { Parameters = parameters ?? new Dictionary<string, string>(), MaxDegreeOfParallelism = 1 };
        return new InputLoader().Load(files.Select(f => InputSource.FromText(f.Path, f.Text)).ToArray(), options);
    }

    public static LoadResult LoadFiles(params string[] repoRelative)
    {
        var sources = repoRelative.Select(p => new InputSource(p, () => File.ReadAllBytes(TestPaths.Combine(p.Split('/'))), true)).ToArray();
        return new InputLoader().Load(sources, new LoadOptions { MaxDegreeOfParallelism = 1 });
    }

    public static string ReadRepoFile(string repoRelative) => File.ReadAllText(TestPaths.Combine(repoRelative.Split('/')));

    /// <summary>A template with one VPC whose CidrBlock is <paramref name="expr"/> (YAML), plus extra sections.</summary>
    public static string VpcTemplate(string expr, string extra = "") =>
        extra + "\nResources:\n  V:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: " + expr + "\n";

    public static CidrValue VpcCidr(string expr, string extra = "", Dictionary<string, string>? parameters = null)
    {
        var result = Load(parameters, ("t.yaml", VpcTemplate(expr, extra)));
        return result.Model.Vpcs.Single().Ipv4Cidrs[0];
    }

    public static LintResult Lint(LoadResult load) => LintEngine.Run(load.Model, new LintOptions { MaxDegreeOfParallelism = 1 });

    /// <summary>1-based line of the first line containing <paramref name="needle"/> at or after the first line containing <paramref name="after"/>.</summary>
    public static int LineOf(string text, string after, string needle)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        int start = System.Array.FindIndex(lines, l => l.Contains(after));
        Xunit.Assert.True(start >= 0, "marker not found: " + after);
        for (int i = start; i < lines.Length; i++)
        {
            if (lines[i].Contains(needle))
            {
                return i + 1;
            }
        }

        throw new Xunit.Sdk.XunitException("needle not found: " + needle);
    }
}
