using System;
using System.Text;

namespace PeeringLint.Rules.Security;

/// <summary>What the rules that propose a security group rule (PL4002, PL9001) write into it.</summary>
internal static class SecurityGroupRuleText
{
    /// <summary>The most characters AWS accepts in a security group rule's description.</summary>
    internal const int MaxDescription = 255;

    /// <summary>The characters AWS accepts in a security group rule's description.</summary>
    private const string Accepted = " ._-:/()#,@[]+=&;{}!$*abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>
    /// The text with only the characters AWS accepts in a security group rule's description (a-z, A-Z, 0-9, spaces
    /// and ._-:/()#,@[]+=&amp;;{}!$*), runs of spaces made one, at most <see cref="MaxDescription"/> characters.
    /// </summary>
    public static string Description(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            bool repeatedSpace = c == ' ' && b.Length > 0 && b[b.Length - 1] == ' ';
            if (!repeatedSpace && Accepted.IndexOf(c) >= 0)
            {
                b.Append(c);
            }
        }

        return b.ToString(0, Math.Min(b.Length, MaxDescription));
    }
}
