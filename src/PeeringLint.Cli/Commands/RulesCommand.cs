using System.CommandLine;
using System.Linq;
using PeeringLint.Cli.Output;
using PeeringLint.Engine;

namespace PeeringLint.Cli.Commands;

/// <summary><c>peeringlint rules</c>: the catalogue.</summary>
internal static class RulesCommand
{
    public static Command Create(CommandIO io)
    {
        var cmd = new Command("rules", "List every rule: id, default severity, category and title.");
        cmd.SetAction(_ =>
        {
            int nameWidth = RuleCatalog.All.Max(r => r.Descriptor.Slug.Length);
            foreach (var r in RuleCatalog.All)
            {
                var d = r.Descriptor;
                io.Out.WriteLine($"{d.Id}  {TextReporter.SeverityName(d.DefaultSeverity),-7}  {d.Category,-14}  {d.Slug.PadRight(nameWidth)}  {d.Title}");
            }

            io.Out.WriteLine();
            io.Out.WriteLine("'peeringlint explain <id>' prints a rule's page.");
            return ExitCodes.Clean;
        });
        return cmd;
    }
}
