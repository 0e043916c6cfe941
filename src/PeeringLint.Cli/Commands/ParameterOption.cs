using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;

namespace PeeringLint.Cli.Commands;

/// <summary>The <c>--parameter Name=Value</c> option (CloudFormation parameter values) shared by lint, graph and reach.</summary>
internal static class ParameterOption
{
    public static Option<string[]> Create() =>
        new("--parameter", "-p") { Description = "CloudFormation parameter value, Name=Value (repeatable)." };

    /// <summary>The values as a map, or null (after an error message) when one is not Name=Value.</summary>
    public static Dictionary<string, string>? Parse(string[]? values, TextWriter error)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in values ?? Array.Empty<string>())
        {
            int eq = p.IndexOf('=');
            if (eq <= 0)
            {
                error.WriteLine($"peeringlint: error: --parameter expects Name=Value, found '{p}'");
                return null;
            }

            map[p.Substring(0, eq)] = p.Substring(eq + 1);
        }

        return map;
    }
}
