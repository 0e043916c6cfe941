using System.Globalization;
using System.Text;

namespace PeeringLint.Cli.Output;

/// <summary>
/// Makes text from the inputs (names, tags, logical ids, paths, source lines) safe to show to a person: control
/// characters are written as escapes (<c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\u001b</c>), so that a name can neither
/// start a line of its own (a forged GitHub workflow command), drive the terminal (ESC sequences), nor make an XML
/// document invalid. Bidirectional-text controls and line/paragraph separators are escaped too. Applied by the
/// reporters at the output edge; the rules and the model keep the text as it was read.
/// </summary>
internal static class TextEscaping
{
    /// <summary>Whether <paramref name="c"/> is shown as an escape.</summary>
    public static bool IsUnsafe(char c) =>
        c < '\u0020'
        || (c >= '\u007F' && c <= '\u009F')
        || c is '\u2028' or '\u2029'
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');

    /// <summary>
    /// <paramref name="text"/> with every unsafe character escaped; with <paramref name="keepLineBreaks"/>,
    /// CR and LF are kept (for encodings that deal with them themselves, such as GitHub's workflow commands).
    /// </summary>
    public static string Escape(string? text, bool keepLineBreaks = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        int first = IndexOfUnsafe(text, keepLineBreaks);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            Append(sb, text[i], keepLineBreaks);
        }

        return sb.ToString();
    }

    /// <summary>How many characters <paramref name="text"/> takes once escaped.</summary>
    public static int EscapedLength(string text, int start, int length)
    {
        int n = 0;
        for (int i = start; i < start + length; i++)
        {
            n += IsUnsafe(text[i]) ? EscapeOf(text[i]).Length : 1;
        }

        return n;
    }

    /// <summary>Appends <paramref name="c"/>, escaped when it is unsafe.</summary>
    public static void Append(StringBuilder sb, char c, bool keepLineBreaks = false)
    {
        if (!IsUnsafe(c) || (keepLineBreaks && c is '\n' or '\r'))
        {
            sb.Append(c);
        }
        else
        {
            sb.Append(EscapeOf(c));
        }
    }

    private static int IndexOfUnsafe(string text, bool keepLineBreaks)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (IsUnsafe(c) && !(keepLineBreaks && c is '\n' or '\r'))
            {
                return i;
            }
        }

        return -1;
    }

    private static string EscapeOf(char c) => c switch
    {
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\0' => "\\0",
        _ => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
    };
}
