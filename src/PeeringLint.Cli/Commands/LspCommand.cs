using System;
using System.CommandLine;
using PeeringLint.Cli.LanguageServer;

namespace PeeringLint.Cli.Commands;

/// <summary><c>peeringlint lsp</c>: the language server on standard input and output (docs/editors.md).</summary>
internal static class LspCommand
{
    public static Command Create(CommandIO io)
    {
        // Clients commonly pass --stdio (vscode-languageclient does); standard input and output are the only transport.
        var stdio = new Option<bool>("--stdio") { Description = "Speak LSP on standard input and output (the default and only transport)." };
        var cmd = new Command("lsp", "Run the language server (LSP 3.17 over standard input and output) for editors: diagnostics as you type, hover, go-to-definition, quick fixes.") { stdio };
        cmd.SetAction(_ =>
        {
            // Standard output carries the protocol: anything else written there would corrupt it.
            var output = Console.OpenStandardOutput();
            var input = Console.OpenStandardInput();
            Console.SetOut(io.Error);
            return PeeringLanguageServer.RunAsync(input, output).GetAwaiter().GetResult();
        });
        return cmd;
    }
}
