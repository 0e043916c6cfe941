using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;

namespace PeeringLint.Cli.Configuration;

/// <summary>What <see cref="IgnoreFilter.Apply"/> kept and left out.</summary>
/// <param name="Kept">The sources to read.</param>
/// <param name="Ignored">Display paths of files found in folders and left out by <c>ignore_paths</c>.</param>
/// <param name="Warnings">One warning per file named on the command line that <c>ignore_paths</c> matches (it is read anyway).</param>
internal sealed record IgnoreResult(IReadOnlyList<InputSource> Kept, IReadOnlyList<string> Ignored, IReadOnlyList<InputProblem> Warnings);

/// <summary>
/// Applies the configuration's <c>ignore_paths</c> to the inputs. Files found by walking a folder are left out when a
/// pattern matches; a file named explicitly on the command line (or as an intents file) is never dropped silently:
/// it is linted anyway, with a warning that says so.
/// </summary>
internal static class IgnoreFilter
{
    public static IgnoreResult Apply(IReadOnlyList<InputSource> sources, LintConfig? config, string baseDirectory)
    {
        if (config is not { IgnorePaths.Count: > 0 })
        {
            return new IgnoreResult(sources, Array.Empty<string>(), Array.Empty<InputProblem>());
        }

        var globs = config.IgnorePaths.Select(p => new Glob(p)).ToArray();
        var kept = new List<InputSource>(sources.Count);
        var ignored = new List<string>();
        var warnings = new List<InputProblem>();
        foreach (var s in sources)
        {
            var full = Path.GetFullPath(Path.Combine(baseDirectory, s.Path));
            var rel = Path.GetRelativePath(config.Directory, full).Replace('\\', '/');
            var match = globs.FirstOrDefault(g => g.IsMatch(rel));
            if (match is null)
            {
                kept.Add(s);
            }
            else if (s.Explicit)
            {
                kept.Add(s);
                warnings.Add(new InputProblem(
                    new SourceLocation(s.Path, 1, 1, 1, 1),
                    $"'{s.Path}' is named on the command line but ignore_paths ('{match.Pattern}' in {config.DisplayPath}) matches it; linting it anyway",
                    InputProblemSeverity.Warning));
            }
            else
            {
                ignored.Add(s.Path);
            }
        }

        return new IgnoreResult(kept, ignored, warnings);
    }
}
