using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using PeeringLint.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace PeeringLint.Parsers.Syntax;

/// <summary>
/// Decodes YAML text into <see cref="SyntaxNode"/>s from YamlDotNet's event stream, keeping every node's
/// span and tag. Aliases share the anchored node (no copying) and the expanded size is bounded, so a
/// billion-laughs document is an error, not an out-of-memory; a scalar longer than <see cref="ValueLimit.MaxLength"/>
/// is an error at its line and column. The text is valid UTF-16 (decoded strictly), and YamlDotNet refuses an
/// unpaired surrogate escape (<c>"\ud800"</c>) with a located error, so no scalar holds half a character.
/// </summary>
public static class YamlDecoder
{
    /// <summary>Most nodes a document may stand for once aliases are expanded.</summary>
    public const long MaxExpandedNodes = 2_000_000;

    public const int MaxDepth = 512;

    private static readonly Regex NumberPattern = new(@"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$|^0x[0-9a-fA-F]+$|^0o[0-7]+$", RegexOptions.CultureInvariant);

    public static SyntaxNode? Decode(SourceDocument document, string text, List<InputProblem> problems)
    {
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, SyntaxNode>(StringComparer.Ordinal);
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                problems.Add(new InputProblem(document.Locate(0, 0), "the file is empty; expected a YAML document"));
                return null;
            }

            parser.Consume<DocumentStart>();
            if (parser.Accept<DocumentEnd>(out _))
            {
                problems.Add(new InputProblem(document.Locate(0, 0), "the YAML document is empty"));
                return null;
            }

            var root = ReadNode(parser, document, text, anchors, problems, 0);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var next))
            {
                problems.Add(new InputProblem(document.Locate((int)next.Start.Index, (int)next.Start.Index), "the file holds more than one YAML document; only the first is read", InputProblemSeverity.Warning));
            }

            return root;
        }
        catch (YamlException ex)
        {
            int line = Math.Max(1, (int)ex.Start.Line);
            int col = Math.Max(1, (int)ex.Start.Column);
            string message = ex.InnerException is YamlException inner ? inner.Message : ex.Message;
            message = Regex.Replace(message, @"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", string.Empty);
            throw new SyntaxException(new SourceLocation(document.Path, line, col, line, col), "invalid YAML: " + message.TrimEnd('.'));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet's scanner throws these on some malformed documents instead of a YamlException.
            var at = parser.Current?.End ?? Mark.Empty;
            int line = Math.Max(1, (int)at.Line);
            int col = Math.Max(1, (int)at.Column);
            throw new SyntaxException(new SourceLocation(document.Path, line, col, line, col), "invalid YAML: the document cannot be parsed after this point");
        }
    }

    private static SyntaxNode ReadNode(IParser parser, SourceDocument doc, string text, Dictionary<string, SyntaxNode> anchors, List<InputProblem> problems, int depth)
    {
        if (depth > MaxDepth)
        {
            var at = parser.Current!.Start;
            throw new SyntaxException(Loc(doc, at), $"the YAML document is nested deeper than {MaxDepth} levels");
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (!anchors.TryGetValue(alias.Value.Value, out var target))
            {
                throw new SyntaxException(Loc(doc, alias.Start), $"alias '*{alias.Value.Value}' refers to no anchor");
            }

            return target;
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            if (scalar.Value.Length > ValueLimit.MaxLength)
            {
                throw ValueLimit.TooLong(Loc(doc, scalar.Start), scalar.Value.Length, "characters");
            }

            string? tag = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
            bool quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded;
            var (value, kind) = Classify(scalar.Value, quoted, tag);
            var node = new ScalarNode(doc, (int)scalar.Start.Index, (int)scalar.End.Index, value, kind, quoted) { Tag = tag };
            Remember(anchors, scalar, node);
            return node;
        }

        if (parser.TryConsume<SequenceStart>(out var seqStart))
        {
            var items = new List<SyntaxNode>();
            long size = 1;
            SequenceEnd? seqEnd;
            while (!parser.TryConsume<SequenceEnd>(out seqEnd!))
            {
                var item = ReadNode(parser, doc, text, anchors, problems, depth + 1);
                size += item.Size;
                CheckSize(doc, seqStart.Start, size);
                items.Add(item);
            }

            // Block collections end at their last item (the end event sits at the next token); flow ones at ']'.
            int end = seqStart.Style == SequenceStyle.Flow || items.Count == 0 ? FlowEnd(text, (int)seqEnd!.End.Index, ']') : items[items.Count - 1].End;
            var node = new SequenceNode(doc, (int)seqStart.Start.Index, end, items.ToArray()) { Tag = seqStart.Tag.IsEmpty ? null : seqStart.Tag.Value };
            Remember(anchors, seqStart, node);
            return node;
        }

        if (parser.TryConsume<MappingStart>(out var mapStart))
        {
            var entries = new List<KeyValuePair<ScalarNode, SyntaxNode>>();
            var seen = new Dictionary<string, ScalarNode>(StringComparer.Ordinal);
            long size = 1;
            MappingEnd? mapEnd;
            while (!parser.TryConsume<MappingEnd>(out mapEnd!))
            {
                var keyNode = ReadNode(parser, doc, text, anchors, problems, depth + 1);
                if (keyNode is not ScalarNode key)
                {
                    throw new SyntaxException(keyNode.Location(), "a mapping key must be a plain value, not " + keyNode.KindName);
                }

                var value = ReadNode(parser, doc, text, anchors, problems, depth + 1);
                size += value.Size + 1;
                CheckSize(doc, mapStart.Start, size);
                string name = key.Value ?? string.Empty;
                if (seen.TryGetValue(name, out var first))
                {
                    problems.Add(new InputProblem(key.Location(), $"duplicate key '{name}' (first defined at line {first.Location().StartLine})"));
                }
                else
                {
                    seen[name] = key;
                }

                entries.Add(new KeyValuePair<ScalarNode, SyntaxNode>(key, value));
            }

            int end = mapStart.Style == MappingStyle.Flow || entries.Count == 0 ? FlowEnd(text, (int)mapEnd!.End.Index, '}') : entries[entries.Count - 1].Value.End;
            var node = new MappingNode(doc, (int)mapStart.Start.Index, end, entries.ToArray()) { Tag = mapStart.Tag.IsEmpty ? null : mapStart.Tag.Value };
            Remember(anchors, mapStart, node);
            return node;
        }

        var ev = parser.Current!;
        throw new SyntaxException(Loc(doc, ev.Start), $"unexpected YAML event {ev.GetType().Name}");
    }

    /// <summary>YamlDotNet's flow-end mark sits on the closing bracket; spans end after it.</summary>
    private static int FlowEnd(string text, int end, char bracket) =>
        end < text.Length && text[end] == bracket && (end == 0 || text[end - 1] != bracket) ? end + 1 : end;

    private static void CheckSize(SourceDocument doc, Mark at, long size)
    {
        if (size > MaxExpandedNodes)
        {
            throw new SyntaxException(Loc(doc, at), $"YAML aliases expand this document to more than {MaxExpandedNodes:N0} nodes; refusing to expand it (billion-laughs protection)");
        }
    }

    private static void Remember(Dictionary<string, SyntaxNode> anchors, NodeEvent ev, SyntaxNode node)
    {
        if (!ev.Anchor.IsEmpty)
        {
            anchors[ev.Anchor.Value] = node;
        }
    }

    private static SourceLocation Loc(SourceDocument doc, Mark m) => doc.Locate((int)m.Index, (int)m.Index);

    /// <summary>YAML 1.2 core schema for plain scalars; quoted and tagged scalars stay strings.</summary>
    private static (string? Value, ScalarKind Kind) Classify(string value, bool quoted, string? tag)
    {
        if (quoted || (tag is not null && tag != "?"))
        {
            return (value, ScalarKind.String);
        }

        switch (value)
        {
            case "":
            case "~":
            case "null":
            case "Null":
            case "NULL":
                return (null, ScalarKind.Null);
            case "true":
            case "True":
            case "TRUE":
                return ("true", ScalarKind.Boolean);
            case "false":
            case "False":
            case "FALSE":
                return ("false", ScalarKind.Boolean);
        }

        return NumberPattern.IsMatch(value) ? (value, ScalarKind.Number) : (value, ScalarKind.String);
    }
}
