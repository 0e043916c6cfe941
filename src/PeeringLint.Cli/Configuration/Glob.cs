using System;
using System.Text;
using System.Text.RegularExpressions;

namespace PeeringLint.Cli.Configuration;

/// <summary>
/// Path globs for <c>ignore_paths</c>, matched against '/'-separated paths relative to the configuration
/// file's folder: <c>*</c> matches within one folder name, <c>**</c> any number of folders, <c>?</c> one
/// character. A pattern with no '/' (except a trailing one) matches a file or folder name at any depth,
/// as in .gitignore; a pattern ending in '/' matches everything below that folder. Matching never
/// backtracks (<see cref="RegexOptions.NonBacktracking"/>): time is linear in the path's length for any pattern.
/// </summary>
internal sealed class Glob
{
    private readonly Regex _regex;

    public Glob(string pattern)
    {
        Pattern = pattern;
        var p = pattern.Replace('\\', '/');
        if (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p.Substring(2);
        }

        // As in .gitignore: a '/' at the start or in the middle anchors the pattern to the configuration's folder.
        bool anchored = p.TrimEnd('/').Contains('/');
        if (p.EndsWith("/", StringComparison.Ordinal))
        {
            p += "**";
        }

        p = p.TrimStart('/');
        var sb = new StringBuilder(anchored ? "^" : "^(?:.*/)?");
        for (int i = 0; i < p.Length; i++)
        {
            char c = p[i];
            if (c == '*' && i + 1 < p.Length && p[i + 1] == '*')
            {
                bool slashAfter = i + 2 < p.Length && p[i + 2] == '/';
                sb.Append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            }
            else if (c == '*')
            {
                sb.Append("[^/]*");
            }
            else if (c == '?')
            {
                sb.Append("[^/]");
            }
            else
            {
                sb.Append(Regex.Escape(c.ToString()));
            }
        }

        // A pattern naming a folder also covers what is inside it.
        sb.Append("(?:/.*)?$");

        // Linear time in the path's length whatever the pattern: a backtracking regex took minutes (issue 18)
        // on '*a*a*a*a*a*a*a*a*a*a*b' against a name of 40 'a's.
        _regex = new Regex(sb.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }

    public string Pattern { get; }

    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath.Replace('\\', '/'));
}
