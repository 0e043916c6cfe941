using System;
using System.Collections.Generic;
using System.Text;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Fixes;

/// <summary>
/// One file decoded for fixing: its syntax tree with every node's parent and string offsets, its format, and the
/// renderers that turn a <see cref="Repair"/> into edits in the file's own style (indentation, flow or block style,
/// quoting, line endings). Edits touch only what they add or replace; comments and key order stay.
/// </summary>
internal sealed partial class FixDocument
{
    private readonly Dictionary<SyntaxNode, Parent> _parents = new(NodeIdentity.Instance);
    private readonly Dictionary<(int Line, int Column), List<SyntaxNode>> _byStart = new();

    private FixDocument(string path, string text, SyntaxNode root, bool isJson, string format)
    {
        Path = path;
        Text = text;
        Root = root;
        IsJson = isJson;
        Format = format;
        Lines = new LineIndex(text);
        Newline = text.Contains("\r\n") ? "\r\n" : "\n";
        Index(root, null);
    }

    public string Path { get; }

    public string Text { get; }

    public SyntaxNode Root { get; }

    public bool IsJson { get; }

    /// <summary>"tutorial", "cloudformation" or "aws-json".</summary>
    public string Format { get; }

    public LineIndex Lines { get; }

    public string Newline { get; }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, FixDocument> Parsed = new();

    /// <summary>
    /// <see cref="Parse"/>, remembered for as long as the text itself lives: a run renders the fixes of many findings
    /// against one file's text, and an editor against one buffer.
    /// </summary>
    public static FixDocument? Cached(string path, string text)
    {
        if (Parsed.TryGetValue(text, out var known))
        {
            return known.Path == path ? known : Parse(path, text);
        }

        var parsed = Parse(path, text);
        if (parsed is not null)
        {
            try
            {
                Parsed.Add(text, parsed);
            }
            catch (ArgumentException)
            {
                // Another thread parsed the same text first.
            }
        }

        return parsed;
    }

    public static FixDocument? Parse(string path, string text)
    {
        var problems = new List<InputProblem>();
        bool json = LooksLikeJson(text);
        SyntaxNode? root;
        try
        {
            root = json
                ? JsonDecoder.Decode(SourceDocument.FromUtf8(path, Encoding.UTF8.GetBytes(text)), Encoding.UTF8.GetBytes(text), problems)
                : YamlDecoder.Decode(SourceDocument.FromText(path, text), text, problems);
        }
        catch (SyntaxException)
        {
            return null;
        }

        if (root is null || problems.Exists(p => p.Severity == InputProblemSeverity.Error))
        {
            return null;
        }

        foreach (var format in InputFormatRegistry.Default)
        {
            if (format.Recognizes(root))
            {
                return new FixDocument(path, text, root, json, format.Name);
            }
        }

        return null;
    }

    /// <summary>The edits applied still give a document of the same format, without errors (a whole new parse).</summary>
    public bool StillParses(IReadOnlyList<TextEdit> edits)
    {
        var edited = TextFixes.Apply(Text, edits);
        return edited is not null && Parse(Path, edited) is { } again && again.Format == Format && again.IsJson == IsJson;
    }

    /// <summary>
    /// An insertion of <paramref name="text"/> at <paramref name="at"/> that adds a sibling after the entry or list item
    /// starting at <paramref name="anchor"/>, checked by parsing just that window: the anchor's text from its line (what
    /// precedes it on the line blanked) through the insertion must read as a mapping (or list) of exactly two entries.
    /// That proves the indentation and syntax of the new entry at the cost of the anchor's size, not the file's: a run
    /// renders the fixes of many findings in one large template.
    /// </summary>
    private TextEdit? InsertSibling(int anchor, int at, string text, bool sequence)
    {
        if (anchor < 0 || at < anchor)
        {
            return null;
        }

        int lineStart = Lines.LineStart(anchor);
        string window = new string(' ', anchor - lineStart) + Text.Substring(anchor, at - anchor) + text;
        var problems = new List<InputProblem>();
        SyntaxNode? root;
        try
        {
            root = YamlDecoder.Decode(SourceDocument.FromText(Path, window), window, problems);
        }
        catch (SyntaxException)
        {
            return null;
        }

        bool ok = !problems.Exists(p => p.Severity == InputProblemSeverity.Error)
            && (sequence ? root is SequenceNode { Items.Count: 2 } : root is MappingNode { Entries.Count: 2 });
        return ok ? Insert(at, text) : null;
    }

    /// <summary>An insertion checked by parsing the whole edited document (flow collections, JSON).</summary>
    private TextEdit? InsertChecked(int at, string text)
    {
        var edit = Insert(at, text);
        if (IsJson)
        {
            var edited = TextFixes.Apply(Text, new[] { edit });
            return edited is not null && JsonSyntaxValid(edited) ? edit : null;
        }

        return StillParses(new[] { edit }) ? edit : null;
    }

    /// <summary>A syntax-only pass over JSON (no tree): fast enough to run once per fix on a large template.</summary>
    private static bool JsonSyntaxValid(string text)
    {
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(Encoding.UTF8.GetBytes(text), new System.Text.Json.JsonReaderOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, MaxDepth = JsonDecoder.MaxDepth });
            while (reader.Read())
            {
            }

            return reader.CurrentDepth == 0;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>The edits for one repair, or null when this document cannot take it.</summary>
    public IReadOnlyList<TextEdit>? Render(Repair repair, HashSet<string> namesTaken) => (repair, Format, IsJson) switch
    {
        (ReplaceRouteDestination r, "tutorial" or "cloudformation", _) => ReplaceDestination(r),
        (AddRoute r, "tutorial", false) => TutorialAddRoute(r),
        (AcceptPeering r, "tutorial", false) => TutorialAccept(r),
        (AddIngressRule r, "tutorial", false) => TutorialAddIngress(r),
        (AddEgressRule r, "tutorial", false) => TutorialAddRule(new AddIngressRule(r.SecurityGroupId, r.SecurityGroup, r.Protocol, r.FromPort, r.ToPort, r.Cidr, r.Description), egress: true),
        (AddEgressRule r, "cloudformation", _) => TemplateAddRule(new AddIngressRule(r.SecurityGroupId, r.SecurityGroup, r.Protocol, r.FromPort, r.ToPort, r.Cidr, r.Description), namesTaken, egress: true),
        (AddRoute r, "cloudformation", _) => TemplateAddRoute(r, namesTaken),
        (AddIngressRule r, "cloudformation", _) => TemplateAddIngress(r, namesTaken),
        (AssignPublicIp r, "tutorial", false) => TutorialPublicIp(r),
        (AssignPublicIp r, "cloudformation", _) => TemplatePublicIp(r),
        _ => null,
    };

    private static bool LooksLikeJson(string text)
    {
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF')
            {
                return c is '{' or '[';
            }
        }

        return false;
    }

    // ---- the tree ----

    private readonly record struct Parent(SyntaxNode Node, string? Key);

    private void Index(SyntaxNode node, Parent? parent)
    {
        if (parent is { } p)
        {
            _parents[node] = p;
        }

        var loc = node.Location();
        if (!_byStart.TryGetValue((loc.StartLine, loc.StartColumn), out var list))
        {
            list = new List<SyntaxNode>();
            _byStart[(loc.StartLine, loc.StartColumn)] = list;
        }

        list.Add(node);
        switch (node)
        {
            case MappingNode m:
                foreach (var e in m.Entries)
                {
                    _parents[e.Key] = new Parent(m, null);
                    var kl = e.Key.Location();
                    if (!_byStart.TryGetValue((kl.StartLine, kl.StartColumn), out var kList))
                    {
                        kList = new List<SyntaxNode>();
                        _byStart[(kl.StartLine, kl.StartColumn)] = kList;
                    }

                    kList.Add(e.Key);
                    Index(e.Value, new Parent(m, e.Key.Value));
                }

                break;
            case SequenceNode s:
                foreach (var i in s.Items)
                {
                    Index(i, new Parent(s, null));
                }

                break;
        }
    }

    private Parent? ParentOf(SyntaxNode node) => _parents.TryGetValue(node, out var p) ? p : null;

    private T? At<T>(SourceLocation location, Func<T, bool>? accept = null)
        where T : SyntaxNode
    {
        if (location.IsNone || location.Path != Path || !_byStart.TryGetValue((location.StartLine, location.StartColumn), out var nodes))
        {
            return null;
        }

        foreach (var n in nodes)
        {
            if (n is T t && (accept is null || accept(t)))
            {
                return t;
            }
        }

        return null;
    }

    /// <summary>The key whose entry a key node is in the mapping that holds it.</summary>
    private bool IsKey(ScalarNode node) => ParentOf(node) is { Key: null, Node: MappingNode };

    public int StartOf(SyntaxNode node)
    {
        var l = node.Location();
        return Lines.Offset(l.StartLine, l.StartColumn);
    }

    public int EndOf(SyntaxNode node)
    {
        var l = node.Location();
        return Lines.Offset(l.EndLine, l.EndColumn);
    }

    /// <summary>Offset just past the last character that belongs to the node (block collections end where the next key starts).</summary>
    private int ContentEnd(SyntaxNode node)
    {
        int end = node switch
        {
            MappingNode m when !IsFlow(m) && m.Entries.Count > 0 => ContentEnd(m.Entries[m.Entries.Count - 1].Value) is var v && v > 0 ? v : EndOf(m.Entries[m.Entries.Count - 1].Key),
            SequenceNode s when !IsFlow(s) && s.Items.Count > 0 => ContentEnd(s.Items[s.Items.Count - 1]),
            _ => EndOf(node),
        };
        while (end > 0 && char.IsWhiteSpace(Text[end - 1]))
        {
            end--;
        }

        return end;
    }

    /// <summary>The end of the line <paramref name="offset"/> is on, before its line break (after any comment).</summary>
    private int LineEnd(int offset)
    {
        int i = offset < Text.Length ? Text.IndexOf('\n', offset) : -1;
        if (i < 0)
        {
            return Text.Length;
        }

        return i > 0 && Text[i - 1] == '\r' ? i - 1 : i;
    }

    private bool IsFlow(SyntaxNode node)
    {
        int s = StartOf(node);
        return s >= 0 && s < Text.Length && Text[s] is '{' or '[';
    }

    /// <summary>The whitespace before a node's start on its line (its indentation when it starts the line).</summary>
    private string IndentOf(int offset)
    {
        int start = Lines.LineStart(offset);
        var sb = new StringBuilder();
        for (int i = start; i < offset && Text[i] is ' ' or '\t'; i++)
        {
            sb.Append(Text[i]);
        }

        return sb.ToString();
    }

    private int Column(SyntaxNode node) => node.Location().StartColumn;

    private TextEdit Insert(int offset, string text)
    {
        var (line, column) = Lines.Position(offset);
        return new TextEdit(Path, line, column, line, column, text);
    }

    private TextEdit Replace(int start, int end, string text)
    {
        var (sl, sc) = Lines.Position(start);
        var (el, ec) = Lines.Position(end);
        return new TextEdit(Path, sl, sc, el, ec, text);
    }

    // ---- PL1002: the destination ----

    private static readonly HashSet<string> DestinationKeys = new(StringComparer.Ordinal) { "destination", "DestinationCidrBlock", "DestinationIpv6CidrBlock" };

    private IReadOnlyList<TextEdit>? ReplaceDestination(ReplaceRouteDestination r)
    {
        // Only a literal written as the route's own destination: a value that came from a parameter's default or a
        // mapping is shared, and changing it there would change every use.
        var scalar = At<ScalarNode>(r.Destination, s => !IsKey(s) && s.Tag is null);
        if (scalar is null || ParentOf(scalar) is not { Key: { } key } || !DestinationKeys.Contains(key))
        {
            return null;
        }

        int start = StartOf(scalar), end = EndOf(scalar);
        if (start < 0 || end <= start)
        {
            return null;
        }

        string raw = Text.Substring(start, end - start);
        string quote = raw.Length >= 2 && raw[0] is '"' or '\'' && raw[raw.Length - 1] == raw[0] ? raw.Substring(0, 1) : string.Empty;
        string inner = quote.Length == 0 ? raw : raw.Substring(1, raw.Length - 2);
        if (!SameCidr(inner, r.OldDestination) || !Addressing.Cidr.TryParse(r.NewDestination, out _))
        {
            return null;
        }

        return new[] { ReplaceScalar(start, end, quote + r.NewDestination + quote) };
    }

    /// <summary>
    /// Replaces a scalar's text; when a comment follows on its line after spaces, the spaces are adjusted so that the
    /// comment stays in its column (at least one space is kept).
    /// </summary>
    private TextEdit ReplaceScalar(int start, int end, string text)
    {
        int gap = end;
        while (gap < Text.Length && Text[gap] == ' ')
        {
            gap++;
        }

        int spaces = gap - end;
        if (spaces == 0 || gap >= Text.Length || Text[gap] != '#')
        {
            return Replace(start, end, text);
        }

        int keep = Math.Max(1, spaces + (end - start) - text.Length);
        return Replace(start, gap, text + new string(' ', keep));
    }

    private static bool SameCidr(string a, string b) =>
        Addressing.Cidr.TryParse(a, out var x) && Addressing.Cidr.TryParse(b, out var y) && x.Equals(y);
}

/// <summary>Nodes by identity (syntax nodes do not override equality, but say so).</summary>
internal sealed class NodeIdentity : IEqualityComparer<SyntaxNode>
{
    public static readonly NodeIdentity Instance = new();

    public bool Equals(SyntaxNode? x, SyntaxNode? y) => ReferenceEquals(x, y);

    public int GetHashCode(SyntaxNode obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
}
