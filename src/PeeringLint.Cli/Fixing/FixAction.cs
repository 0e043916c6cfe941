using System.Linq;
using PeeringLint.Cli.Commands;

namespace PeeringLint.Cli.Fixing;

/// <summary>
/// What <c>lint --fix</c> and <c>lint --fix-dry-run</c> (<c>--diff</c>) do before the report: plan the fixes, then write
/// them, or print them as a unified diff. Returns the run to report (the inputs as they are once fixed; as they are for
/// a dry run), or null when a file could not be written (exit 2).
/// </summary>
internal static class FixAction
{
    public static LintRun? Run(RunRequest request, CommandIO io, bool dryRun)
    {
        var plan = Fixer.Plan(request);
        foreach (var note in plan.Notes)
        {
            io.Error.WriteLine("peeringlint: " + note);
        }

        int files = plan.Changes.Count;
        int fixes = plan.Applied.Count;
        if (dryRun)
        {
            foreach (var change in plan.Changes)
            {
                io.Out.Write(UnifiedDiff.Create(change.Path, change.Before, change.After));
            }

            io.Error.WriteLine($"peeringlint: {fixes} fix{(fixes == 1 ? string.Empty : "es")} would change {files} file{(files == 1 ? string.Empty : "s")} (nothing written)");
            return plan.First;
        }

        var errors = Fixer.Write(plan.Changes);
        foreach (var e in errors)
        {
            io.Error.WriteLine("peeringlint: error: " + e);
        }

        foreach (var (finding, fix) in plan.Applied)
        {
            io.Error.WriteLine($"peeringlint: fixed {finding.Location}: {finding.RuleId}: {fix.Title}");
        }

        io.Error.WriteLine($"peeringlint: {fixes} fix{(fixes == 1 ? string.Empty : "es")} applied to {files - errors.Count} file{(files - errors.Count == 1 ? string.Empty : "s")}");
        if (errors.Count > 0)
        {
            return null;
        }

        // What remains, read back from disk.
        return files == 0 ? plan.First : Pipeline.Run(request);
    }
}
