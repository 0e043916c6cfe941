using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace PeeringLint.Analyzers.Tests.TestKit;

/// <summary>An expected diagnostic: rule id (null = the test's default id) and span in the markup-free text.</summary>
public sealed record ExpectedSpan(string? Id, TextSpan Span);

/// <summary>Roslyn-style markup: <c>[|…|]</c> marks a span, <c>{|PL1002:…|}</c> a span with its id.</summary>
public static class Markup
{
    public static (string Text, List<ExpectedSpan> Spans) Parse(string markup)
    {
        var sb = new StringBuilder(markup.Length);
        var spans = new List<ExpectedSpan>();
        var open = new Stack<(string? Id, int Start)>();
        for (int i = 0; i < markup.Length; i++)
        {
            if (Starts(markup, i, "[|"))
            {
                open.Push((null, sb.Length));
                i++;
            }
            else if (Starts(markup, i, "{|"))
            {
                int colon = markup.IndexOf(':', i);
                open.Push((markup.Substring(i + 2, colon - i - 2), sb.Length));
                i = colon;
            }
            else if (Starts(markup, i, "|]") || Starts(markup, i, "|}"))
            {
                var (id, start) = open.Pop();
                spans.Add(new ExpectedSpan(id, TextSpan.FromBounds(start, sb.Length)));
                i++;
            }
            else
            {
                sb.Append(markup[i]);
            }
        }

        if (open.Count != 0)
        {
            throw new ArgumentException("unbalanced markup");
        }

        return (sb.ToString(), spans);
    }

    private static bool Starts(string s, int i, string token) => string.CompareOrdinal(s, i, token, 0, token.Length) == 0;
}
