using System;
using System.Collections.Generic;
using System.Text;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Fixes;

/// <summary>Edits to YAML: a list item appended in the style of its siblings, a key added to a mapping, scalars quoted only when they must be.</summary>
internal sealed partial class FixDocument
{
    /// <summary>
    /// Appends an item with <paramref name="fields"/> to the list under <paramref name="key"/> of <paramref name="owner"/>:
    /// after the last item, as a flow mapping when that one is (<c>- { destination: …, target: … }</c>), in block style
    /// when it is not, with the list's own indentation; a missing list is added as the mapping's last key.
    /// </summary>
    private TextEdit? AppendItem(MappingNode owner, string key, IReadOnlyList<(string Key, string Value)> fields)
    {
        string flowItem = "{ " + string.Join(", ", Pairs(fields, flow: true)) + " }";
        switch (owner.Get(key))
        {
            case SequenceNode seq when IsFlow(seq):
                return seq.Items.Count == 0
                    ? InsertChecked(StartOf(seq) + 1, flowItem)
                    : InsertChecked(EndOf(seq.Items[seq.Items.Count - 1]), ", " + flowItem);
            case SequenceNode seq when seq.Items.Count > 0:
            {
                var last = seq.Items[seq.Items.Count - 1];
                int itemStart = StartOf(last);
                int dash = itemStart - 1;
                while (dash >= 0 && Text[dash] == ' ')
                {
                    dash--;
                }

                if (dash < 0 || Text[dash] != '-' || IndentOf(dash).Length != dash - Lines.LineStart(dash))
                {
                    return null;
                }

                string indent = IndentOf(dash);
                string pad = Text.Substring(dash + 1, itemStart - dash - 1);
                string item;
                if (last is MappingNode lm && IsFlow(lm))
                {
                    item = Newline + indent + "-" + pad + flowItem;
                }
                else
                {
                    var sb = new StringBuilder();
                    string inner = indent + new string(' ', 1 + pad.Length);
                    var pairs = Pairs(fields, flow: false);
                    for (int i = 0; i < pairs.Count; i++)
                    {
                        sb.Append(Newline).Append(i == 0 ? indent + "-" + pad : inner).Append(pairs[i]);
                    }

                    item = sb.ToString();
                }

                return InsertSibling(dash, LineEnd(ContentEnd(last)), item, sequence: true);
            }

            case null when owner.Entries.Count > 0:
            {
                var lastEntry = owner.Entries[owner.Entries.Count - 1];
                if (IsFlow(owner))
                {
                    return InsertChecked(EndOf(lastEntry.Value), ", " + key + ": [" + flowItem + "]");
                }

                string indent = new string(' ', Column(owner.Entries[0].Key) - 1);
                return InsertSibling(StartOf(lastEntry.Key), LineEnd(ContentEnd(owner)), Newline + indent + key + ":" + Newline + indent + "  - " + flowItem, sequence: false);
            }

            default:
                return null;
        }
    }

    private static List<string> Pairs(IReadOnlyList<(string Key, string Value)> fields, bool flow)
    {
        var result = new List<string>();
        foreach (var (k, v) in fields)
        {
            // A port (22, 1024-65535) is written plain: the tutorial reads it either way, and a person writes it so.
            bool port = k == "port" && v.Length > 0 && v.Trim('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '-').Length == 0 && char.IsDigit(v[0]) && char.IsDigit(v[v.Length - 1]);
            result.Add(k + ": " + (port ? v : Yaml(v, flow)));
        }

        return result;
    }

    /// <summary>A YAML scalar: plain when that reads back as the same string, else double-quoted.</summary>
    internal static string Yaml(string value, bool flow)
    {
        return NeedsQuotes(value, flow) ? Quote(value) : value;
    }

    private static bool NeedsQuotes(string v, bool flow)
    {
        if (v.Length == 0 || char.IsWhiteSpace(v[0]) || char.IsWhiteSpace(v[v.Length - 1]) || "-?:,[]{}#&*!|>'\"%@`".IndexOf(v[0]) >= 0)
        {
            return true;
        }

        if (v.Contains(": ") || v.Contains(" #") || v.EndsWith(":", StringComparison.Ordinal) || (flow && v.IndexOfAny(new[] { ',', '[', ']', '{', '}' }) >= 0))
        {
            return true;
        }

        foreach (char c in v)
        {
            if (char.IsControl(c) || c > 126)
            {
                return true;
            }
        }

        switch (v.ToLowerInvariant())
        {
            case "true" or "false" or "yes" or "no" or "on" or "off" or "y" or "n" or "null" or "~":
                return true;
        }

        return double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
    }

    private static string Quote(string v)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in v)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
