using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using PeeringLint.Cli.Output;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Reachability;

namespace PeeringLint.Cli.Commands;

/// <summary>
/// <c>peeringlint reach &lt;inputs&gt; --from X --to Y --protocol icmp|tcp|udp|all [--port N]</c>: the hop-by-hop
/// path, forward and back, the way VPC Reachability Analyzer explains it. Exit 0 reachable, 1 not (or cannot be
/// told from the inputs), 2 input error.
/// </summary>
internal static class ReachCommand
{
    public static Command Create(CommandIO io)
    {
        var shared = new SharedOptions("Files or folders that describe the network.", intents: false);
        var from = new Option<string>("--from") { Description = "Source: an instance or ENI (Name tag, id or logical id), a CIDR or address, or 'internet'.", Required = true };
        var to = new Option<string>("--to") { Description = "Destination: an instance or ENI, or a CIDR or address.", Required = true };
        var protocol = new Option<string>("--protocol") { Description = "tcp, udp, icmp, icmpv6 or all.", DefaultValueFactory = _ => "all" };
        protocol.AcceptOnlyFromAmong("tcp", "udp", "icmp", "icmpv6", "all");
        var port = new Option<int?>("--port") { Description = "Destination port (tcp/udp) or ICMP type (default 8, echo request)." };
        var format = new Option<string>("--format", "-f") { Description = "Output format: text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var cmd = new Command("reach", "Explain whether traffic gets from a source to a destination, hop by hop, forward and back.") { from, to, protocol, port, format };
        shared.AddTo(cmd);
        cmd.SetAction(parse =>
        {
            var request = shared.Bind(parse, io);
            if (request is null)
            {
                return ExitCodes.InputError;
            }

            var run = Pipeline.Run(request with { RunRules = false });
            if (shared.Verbose(parse))
            {
                SharedOptions.WriteVerbose(io.Error, run);
            }

            var errStyle = ConsoleStyle.ForStdout(shared.NoColor(parse) || !io.IsConsole || Console.IsErrorRedirected);
            TextReporter.WriteProblems(io.Error, run.Problems, run.Load.Documents, errStyle);
            if (run.HasInputErrors)
            {
                return ExitCodes.InputError;
            }

            string protocolName = parse.GetValue(protocol) ?? "all";
            var query = ReachabilityQuery.Create(run.Index, parse.GetValue(from)!, parse.GetValue(to)!, protocolName, parse.GetValue(port), out string? error);
            if (query is null)
            {
                io.Error.WriteLine("peeringlint: error: " + error);
                return ExitCodes.InputError;
            }

            var result = ReachabilityEngine.Evaluate(run.Index, query);
            if (parse.GetValue(format) == "json")
            {
                WriteJson(io.Out, parse.GetValue(from)!, parse.GetValue(to)!, protocolName, parse.GetValue(port), result);
            }
            else
            {
                WriteText(io.Out, result, io.IsConsole ? ConsoleStyle.ForStdout(shared.NoColor(parse)) : ConsoleStyle.Plain);
            }

            return result.Verdict == ReachabilityVerdict.Reachable ? ExitCodes.Clean : ExitCodes.Findings;
        });
        return cmd;
    }

    private static void WriteText(TextWriter w, ReachabilityResult result, ConsoleStyle style)
    {
        var direction = (HopDirection?)null;
        foreach (var hop in result.Hops)
        {
            if (hop.Direction != direction)
            {
                direction = hop.Direction;
                w.WriteLine(style.Bold(direction == HopDirection.Forward ? "forward path" : "return path"));
            }

            string mark = hop.Verdict switch
            {
                HopVerdict.Allowed => style.Green("✓"),
                HopVerdict.Blocked => style.Red("✗"),
                _ => "?",
            };
            string code = hop.Code is null ? string.Empty : $" [{hop.Code}]";
            string assumed = hop.Assumed ? " (assuming the hops before it are fixed)" : string.Empty;
            w.WriteLine($"  {mark} {hop.Kind,-20} {TextEscaping.Escape(hop.ElementLabel)}  {TextEscaping.Escape(hop.Location.ToString())}{code}{assumed}");
            w.WriteLine(style.Dim($"      {TextEscaping.Escape(hop.Reason)}"));
            if (hop.Fix is not null && hop.Verdict == HopVerdict.Blocked)
            {
                w.WriteLine($"      fix: {TextEscaping.Escape(hop.Fix)}");
            }
        }

        w.WriteLine();
        w.WriteLine(result.Verdict switch
        {
            ReachabilityVerdict.Reachable => style.Green("✓ reachable"),
            ReachabilityVerdict.NotReachable => style.Red("✖ not reachable") + (result.BlockingHop is { } b ? $": blocked at {TextEscaping.Escape(b.ElementLabel)} ({b.Code ?? b.Kind.ToString()})" : string.Empty),
            _ => "? cannot tell from the inputs: " + TextEscaping.Escape(string.Join("; ", result.UnknownHops.Select(h => h.Reason))),
        });
    }

    private static void WriteJson(TextWriter w, string from, string to, string protocol, int? port, ReachabilityResult result)
    {
        using var stream = new MemoryStream();
        using (var j = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            j.WriteStartObject();
            j.WriteString("from", from);
            j.WriteString("to", to);
            j.WriteString("protocol", protocol);
            if (port is { } p)
            {
                j.WriteNumber("port", p);
            }

            j.WriteString("verdict", result.Verdict switch { ReachabilityVerdict.Reachable => "reachable", ReachabilityVerdict.NotReachable => "notReachable", _ => "unknown" });
            j.WriteString("code", result.BlockingHop?.Code);
            j.WriteStartArray("hops");
            foreach (var h in result.Hops)
            {
                j.WriteStartObject();
                j.WriteString("direction", h.Direction == HopDirection.Forward ? "forward" : "return");
                j.WriteString("kind", h.Kind.ToString());
                j.WriteString("elementId", h.ElementId);
                j.WriteString("element", h.ElementLabel);
                j.WriteString("verdict", h.Verdict.ToString().ToLowerInvariant());
                j.WriteString("reason", h.Reason);
                j.WriteString("code", h.Code);
                j.WriteString("fix", h.Fix);
                j.WriteBoolean("assumed", h.Assumed);
                if (h.Location.IsNone)
                {
                    j.WriteNull("location");
                }
                else
                {
                    j.WriteStartObject("location");
                    j.WriteString("path", h.Location.Path);
                    j.WriteNumber("startLine", h.Location.StartLine);
                    j.WriteNumber("startColumn", h.Location.StartColumn);
                    j.WriteNumber("endLine", h.Location.EndLine);
                    j.WriteNumber("endColumn", h.Location.EndColumn);
                    j.WriteEndObject();
                }

                j.WriteEndObject();
            }

            j.WriteEndArray();
            j.WriteEndObject();
        }

        w.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        w.WriteLine();
    }
}
