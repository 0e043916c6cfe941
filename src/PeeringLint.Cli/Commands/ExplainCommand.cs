using System.CommandLine;
using System.IO;
using PeeringLint.Engine;

namespace PeeringLint.Cli.Commands;

/// <summary><c>peeringlint explain PL2001</c>: prints a rule's page (shipped inside the tool).</summary>
internal static class ExplainCommand
{
    public static Command Create(CommandIO io)
    {
        var id = new Argument<string>("rule") { Description = "Rule id (PL2001) or name (missing-return-route)." };
        var cmd = new Command("explain", "Print a rule's documentation page.") { id };
        cmd.SetAction(parse =>
        {
            var name = parse.GetValue(id) ?? string.Empty;
            var rule = RuleCatalog.Find(name);
            if (rule is null)
            {
                io.Error.WriteLine($"peeringlint: error: unknown rule '{name}'; 'peeringlint rules' lists them");
                return ExitCodes.InputError;
            }

            var page = Page(rule.Descriptor.Id);
            if (page is null)
            {
                io.Error.WriteLine($"peeringlint: error: no documentation page is bundled for {rule.Descriptor.Id}");
                return ExitCodes.InputError;
            }

            io.Out.Write(page);
            return ExitCodes.Clean;
        });
        return cmd;
    }

    internal static string? Page(string ruleId)
    {
        using var stream = typeof(ExplainCommand).Assembly.GetManifestResourceStream("rules/" + ruleId + ".md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
