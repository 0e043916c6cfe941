using System;
using System.CommandLine;
using System.IO;
using System.Text;
using PeeringLint.Cli.Commands;

namespace PeeringLint.Cli;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        return Run(args, Console.Out, Console.Error);
    }

    /// <summary>Runs the CLI with the given writers (tests call this directly).</summary>
    /// <param name="baseDirectory">Folder that relative input paths resolve against (default: the current directory); tests pass their own.</param>
    internal static int Run(string[] args, TextWriter stdout, TextWriter stderr, string? baseDirectory = null)
    {
        var root = new RootCommand("PeeringLint: catches AWS VPC peering mistakes offline, in AWS CLI JSON exports, CloudFormation templates and tutorial YAML.");
        var io = new CommandIO(stdout, stderr) { BaseDirectory = baseDirectory ?? Directory.GetCurrentDirectory() };
        root.Subcommands.Add(LintCommand.Create(io));
        root.Subcommands.Add(RulesCommand.Create(io));
        root.Subcommands.Add(ExplainCommand.Create(io));
        root.Subcommands.Add(GraphCommand.Create(io));
        root.Subcommands.Add(ReachCommand.Create(io));
        root.Subcommands.Add(LspCommand.Create(io));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                stderr.WriteLine("peeringlint: " + e.Message);
            }

            stderr.WriteLine("Run 'peeringlint --help' for usage.");
            return ExitCodes.InputError;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine("peeringlint: error: " + ex.Message);
            return ExitCodes.InputError;
        }
    }
}

/// <summary>Where commands write.</summary>
internal sealed record CommandIO(TextWriter Out, TextWriter Error)
{
    /// <summary>True when Out is the real console (so colours may be used).</summary>
    public bool IsConsole => ReferenceEquals(Out, Console.Out);

    /// <summary>Folder that relative input paths resolve against.</summary>
    public string BaseDirectory { get; init; } = Directory.GetCurrentDirectory();
}
