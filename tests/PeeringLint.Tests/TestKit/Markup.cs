using System;
using System.Collections.Generic;
using System.Text;

namespace PeeringLint.Tests.TestKit;

/// <summary>
/// A span marked in a test input: the rule id it names (null for <c>[|…|]</c>), its start and end as character
/// offsets into the markup-free text (end exclusive), and the same as 1-based lines and columns (end column exclusive).
/// </summary>
internal sealed record MarkedSpan(string? RuleId, int Start, int End, int StartLine, int StartColumn, int EndLine, int EndColumn);

/// <summary>
/// Roslyn-style markup for test inputs: <c>[|text|]</c> marks where a finding is expected and
/// <c>{|PL1001:text|}</c> also names the rule. <see cref="Parse"/> strips the markup and returns the spans.
/// Shared by PeeringLint.Tests (tutorial YAML, line and column) and PeeringLint.Analyzers.Tests (C#, offsets),
/// which compiles this file by a link.
/// </summary>
internal static class Markup
{
    public static (string Text, IReadOnlyList<MarkedSpan> Spans) Parse(string markup)
    {
        var sb = new StringBuilder(markup.Length);
        var spans = new List<MarkedSpan>();
        var open = new Stack<(int Offset, int Line, int Col, string? Id)>();
        int line = 1, col = 1;
        for (int i = 0; i < markup.Length; i++)
        {
            if (Starts(markup, i, "[|"))
            {
                open.Push((sb.Length, line, col, null));
                i++;
                continue;
            }

            if (Starts(markup, i, "{|"))
            {
                int colon = markup.IndexOf(':', i);
                if (colon < 0)
                {
                    throw new FormatException("'{|' without a rule id and ':'");
                }

                open.Push((sb.Length, line, col, markup.Substring(i + 2, colon - i - 2)));
                i = colon;
                continue;
            }

            if (Starts(markup, i, "|]") || Starts(markup, i, "|}"))
            {
                if (open.Count == 0)
                {
                    throw new FormatException("markup span closed but never opened");
                }

                var (offset, l, c, id) = open.Pop();
                spans.Add(new MarkedSpan(id, offset, sb.Length, l, c, line, col));
                i++;
                continue;
            }

            char ch = markup[i];
            sb.Append(ch);
            if (ch == '\n')
            {
                line++;
                col = 1;
            }
            else
            {
                col++;
            }
        }

        if (open.Count > 0)
        {
            throw new FormatException("unclosed markup span");
        }

        return (sb.ToString(), spans);
    }

    private static bool Starts(string s, int i, string token) => string.CompareOrdinal(s, i, token, 0, token.Length) == 0;
}
