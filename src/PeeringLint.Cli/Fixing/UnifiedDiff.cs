using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PeeringLint.Cli.Fixing;

/// <summary>A unified diff (as <c>diff -u</c> and <c>git apply</c> read it) of two texts, three lines of context.</summary>
internal static class UnifiedDiff
{
    public static string Create(string path, string before, string after, int context = 3)
    {
        var a = Split(before);
        var b = Split(after);

        // The edits are local: the common head and tail are matched first, the middle by longest common subsequence.
        int head = 0;
        while (head < a.Count && head < b.Count && a[head] == b[head])
        {
            head++;
        }

        int tail = 0;
        while (tail < a.Count - head && tail < b.Count - head && a[a.Count - 1 - tail] == b[b.Count - 1 - tail])
        {
            tail++;
        }

        var ops = new List<(char Op, int A, int B)>();
        for (int i = 0; i < head; i++)
        {
            ops.Add((' ', i, i));
        }

        Middle(a, b, head, a.Count - tail, head, b.Count - tail, ops);
        for (int i = 0; i < tail; i++)
        {
            ops.Add((' ', a.Count - tail + i, b.Count - tail + i));
        }

        var sb = new StringBuilder();
        sb.Append("--- a/").Append(path).Append('\n').Append("+++ b/").Append(path).Append('\n');
        int k = 0;
        while (k < ops.Count)
        {
            if (ops[k].Op == ' ')
            {
                k++;
                continue;
            }

            int start = Math.Max(0, k - context);
            int end = k;
            int lastChange = k;
            while (end < ops.Count && (ops[end].Op != ' ' || end - lastChange <= 2 * context))
            {
                if (ops[end].Op != ' ')
                {
                    lastChange = end;
                }

                end++;
            }

            end = Math.Min(ops.Count, lastChange + context + 1);
            int aStart = -1, bStart = -1, aLen = 0, bLen = 0;
            var body = new StringBuilder();
            for (int i = start; i < end; i++)
            {
                var (op, ai, bi) = ops[i];
                if (op != '+' && aStart < 0)
                {
                    aStart = ai;
                }

                if (op != '-' && bStart < 0)
                {
                    bStart = bi;
                }

                string line = op == '+' ? b[bi] : a[ai];
                aLen += op != '+' ? 1 : 0;
                bLen += op != '-' ? 1 : 0;
                body.Append(op).Append(line.TrimEnd('\r')).Append('\n');
            }

            sb.Append("@@ -").Append(Range(aStart, aLen, ops, start, 'a')).Append(" +").Append(Range(bStart, bLen, ops, start, 'b')).Append(" @@\n").Append(body);
            k = end;
        }

        return sb.ToString();
    }

    private static string Range(int start, int length, List<(char Op, int A, int B)> ops, int first, char side)
    {
        if (length == 0)
        {
            // An empty range names the line before it.
            int before = side == 'a' ? ops[first].A : ops[first].B;
            return before.ToString(CultureInfo.InvariantCulture) + ",0";
        }

        return (start + 1).ToString(CultureInfo.InvariantCulture) + "," + length.ToString(CultureInfo.InvariantCulture);
    }

    private static void Middle(List<string> a, List<string> b, int a0, int a1, int b0, int b1, List<(char, int, int)> ops)
    {
        int n = a1 - a0, m = b1 - b0;
        if ((long)n * m > 4_000_000)
        {
            // Too large to align line by line: all out, all in (still a correct diff).
            for (int i = a0; i < a1; i++)
            {
                ops.Add(('-', i, b0));
            }

            for (int j = b0; j < b1; j++)
            {
                ops.Add(('+', a1, j));
            }

            return;
        }

        var lcs = new int[n + 1, m + 1];
        for (int i = n - 1; i >= 0; i--)
        {
            for (int j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = a[a0 + i] == b[b0 + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[a0 + x] == b[b0 + y])
            {
                ops.Add((' ', a0 + x, b0 + y));
                x++;
                y++;
            }
            else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                ops.Add(('-', a0 + x, b0 + y));
                x++;
            }
            else
            {
                ops.Add(('+', a0 + x, b0 + y));
                y++;
            }
        }
    }

    private static List<string> Split(string text)
    {
        var lines = new List<string>(text.Split('\n'));
        if (lines.Count > 0 && lines[lines.Count - 1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }
}
