using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PeeringLint.Cli.Inputs;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Tests.TestKit;
using Xunit;

namespace PeeringLint.Tests.Parsers.AwsCli;

/// <summary>Loads AWS JSON folders and inline documents the way the CLI does.</summary>
internal static class AwsTestKit
{
    public static string Corpus => Path.Combine(TestPaths.Fixtures, "corpus", "aws-json");

    /// <summary>Loads every file under <paramref name="folder"/> (display paths relative to the repository root).</summary>
    public static LoadResult LoadFolder(string folder)
    {
        var problems = new List<InputProblem>();
        var sources = InputFiles.Enumerate(new[] { folder }, TestPaths.Root, problems);
        Assert.Empty(problems);
        return new InputLoader().Load(sources);
    }

    /// <summary>Loads inline documents: (path, text) pairs; folders in the path become layout hints.</summary>
    public static LoadResult LoadText(params (string Path, string Text)[] files)
    {
        var sources = files.Select(f =>
        {
            var parts = f.Path.Split('/');
            return InputSource.FromText(f.Path, f.Text, isExplicit: false) with { Folders = parts.Take(parts.Length - 1).ToArray() };
        }).ToArray();
        return new InputLoader().Load(sources);
    }

    public static IReadOnlyList<InputProblem> Errors(LoadResult r) =>
        r.Problems.Where(p => p.Severity == InputProblemSeverity.Error).ToList();

    public static string Dump(IEnumerable<InputProblem> problems) => string.Join(Environment.NewLine, problems.Select(p => p.ToString()));

    public static string Dump(IEnumerable<Finding> findings) =>
        string.Join(Environment.NewLine, findings.Select(f => $"{f.Location} {f.RuleId} {f.Severity}: {f.Message}"));

    public static string At(SourceLocation l) => $"{l.StartLine}:{l.StartColumn}";
}
