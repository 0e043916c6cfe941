using System;
using System.Collections.Generic;
using PeeringLint.Cli;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Tests.Cli;

/// <summary>Hand-made <see cref="LintRun"/>s for reporter tests.</summary>
internal static class TestRuns
{
    public static LintRun WithFindings(params Finding[] findings)
    {
        var load = new LoadResult(NetworkModel.Empty, Array.Empty<InputProblem>(), new Dictionary<string, SourceDocument>(), Array.Empty<string>());
        var result = new LintResult(findings, Array.Empty<RuleFailure>(), new ModelIndex(NetworkModel.Empty));
        return new LintRun(load, result, Array.Empty<InputProblem>(), Severity.Warning, new Dictionary<string, TimeSpan>()) { BaseDirectory = "/tmp/x" };
    }
}
