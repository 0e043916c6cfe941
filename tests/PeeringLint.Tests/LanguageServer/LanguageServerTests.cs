using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Nerdbank.Streams;
using PeeringLint.Cli.LanguageServer;
using PeeringLint.Engine;
using StreamJsonRpc;
using Xunit;
using Range = PeeringLint.Cli.LanguageServer.Range;

namespace PeeringLint.Tests.LanguageServer;

/// <summary>The language server driven over real LSP framing, in-process: lifecycle, diagnostics, the workspace model, hover, definition.</summary>
public sealed class LanguageServerTests
{
    private const string Tutorial = "nextwork-peering-broken.yaml";

    [Fact]
    public async Task Initialize_AnnouncesWhatTheServerOffers()
    {
        using var ws = new TempWorkspace();
        ws.Copy("examples/" + Tutorial);
        await using var client = await LspTestClient.StartAsync(ws.Root);
        var caps = client.InitializeResult.GetProperty("capabilities");
        Assert.Equal("utf-16", caps.GetProperty("positionEncoding").GetString());
        Assert.Equal(1, caps.GetProperty("textDocumentSync").GetProperty("change").GetInt32());
        Assert.True(caps.GetProperty("textDocumentSync").GetProperty("openClose").GetBoolean());
        Assert.True(caps.GetProperty("hoverProvider").GetBoolean());
        Assert.True(caps.GetProperty("definitionProvider").GetBoolean());
        Assert.Equal("quickfix", caps.GetProperty("codeActionProvider").GetProperty("codeActionKinds")[0].GetString());
        Assert.Equal("peeringlint", client.InitializeResult.GetProperty("serverInfo").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Open_PublishesFindingsWithRuleIdsRangesLinksAndRelatedLocations()
    {
        using var ws = new TempWorkspace();
        ws.Copy("examples/" + Tutorial);
        await using var client = await LspTestClient.StartAsync(ws.Root);
        int mark = client.Mark();
        await client.OpenAsync(Tutorial);
        var published = client.WaitFor(Tutorial, mark, p => p.Version == 1);

        var pl1002 = Assert.Single(published.Diagnostics, d => d.Code == "PL1002");
        Assert.Equal(new Range(new Position(15, 27), new Position(15, 38)), pl1002.Range);
        Assert.Equal(1, pl1002.Severity);
        Assert.Equal("peeringlint", pl1002.Source);
        Assert.Equal(RuleDescriptor.DocsRoot + "PL1002.md", pl1002.CodeDescription!.Href);

        var pl2001 = Assert.Single(published.Diagnostics, d => d.Code == "PL2001");
        Assert.Equal(29, pl2001.Range.Start.Line);
        var related = Assert.Single(pl2001.RelatedInformation!, r => r.Location.Range.Start.Line == 12);
        Assert.Equal(client.Uri(Tutorial), related.Location.Uri);

        Assert.Contains(published.Diagnostics, d => d.Code == "PL2003");
        Assert.Contains(published.Diagnostics, d => d.Code == "PL3001" && d.Severity == 3);
    }

    [Fact]
    public async Task Change_ThatFixesTheMistake_ClearsItsDiagnostic_AndAnEmptyFileListIsPublished()
    {
        using var ws = new TempWorkspace();
        ws.Copy("examples/" + Tutorial);
        await using var client = await LspTestClient.StartAsync(ws.Root);
        int mark = client.Mark();
        await client.OpenAsync(Tutorial);
        client.WaitFor(Tutorial, mark, p => p.Diagnostics.Any(d => d.Code == "PL1002"));

        string text = File.ReadAllText(Path.Combine(ws.Root, Tutorial));
        string fixedText = text.Replace("- { destination: 10.1.0.0/16, target: VPC 1 <> VPC 2 }   # step 3", "- { destination: 10.2.0.0/16, target: VPC 1 <> VPC 2 }   # step 3", StringComparison.Ordinal);
        Assert.NotEqual(text, fixedText);
        mark = client.Mark();
        int version = await client.ChangeAsync(Tutorial, fixedText);
        var after = client.WaitFor(Tutorial, mark, p => p.Version == version);
        Assert.DoesNotContain(after.Diagnostics, d => d.Code == "PL1002");
        Assert.DoesNotContain(after.Diagnostics, d => d.Code == "PL2001");
        Assert.Contains(after.Diagnostics, d => d.Code == "PL2003");

        // Everything gone: a topology with nothing to say publishes an empty list, never leaves the old ones.
        mark = client.Mark();
        version = await client.ChangeAsync(Tutorial, File.ReadAllText(TestKit.TestPaths.Combine("examples", "nextwork-peering.yaml")));
        var clean = client.WaitFor(Tutorial, mark, p => p.Version == version);
        Assert.DoesNotContain(clean.Diagnostics, d => d.Severity <= 2);
    }

    [Fact]
    public async Task RapidChanges_AreDebounced_AndPublishInVersionOrderEndingWithTheLast()
    {
        using var ws = new TempWorkspace();
        ws.Copy("examples/" + Tutorial);
        await using var client = await LspTestClient.StartAsync(ws.Root, initializationOptions: new { });
        int mark = client.Mark();
        await client.OpenAsync(Tutorial);
        client.WaitFor(Tutorial, mark, p => p.Version == 1);

        string text = File.ReadAllText(Path.Combine(ws.Root, Tutorial));
        string good = text.Replace("10.1.0.0/16, target: VPC 1 <> VPC 2 }   # step 3", "10.2.0.0/16, target: VPC 1 <> VPC 2 }   # step 3", StringComparison.Ordinal);
        mark = client.Mark();
        int version = 1;
        for (int i = 0; i < 10; i++)
        {
            version = await client.ChangeAsync(Tutorial, i % 2 == 0 ? good : text);
        }

        // Version 11 holds the last text (the mistake back in place).
        var last = client.WaitFor(Tutorial, mark, p => p.Version == version);
        Assert.Contains(last.Diagnostics, d => d.Code == "PL1002");
        var versions = client.PublishedFor(Tutorial).Skip(1).Select(p => p.Version!.Value).ToList();
        Assert.Equal(versions.OrderBy(v => v), versions);
        Assert.Equal(version, versions[^1]);
    }

    [Fact]
    public async Task Change_IsNeverWrittenToDisk()
    {
        using var ws = new TempWorkspace();
        ws.Copy("examples/" + Tutorial);
        string before = File.ReadAllText(Path.Combine(ws.Root, Tutorial));
        await using var client = await LspTestClient.StartAsync(ws.Root);
        int mark = client.Mark();
        await client.OpenAsync(Tutorial);
        int version = await client.ChangeAsync(Tutorial, before.Replace("10.1.0.0/16, target: VPC 1 <> VPC 2 }   # step 3", "10.2.0.0/16, target: VPC 1 <> VPC 2 }   # step 3", StringComparison.Ordinal));
        client.WaitFor(Tutorial, mark, p => p.Version == version);
        Assert.Equal(before, File.ReadAllText(Path.Combine(ws.Root, Tutorial)));
    }

    [Fact]
    public async Task Close_DropsTheUnsavedText_TheFileOnDiskCountsAgain()
    {
        using var ws = new TempWorkspace();
        ws.Copy("examples/" + Tutorial);
        await using var client = await LspTestClient.StartAsync(ws.Root);
        int mark = client.Mark();
        await client.OpenAsync(Tutorial);
        client.WaitFor(Tutorial, mark, p => p.Version == 1);
        mark = client.Mark();
        int version = await client.ChangeAsync(Tutorial, File.ReadAllText(TestKit.TestPaths.Combine("examples", "nextwork-peering.yaml")));
        Assert.DoesNotContain(client.WaitFor(Tutorial, mark, p => p.Version == version).Diagnostics, d => d.Code == "PL1002");

        mark = client.Mark();
        await client.Rpc.NotifyWithParameterObjectAsync("textDocument/didClose", new { textDocument = new { uri = client.Uri(Tutorial) } });
        var closed = client.WaitFor(Tutorial, mark);
        Assert.Null(closed.Version);
        Assert.Contains(closed.Diagnostics, d => d.Code == "PL1002");
    }

    [Fact]
    public async Task Malformed_MidTyping_GivesTheParseErrorAtItsLine_AndOtherFilesKeepTheirFindings()
    {
        using var ws = new TempWorkspace();
        ws.Copy("examples/" + Tutorial);
        const string Cfn = "nextwork-broken.yaml";
        ws.Copy("examples/cloudformation/" + Cfn);
        await using var client = await LspTestClient.StartAsync(ws.Root);
        int mark = client.Mark();
        await client.OpenAsync(Tutorial);
        await client.OpenAsync(Cfn);
        var cfnBefore = client.WaitFor(Cfn, mark, p => p.Version == 1 && p.Diagnostics.Any(d => d.Code == "PL1002"));
        client.WaitFor(Tutorial, mark, p => p.Version == 1);

        // Half-typed flow mapping on line 16 (0-based 15) of the tutorial.
        string text = File.ReadAllText(Path.Combine(ws.Root, Tutorial));
        string broken = text.Replace("          - { destination: 10.1.0.0/16, target: VPC 1 <> VPC 2 }   # step 3", "          - { destination: 10.1.0.0/16, target: [VPC 1 <> VPC 2 }   # step 3", StringComparison.Ordinal);
        Assert.NotEqual(text, broken);
        int lints = client.LintMark();
        mark = client.Mark();
        int version = await client.ChangeAsync(Tutorial, broken);
        var error = client.WaitFor(Tutorial, mark, p => p.Version == version);
        var parse = Assert.Single(error.Diagnostics);
        Assert.Null(parse.Code);
        Assert.Equal(1, parse.Severity);
        Assert.True(parse.Range.Start.Line is >= 14 and <= 16, LspTestClient.Describe(error));

        // The lint that published the parse error did not touch the other file: the editor keeps its findings.
        var lint = client.LintThatPublished(error, lints);
        Assert.DoesNotContain(lint.Publications, p => p.Uri == client.Uri(Cfn));
        Assert.Equal(cfnBefore.Diagnostics.Select(d => d.Code), client.PublishedFor(Cfn).Last().Diagnostics.Select(d => d.Code));

        // Typing on: the file parses again and its findings come back.
        mark = client.Mark();
        version = await client.ChangeAsync(Tutorial, text);
        var back = client.WaitFor(Tutorial, mark, p => p.Version == version);
        Assert.Contains(back.Diagnostics, d => d.Code == "PL1002");
    }

    [Fact]
    public async Task CrossFile_AnUnsavedChangeInOneTemplate_ChangesTheFindingsOfAnother()
    {
        // The multi-stack example: network.yaml exports the VPCs, peering.yaml holds the peering and its routes,
        // .peeringlint.yaml names the stacks and the parameter files.
        using var ws = new TempWorkspace();
        foreach (var f in new[] { ".peeringlint.yaml", "templates/network.yaml", "templates/peering.yaml", "templates/app.yaml", "params/peering.json", "params/app-configuration.json" })
        {
            ws.Copy("examples/multi-stack/" + f, f);
        }

        await using var client = await LspTestClient.StartAsync(ws.Root);
        var peering = client.WaitFor("templates/peering.yaml", 0, p => p.Diagnostics.Any(d => d.Code == "PL2004"));
        Assert.Contains(peering.Diagnostics, d => d.Code == "PL2001");

        // Give the app VPC the block the return route names: in network.yaml, unsaved.
        const string Network = "templates/network.yaml";
        string text = File.ReadAllText(Path.Combine(ws.Root, Network));
        Assert.Contains("10.10.0.0/16", text, StringComparison.Ordinal);
        await client.OpenAsync(Network);
        int mark = client.Mark();
        await client.ChangeAsync(Network, text.Replace("10.10.0.0/16", "10.11.0.0/16", StringComparison.Ordinal).Replace("10.10.1.0/24", "10.11.1.0/24", StringComparison.Ordinal));
        var after = client.WaitFor("templates/peering.yaml", mark);
        Assert.DoesNotContain(after.Diagnostics, d => d.Code == "PL2004");
        Assert.DoesNotContain(after.Diagnostics, d => d.Code == "PL2001");
    }

    [Fact]
    public async Task Settings_TurnRulesOffAndChangeSeverities_FromInitializeFromAPushAndFromAPull()
    {
        using var ws = new TempWorkspace();
        ws.Copy("examples/" + Tutorial);
        await using var client = await LspTestClient.StartAsync(
            ws.Root,
            initializationOptions: new { debounceMs = 20, rules = new Dictionary<string, string> { ["PL3001"] = "off", ["PL2003"] = "warning" } },
            configuration: new { rules = new Dictionary<string, string> { ["PL1002"] = "off" } });
        int mark = client.Mark();
        await client.OpenAsync(Tutorial);
        var first = client.WaitFor(Tutorial, mark, p => p.Version == 1);
        Assert.DoesNotContain(first.Diagnostics, d => d.Code == "PL3001");
        Assert.All(first.Diagnostics.Where(d => d.Code == "PL2003"), d => Assert.Equal(2, d.Severity));
        Assert.Contains(first.Diagnostics, d => d.Code == "PL1002");

        // Pushed: the settings in the notification (Neovim's `settings`).
        mark = client.Mark();
        await client.Rpc.NotifyWithParameterObjectAsync("workspace/didChangeConfiguration", new { settings = new { peeringlint = new { rules = new Dictionary<string, string> { ["PL2001"] = "off" } } } });
        var pushed = client.WaitFor(Tutorial, mark);
        Assert.DoesNotContain(pushed.Diagnostics, d => d.Code == "PL2001");
        Assert.Contains(pushed.Diagnostics, d => d.Code == "PL3001");

        // Pulled: no settings in the notification, the server asks for the `peeringlint` section (VS Code's way).
        mark = client.Mark();
        await client.Rpc.NotifyWithParameterObjectAsync("workspace/didChangeConfiguration", new { settings = (object?)null });
        var pulled = client.WaitFor(Tutorial, mark);
        Assert.DoesNotContain(pulled.Diagnostics, d => d.Code == "PL1002");
        Assert.Contains(pulled.Diagnostics, d => d.Code == "PL2001");
        Assert.Equal(1, client.ConfigurationRequests);
    }

    [Fact]
    public async Task Hover_OnARouteTarget_ShowsThePeering_ItsStatus_AndThePeerVpcsBlocks()
    {
        using var ws = new TempWorkspace();
        ws.Copy("examples/" + Tutorial);
        await using var client = await LspTestClient.StartAsync(ws.Root);
        int mark = client.Mark();
        await client.OpenAsync(Tutorial);
        client.WaitFor(Tutorial, mark);

        var (line, character) = Find(ws, Tutorial, "target: VPC 1 <> VPC 2 }   # step 3", "VPC 1 <> VPC 2");
        var hover = await client.RequestAsync("textDocument/hover", new { textDocument = new { uri = client.Uri(Tutorial) }, position = new { line, character = character + 3 } });
        string markdown = hover.GetProperty("contents").GetProperty("value").GetString()!;
        Assert.Contains("VPC peering connection", markdown, StringComparison.Ordinal);
        Assert.Contains("pending-acceptance", markdown, StringComparison.Ordinal);
        Assert.Contains("`10.2.0.0/16`", markdown, StringComparison.Ordinal);
        Assert.Contains("peer VPC seen from here: 'NextWork-2-vpc'", markdown, StringComparison.Ordinal);
        Assert.Equal(line, hover.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
        Assert.Equal(character, hover.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());
    }

    [Fact]
    public async Task Hover_ShowsNamesFromTheInputAsLiteralText_NotAsMarkdownLinksOrHtml()
    {
        using var ws = new TempWorkspace();
        const string Hostile = "[x](https://evil.example) <img src=x> *v*";
        string text = File.ReadAllText(TestKit.TestPaths.Combine("examples", Tutorial)).Replace("NextWork-2-vpc", "\"" + Hostile + "\"", StringComparison.Ordinal);
        ws.Write(Tutorial, text);
        await using var client = await LspTestClient.StartAsync(ws.Root);
        int mark = client.Mark();
        await client.OpenAsync(Tutorial);
        client.WaitFor(Tutorial, mark);

        var (line, character) = Find(ws, Tutorial, "target: VPC 1 <> VPC 2 }   # step 3", "VPC 1 <> VPC 2");
        var hover = await client.RequestAsync("textDocument/hover", new { textDocument = new { uri = client.Uri(Tutorial) }, position = new { line, character = character + 3 } });
        string markdown = hover.GetProperty("contents").GetProperty("value").GetString()!;
        Assert.Contains(@"\[x\](https://evil.example) \<img src=x\> \*v\*", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(Hostile, markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hover_OnACidr_SaysWhoseBlockItIs()
    {
        using var ws = new TempWorkspace();
        ws.Copy("examples/" + Tutorial);
        await using var client = await LspTestClient.StartAsync(ws.Root);
        int mark = client.Mark();
        await client.OpenAsync(Tutorial);
        client.WaitFor(Tutorial, mark);

        var (line, character) = Find(ws, Tutorial, "destination: 10.1.0.0/16, target: VPC 1 <> VPC 2 }   # step 3", "10.1.0.0/16");
        var hover = await client.RequestAsync("textDocument/hover", new { textDocument = new { uri = client.Uri(Tutorial) }, position = new { line, character = character + 1 } });
        string markdown = hover.GetProperty("contents").GetProperty("value").GetString()!;
        Assert.Contains("is the block of VPC 'NextWork-1-vpc' (this route table's own VPC)", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hover_OnNothingInParticular_IsNull()
    {
        using var ws = new TempWorkspace();
        ws.Copy("examples/" + Tutorial);
        await using var client = await LspTestClient.StartAsync(ws.Root);
        int mark = client.Mark();
        await client.OpenAsync(Tutorial);
        client.WaitFor(Tutorial, mark);
        var hover = await client.RequestAsync("textDocument/hover", new { textDocument = new { uri = client.Uri(Tutorial) }, position = new { line = 0, character = 3 } });
        Assert.Equal(JsonValueKind.Null, hover.ValueKind);
    }

    [Fact]
    public async Task Definition_FromARoutesPeeringTarget_GoesToThePeering()
    {
        using var ws = new TempWorkspace();
        ws.Copy("examples/" + Tutorial);
        await using var client = await LspTestClient.StartAsync(ws.Root);
        int mark = client.Mark();
        await client.OpenAsync(Tutorial);
        client.WaitFor(Tutorial, mark);

        var (line, character) = Find(ws, Tutorial, "target: VPC 1 <> VPC 2 }   # no route", "VPC 1 <> VPC 2");
        var location = await client.RequestAsync("textDocument/definition", new { textDocument = new { uri = client.Uri(Tutorial) }, position = new { line, character } });
        Assert.Equal(client.Uri(Tutorial), location.GetProperty("uri").GetString());
        var (peeringLine, _) = Find(ws, Tutorial, "  - name: VPC 1 <> VPC 2", "name");
        Assert.Equal(peeringLine, location.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Definition_FromVpcPeeringConnectionIdInATemplate_GoesToThePeeringResource()
    {
        using var ws = new TempWorkspace();
        const string Cfn = "nextwork-broken.yaml";
        ws.Copy("examples/cloudformation/" + Cfn);
        await using var client = await LspTestClient.StartAsync(ws.Root);
        int mark = client.Mark();
        await client.OpenAsync(Cfn);
        client.WaitFor(Cfn, mark);

        var (line, character) = Find(ws, Cfn, "      VpcPeeringConnectionId: !Ref Peering", "!Ref Peering");
        var location = await client.RequestAsync("textDocument/definition", new { textDocument = new { uri = client.Uri(Cfn) }, position = new { line, character = character + "!Ref Pe".Length } });
        var (peeringLine, _) = Find(ws, Cfn, "  Peering:", "Peering");
        int target = location.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32();
        Assert.InRange(target, peeringLine, peeringLine + 1);

        // And from the route table it is added to.
        (line, character) = Find(ws, Cfn, "      RouteTableId: !Ref RouteTable2", "RouteTable2");
        location = await client.RequestAsync("textDocument/definition", new { textDocument = new { uri = client.Uri(Cfn) }, position = new { line, character } });
        var (tableLine, _) = Find(ws, Cfn, "  RouteTable2:", "RouteTable2");
        Assert.InRange(location.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32(), tableLine, tableLine + 1);
    }

    [Fact]
    public async Task Definition_AndHover_AcrossTheFilesOfAnExportFolder()
    {
        using var ws = new TempWorkspace();
        foreach (var f in Directory.GetFiles(TestKit.TestPaths.Combine("examples", "aws-json", "nextwork-broken")))
        {
            ws.Copy("examples/aws-json/nextwork-broken/" + Path.GetFileName(f), "export/" + Path.GetFileName(f));
        }

        const string Tables = "export/describe-route-tables.json";
        await using var client = await LspTestClient.StartAsync(ws.Root);
        int mark = client.Mark();
        await client.OpenAsync(Tables);
        client.WaitFor(Tables, mark, p => p.Version == 1);

        var (line, character) = Find(ws, Tables, "\"VpcPeeringConnectionId\": \"pcx-0a1b2c3d4e5f60041\"", "pcx-");
        var location = await client.RequestAsync("textDocument/definition", new { textDocument = new { uri = client.Uri(Tables) }, position = new { line, character = character + 4 } });
        Assert.Equal(client.Uri("export/describe-vpc-peering-connections.json"), location.GetProperty("uri").GetString());
        int peeringLine = location.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32();
        Assert.InRange(peeringLine, 2, 31);

        var hover = await client.RequestAsync("textDocument/hover", new { textDocument = new { uri = client.Uri(Tables) }, position = new { line, character = character + 4 } });
        string markdown = hover.GetProperty("contents").GetProperty("value").GetString()!;
        Assert.Contains("pending-acceptance", markdown, StringComparison.Ordinal);
        Assert.Contains("`10.1.0.0/16`", markdown, StringComparison.Ordinal);
        Assert.Contains("123456789012", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodeAction_OffersTheRepairAsAWorkspaceEdit()
    {
        using var ws = new TempWorkspace();
        ws.Copy("examples/" + Tutorial);
        await using var client = await LspTestClient.StartAsync(ws.Root, fixes: new PeerBlockFix());
        int mark = client.Mark();
        await client.OpenAsync(Tutorial);
        var published = client.WaitFor(Tutorial, mark, p => p.Diagnostics.Any(d => d.Code == "PL1002"));
        var diagnostic = published.Diagnostics.Single(d => d.Code == "PL1002");

        var actions = await client.RequestAsync("textDocument/codeAction", new
        {
            textDocument = new { uri = client.Uri(Tutorial) },
            range = diagnostic.Range,
            context = new { diagnostics = new object[] { diagnostic, new { range = diagnostic.Range, message = "another server's", code = 42 } } },
        });
        var action = Assert.Single(actions.EnumerateArray());
        Assert.Equal("quickfix", action.GetProperty("kind").GetString());
        Assert.Equal("PL1002", action.GetProperty("diagnostics")[0].GetProperty("code").GetString());
        var edit = Assert.Single(action.GetProperty("edit").GetProperty("changes").GetProperty(client.Uri(Tutorial)).EnumerateArray());
        Assert.Equal("10.2.0.0/16", edit.GetProperty("newText").GetString());
        Assert.Equal(diagnostic.Range.Start.Character, edit.GetProperty("range").GetProperty("start").GetProperty("character").GetInt32());

        // Applying it as an editor would, then linting the new text: the finding is gone.
        string text = File.ReadAllText(Path.Combine(ws.Root, Tutorial));
        var lines = text.Split('\n');
        var start = edit.GetProperty("range").GetProperty("start");
        var end = edit.GetProperty("range").GetProperty("end");
        string line = lines[start.GetProperty("line").GetInt32()];
        lines[start.GetProperty("line").GetInt32()] = line[..start.GetProperty("character").GetInt32()] + edit.GetProperty("newText").GetString() + line[end.GetProperty("character").GetInt32()..];
        mark = client.Mark();
        int version = await client.ChangeAsync(Tutorial, string.Join('\n', lines));
        var after = client.WaitFor(Tutorial, mark, p => p.Version == version);
        Assert.DoesNotContain(after.Diagnostics, d => d.Code == "PL1002");
    }

    [Theory]
    [InlineData("examples/nextwork-peering-broken.yaml", "PL1002")]
    [InlineData("examples/nextwork-peering-broken.yaml", "PL2001")]
    [InlineData("examples/cloudformation/nextwork-broken.yaml", "PL1002")]
    [InlineData("examples/cloudformation/nextwork-broken.yaml", "PL2001")]
    [InlineData("examples/cloudformation/nextwork-broken.json", "PL1002")]
    public async Task CodeAction_TheSharedRepair_AppliedToTheBuffer_RemovesTheFinding_AndAddsNone(string example, string rule)
    {
        using var ws = new TempWorkspace();
        string file = ws.Copy(example);
        await using var client = await LspTestClient.StartAsync(ws.Root);
        int mark = client.Mark();
        await client.OpenAsync(file);
        var before = client.WaitFor(file, mark, p => p.Version == 1 && p.Diagnostics.Any(d => d.Code == rule));
        var diagnostic = before.Diagnostics.First(d => d.Code == rule);

        var actions = await client.RequestAsync("textDocument/codeAction", new { textDocument = new { uri = client.Uri(file) }, range = diagnostic.Range, context = new { diagnostics = new[] { diagnostic } } });
        var action = Assert.Single(actions.EnumerateArray());
        Assert.Contains(rule, action.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.True(action.GetProperty("isPreferred").GetBoolean());
        var edits = action.GetProperty("edit").GetProperty("changes").GetProperty(client.Uri(file)).EnumerateArray()
            .Select(e => new TextEdit(e.GetProperty("range").Deserialize<Range>(PeeringLanguageServer.SerializerOptions(new JsonSerializerOptions()))!, e.GetProperty("newText").GetString()!))
            .ToList();
        Assert.NotEmpty(edits);

        string text = File.ReadAllText(Path.Combine(ws.Root, file));
        foreach (var e in edits.OrderByDescending(e => e.Range.Start.Line).ThenByDescending(e => e.Range.Start.Character))
        {
            int start = DocumentText.OffsetOf(text, e.Range.Start);
            int end = DocumentText.OffsetOf(text, e.Range.End);
            text = text[..start] + e.NewText + text[end..];
        }

        mark = client.Mark();
        int version = await client.ChangeAsync(file, text);
        var after = client.WaitFor(file, mark, p => p.Version == version);
        Assert.Equal(before.Diagnostics.Count(d => d.Code == rule) - 1, after.Diagnostics.Count(d => d.Code == rule));
        Assert.Empty(after.Diagnostics.Select(d => d.Code).Except(before.Diagnostics.Select(d => d.Code)));
        Assert.Equal(File.ReadAllText(TestKit.TestPaths.Combine(example.Split('/'))), File.ReadAllText(Path.Combine(ws.Root, file)));
    }

    [Fact]
    public async Task ShutdownThenExit_EndsTheServerWithCodeZero_ExitAloneWithOne()
    {
        using var ws = new TempWorkspace();
        ws.Copy("examples/" + Tutorial);
        var client = await LspTestClient.StartAsync(ws.Root);
        var result = await client.RequestAsync("shutdown", new { });
        Assert.Equal(JsonValueKind.Null, result.ValueKind);
        await client.Rpc.NotifyWithParameterObjectAsync("exit", new { });
        Assert.Equal(0, await client.ServerTask.WaitAsync(TimeSpan.FromSeconds(60)));
        await client.DisposeAsync();

        var second = await LspTestClient.StartAsync(ws.Root);
        await second.Rpc.NotifyWithParameterObjectAsync("exit", new { });
        Assert.Equal(1, await second.ServerTask.WaitAsync(TimeSpan.FromSeconds(60)));
        await second.DisposeAsync();
    }

    [Fact]
    public async Task BadRequests_AreAnswered_AndTheServerKeepsServing()
    {
        using var ws = new TempWorkspace();
        ws.Copy("examples/" + Tutorial);
        await using var client = await LspTestClient.StartAsync(ws.Root);

        // A method the server does not know, a change to a document never opened, a hover on a URI that is no file,
        // positions past the end: none of them ends the server.
        await Assert.ThrowsAsync<RemoteMethodNotFoundException>(() => client.RequestAsync("textDocument/formatting", new { textDocument = new { uri = client.Uri(Tutorial) } }));
        await client.ChangeAsyncUnopened(Tutorial, "garbage");
        var none = await client.RequestAsync("textDocument/hover", new { textDocument = new { uri = "untitled:Untitled-1" }, position = new { line = 0, character = 0 } });
        Assert.Equal(JsonValueKind.Null, none.ValueKind);

        int mark = client.Mark();
        await client.OpenAsync(Tutorial, "\0\u0001{[: ::\n\t- ]");
        var problem = client.WaitFor(Tutorial, mark, p => p.Version == 1);
        Assert.NotEmpty(problem.Diagnostics);
        var far = await client.RequestAsync("textDocument/hover", new { textDocument = new { uri = client.Uri(Tutorial) }, position = new { line = 9999, character = 9999 } });
        Assert.Equal(JsonValueKind.Null, far.ValueKind);

        mark = client.Mark();
        int version = await client.ChangeAsync(Tutorial, File.ReadAllText(Path.Combine(ws.Root, Tutorial)));
        Assert.Contains(client.WaitFor(Tutorial, mark, p => p.Version == version).Diagnostics, d => d.Code == "PL1002");
        Assert.False(client.ServerTask.IsCompleted);
    }

    [Fact]
    public async Task Framing_IsContentLengthHeaders_ReadByHand()
    {
        // No JSON-RPC library on the client side: bytes as an editor writes them.
        var (serverStream, clientStream) = FullDuplexStream.CreatePair();
        var server = PeeringLanguageServer.RunAsync(serverStream, serverStream);
        await WriteMessage(clientStream, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,\"rootUri\":null,\"capabilities\":{}}}");
        string response = await ReadMessage(clientStream);
        Assert.True(response.Contains("\"result\"", StringComparison.Ordinal), response);
        using (var doc = JsonDocument.Parse(response))
        {
            Assert.Equal(1, doc.RootElement.GetProperty("id").GetInt32());
            Assert.True(doc.RootElement.GetProperty("result").GetProperty("capabilities").GetProperty("hoverProvider").GetBoolean());
        }

        await WriteMessage(clientStream, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
        string shutdown = await ReadMessage(clientStream);
        Assert.True(shutdown.Contains("\"result\"", StringComparison.Ordinal), shutdown);
        using (var doc = JsonDocument.Parse(shutdown))
        {
            Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("result").ValueKind);
        }

        await WriteMessage(clientStream, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
        await WriteMessage(clientStream, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\",\"params\":null}");
        Assert.Equal(0, await server.WaitAsync(TimeSpan.FromSeconds(60)));
    }

    private static async Task WriteMessage(Stream stream, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await stream.WriteAsync(header);
        await stream.WriteAsync(body);
        await stream.FlushAsync();
    }

    private static async Task<string> ReadMessage(Stream stream)
    {
        var header = new StringBuilder();
        var one = new byte[1];
        while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            Assert.Equal(1, await stream.ReadAsync(one));
            header.Append((char)one[0]);
        }

        var length = header.ToString().Split("\r\n").Single(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var body = new byte[int.Parse(length["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture)];
        int read = 0;
        while (read < body.Length)
        {
            int n = await stream.ReadAsync(body.AsMemory(read));
            Assert.NotEqual(0, n);
            read += n;
        }

        return Encoding.UTF8.GetString(body);
    }

    /// <summary>0-based line and UTF-16 column of <paramref name="needle"/> within the (unique) line holding <paramref name="lineText"/>.</summary>
    private static (int Line, int Character) Find(TempWorkspace ws, string file, string lineText, string needle)
    {
        var lines = File.ReadAllText(Path.Combine(ws.Root, file)).Split('\n');
        needle = needle.TrimEnd('\n');
        int index = Array.FindIndex(lines, l => l.Contains(lineText.TrimEnd('\n'), StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{lineText}' not in {file}");
        int column = lines[index].IndexOf(lineText, StringComparison.Ordinal) + lineText.IndexOf(needle, StringComparison.Ordinal);
        return (index, column);
    }

    /// <summary>A stand-in repair for PL1002: the peer's block (what the shared repairs compute) as the destination.</summary>
    private sealed class PeerBlockFix : IQuickFixes
    {
        public IReadOnlyList<QuickFix> For(Finding finding, Func<string, string?> textOf)
        {
            if (finding.RuleId != "PL1002" || textOf(finding.Location.Path) is null)
            {
                return Array.Empty<QuickFix>();
            }

            var l = finding.Location;
            return new[] { new QuickFix("PL1002", "Use the peer's block 10.2.0.0/16", new[] { new QuickFixEdit(l.Path, l.StartLine, l.StartColumn, l.EndLine, l.EndColumn, "10.2.0.0/16") }) };
        }
    }
}
