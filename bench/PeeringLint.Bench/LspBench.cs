using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PeeringLint.Cli.LanguageServer;
using StreamJsonRpc;

namespace PeeringLint.Bench;

/// <summary>
/// <c>lsp</c>: the language server as an editor uses it, in its own process (<c>peeringlint lsp</c> from this build,
/// over pipes with LSP framing). A generated CloudFormation template of about 1,000 lines is opened, then edited:
/// the time from sending <c>didChange</c> to receiving that version's <c>publishDiagnostics</c> (debounce 0, so the time
/// is the re-lint and the protocol; an editor adds the 300 ms debounce), and the server's resident memory over
/// 1,000 edits. Options: <c>--edits 1000</c>, <c>--timed 60</c>, <c>--lines 1000</c>.
/// </summary>
internal static class LspBench
{
    public static int Run(string root, Dictionary<string, string> options)
    {
        int edits = int.Parse(Program.Get(options, "edits", "1000"), CultureInfo.InvariantCulture);
        int timed = int.Parse(Program.Get(options, "timed", "60"), CultureInfo.InvariantCulture);
        int lines = int.Parse(Program.Get(options, "lines", "1000"), CultureInfo.InvariantCulture);
        string work = Path.Combine(Path.GetTempPath(), "peeringlint-lsp-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(work);
        try
        {
            return RunAsync(work, edits, timed, lines).GetAwaiter().GetResult();
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<int> RunAsync(string work, int edits, int timed, int lines)
    {
        var (text, pairs) = Template(lines);
        string path = Path.Combine(work, "network.yaml");
        File.WriteAllText(path, text);
        string uri = new Uri(path).AbsoluteUri;
        int lineCount = text.Split('\n').Length - 1;

        string dll = Path.Combine(AppContext.BaseDirectory, "peeringlint.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        psi.ArgumentList.Add("lsp");
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + dll);
        _ = process.StandardError.ReadToEndAsync();
        var formatter = new SystemTextJsonFormatter();
        PeeringLanguageServer.SerializerOptions(formatter.JsonSerializerOptions);
        var received = new Dictionary<int, (long Ticks, int Count)>();
        var gate = new object();
        using var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, formatter));
        var onPublish = new Action<JsonElement>(p =>
        {
            if (p.GetProperty("uri").GetString() == uri && p.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number)
            {
                lock (gate)
                {
                    received[v.GetInt32()] = (Stopwatch.GetTimestamp(), p.GetProperty("diagnostics").GetArrayLength());
                    Monitor.PulseAll(gate);
                }
            }
        });
        var onLog = new Action<JsonElement>(_ => { });
        rpc.AddLocalRpcMethod(onPublish.Method, onPublish.Target, new JsonRpcMethodAttribute("textDocument/publishDiagnostics") { UseSingleObjectParameterDeserialization = true });
        rpc.AddLocalRpcMethod(onLog.Method, onLog.Target, new JsonRpcMethodAttribute("window/logMessage") { UseSingleObjectParameterDeserialization = true });
        rpc.StartListening();
        await rpc.InvokeWithParameterObjectAsync<JsonElement>("initialize", new { processId = Environment.ProcessId, rootUri = new Uri(work).AbsoluteUri, capabilities = new { }, initializationOptions = new { debounceMs = 0 } });
        await rpc.NotifyWithParameterObjectAsync("initialized", new { });

        (long Ticks, int Count) WaitFor(int version)
        {
            lock (gate)
            {
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (!received.ContainsKey(version))
                {
                    if (!Monitor.Wait(gate, deadline - DateTime.UtcNow))
                    {
                        throw new TimeoutException($"no diagnostics for version {version}");
                    }
                }

                return received[version];
            }
        }

        long t0 = Stopwatch.GetTimestamp();
        await rpc.NotifyWithParameterObjectAsync("textDocument/didOpen", new { textDocument = new { uri, languageId = "yaml", version = 1, text } });
        var first = WaitFor(1);
        double openMs = Stopwatch.GetElapsedTime(t0, first.Ticks).TotalMilliseconds;

        // Each edit moves one pair's return route between the right block and a typo, so the findings change every time.
        var samples = new List<double>();
        var rss = new List<(int Edit, long Bytes)>();
        int version = 1;
        var current = text;
        for (int e = 1; e <= edits; e++)
        {
            int pair = e % pairs;
            string right = $"DestinationCidrBlock: 10.{(2 * pair) + 0}.0.0/16 # return {pair}";
            string wrong = $"DestinationCidrBlock: 10.{(2 * pair) + 0}.9.0/24 # return {pair}";
            current = current.Contains(right, StringComparison.Ordinal) ? current.Replace(right, wrong, StringComparison.Ordinal) : current.Replace(wrong, right, StringComparison.Ordinal);
            version++;
            long sent = Stopwatch.GetTimestamp();
            await rpc.NotifyWithParameterObjectAsync("textDocument/didChange", new { textDocument = new { uri, version }, contentChanges = new[] { new { text = current } } });
            var got = WaitFor(version);
            if (e > edits - timed)
            {
                samples.Add(Stopwatch.GetElapsedTime(sent, got.Ticks).TotalMilliseconds);
            }

            if (e == 10 || e == 100 || e % 250 == 0)
            {
                process.Refresh();
                rss.Add((e, Rss(process)));
            }
        }

        await rpc.InvokeWithParameterObjectAsync<JsonElement>("shutdown");
        await rpc.NotifyAsync("exit");
        if (!process.WaitForExit(30_000))
        {
            process.Kill();
        }

        samples.Sort();
        double Percentile(double p) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(p * samples.Count) - 1)];
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"template: {lineCount} lines, {pairs} peered VPC pairs; {Environment.ProcessorCount} cores; server exit code {process.ExitCode}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"open → first diagnostics: {openMs:F0} ms ({first.Count} diagnostics)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"change → diagnostics republished (last {samples.Count} of {edits} edits, debounce 0): median {Percentile(0.5):F1} ms, p90 {Percentile(0.9):F1} ms, max {samples[^1]:F1} ms");
        sb.AppendLine("server resident memory (VmRSS) after N edits: " + string.Join(", ", rss.Select(r => $"{r.Edit}: {r.Bytes / (1024.0 * 1024.0):F0} MiB")));
        Console.Write(sb.ToString());
        return 0;
    }

    private static long Rss(Process process)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return process.WorkingSet64;
    }

    /// <summary>A CloudFormation template of peered VPC pairs, at least <paramref name="minLines"/> lines; every third pair has a typo in its return route.</summary>
    internal static (string Text, int Pairs) Template(int minLines)
    {
        var sb = new StringBuilder();
        sb.Append("AWSTemplateFormatVersion: '2010-09-09'\nDescription: Generated peered VPC pairs for the language server benchmark\nResources:\n");
        int pairs = 0;
        while (sb.ToString().Count(c => c == '\n') < minLines)
        {
            int k = pairs++;
            string a = $"A{k:D3}", b = $"B{k:D3}";
            string cidrA = $"10.{2 * k}.0.0/16", cidrB = $"10.{(2 * k) + 1}.0.0/16";
            foreach (var (name, cidr, sub) in new[] { (a, cidrA, $"10.{2 * k}.1.0/24"), (b, cidrB, $"10.{(2 * k) + 1}.1.0/24") })
            {
                sb.Append(CultureInfo.InvariantCulture, $"  Vpc{name}:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: {cidr}\n      Tags:\n        - {{Key: Name, Value: vpc-{name}}}\n");
                sb.Append(CultureInfo.InvariantCulture, $"  Subnet{name}:\n    Type: AWS::EC2::Subnet\n    Properties:\n      VpcId: !Ref Vpc{name}\n      CidrBlock: {sub}\n");
                sb.Append(CultureInfo.InvariantCulture, $"  Rtb{name}:\n    Type: AWS::EC2::RouteTable\n    Properties:\n      VpcId: !Ref Vpc{name}\n");
                sb.Append(CultureInfo.InvariantCulture, $"  Assoc{name}:\n    Type: AWS::EC2::SubnetRouteTableAssociation\n    Properties:\n      RouteTableId: !Ref Rtb{name}\n      SubnetId: !Ref Subnet{name}\n");
                sb.Append(CultureInfo.InvariantCulture, $"  Sg{name}:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: app {name}\n      VpcId: !Ref Vpc{name}\n      SecurityGroupIngress:\n        - {{IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.0.0.0/8}}\n");
            }

            sb.Append(CultureInfo.InvariantCulture, $"  Pcx{k:D3}:\n    Type: AWS::EC2::VPCPeeringConnection\n    Properties:\n      VpcId: !Ref Vpc{a}\n      PeerVpcId: !Ref Vpc{b}\n");
            sb.Append(CultureInfo.InvariantCulture, $"  Route{a}:\n    Type: AWS::EC2::Route\n    Properties:\n      RouteTableId: !Ref Rtb{a}\n      DestinationCidrBlock: {cidrB}\n      VpcPeeringConnectionId: !Ref Pcx{k:D3}\n");
            string back = k % 3 == 2 ? $"10.{2 * k}.9.0/24" : cidrA;
            sb.Append(CultureInfo.InvariantCulture, $"  Route{b}:\n    Type: AWS::EC2::Route\n    Properties:\n      RouteTableId: !Ref Rtb{b}\n      DestinationCidrBlock: {back} # return {k}\n      VpcPeeringConnectionId: !Ref Pcx{k:D3}\n");
        }

        return (sb.ToString(), pairs);
    }
}
