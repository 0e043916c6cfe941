using System;
using System.Collections.Generic;
using System.Text;

namespace PeeringLint.Tests.TestKit;

/// <summary>An expected finding span: 1-based start line/column, end column exclusive, optional rule id.</summary>
internal sealed record ExpectedSpan(int StartLine, int StartColumn, int EndLine, int EndColumn, string? RuleId)
{
    public override string ToString() => $"{RuleId ?? "*"}@{StartLine}:{StartColumn}-{EndLine}:{EndColumn}";
}

/// <summary>
/// Roslyn-style markup for test inputs: <c>[|text|]</c> marks where a finding is expected and
/// <c>{|PL1001:text|}</c> also names the rule. <see cref="Parse"/> strips the markup and returns the spans.
/// </summary>
internal static class Markup
{
    public static (string Text, IReadOnlyList<ExpectedSpan> Spans) Parse(string markup)
    {
        var sb = new StringBuilder(markup.Length);
        var spans = new List<ExpectedSpan>();
        var open = new Stack<(int Line, int Col, string? Id)>();
        int line = 1, col = 1;
        for (int i = 0; i < markup.Length; i++)
        {
            if (Starts(markup, i, "[|"))
            {
                open.Push((line, col, null));
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

                open.Push((line, col, markup.Substring(i + 2, colon - i - 2)));
                i = colon;
                continue;
            }

            if (Starts(markup, i, "|]") || Starts(markup, i, "|}"))
            {
                var (l, c, id) = open.Pop();
                spans.Add(new ExpectedSpan(l, c, line, col, id));
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
