using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;

namespace PeeringLint.Cli.Configuration;

/// <summary>
/// Applies the configuration's <c>stacks:</c> to the run: which stack each template (by display path) is deployed
/// as, and which entries match no input of the run (a warning: a typo in a path must not pass silently).
/// </summary>
internal static class StackConfig
{
    /// <summary>The function the CloudFormation reader asks for a template's stack; null when no stacks are configured.</summary>
    public static Func<string, StackSettings?>? Resolver(LintConfig? config, string baseDirectory)
    {
        if (config is not { Stacks.Count: > 0 })
        {
            return null;
        }

        return displayPath => Find(config, displayPath, baseDirectory) is { } e
            ? new StackSettings { Name = e.Name, Account = e.Account, Region = e.Region, Parameters = e.Parameters, UnknownParameters = e.UnknownParameters }
            : null;
    }

    /// <summary>The first entry whose template matches the file, or null.</summary>
    public static StackEntry? Find(LintConfig config, string displayPath, string baseDirectory)
    {
        string relative = Relative(config, displayPath, baseDirectory);
        return config.Stacks.FirstOrDefault(e => e.Matches(relative));
    }

    /// <summary>A warning for each entry whose template matches none of the run's input files.</summary>
    public static IEnumerable<InputProblem> Unmatched(LintConfig? config, IEnumerable<string> displayPaths, string baseDirectory)
    {
        if (config is not { Stacks.Count: > 0 })
        {
            yield break;
        }

        var relatives = displayPaths.Select(p => Relative(config, p, baseDirectory)).ToArray();
        foreach (var e in config.Stacks)
        {
            if (!relatives.Any(e.Matches))
            {
                yield return new InputProblem(e.TemplateLocation, $"the stack template '{e.Template}' matches no input of this run (paths are relative to {config.DisplayPath}); that stack's settings are not used", InputProblemSeverity.Warning);
            }
        }
    }

    private static string Relative(LintConfig config, string displayPath, string baseDirectory) =>
        Path.GetRelativePath(config.Directory, Path.GetFullPath(Path.Combine(baseDirectory, displayPath))).Replace('\\', '/');
}
