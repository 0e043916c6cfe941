using System;
using System.Text;
using PeeringLint.Model;

namespace PeeringLint.Parsers.Syntax;

/// <summary>The text encodings an input file may be in.</summary>
public enum InputEncoding
{
    /// <summary>UTF-8, with or without a byte order mark (and plain ASCII).</summary>
    Utf8,
    Utf16LE,
    Utf16BE,
    Utf32LE,
    Utf32BE,
}

/// <summary>
/// Recognises the encoding of an input file by its byte order mark, or, without one, by the unmistakable NUL
/// pattern that ASCII text has in UTF-16 and UTF-32 (Windows PowerShell 5.1's <c>&gt;</c> writes UTF-16 LE with a
/// BOM). Files in UTF-16 or UTF-32 are decoded strictly and handed to the readers as UTF-8, so that lines and
/// columns (counted in UTF-16 code units) are exactly those of the same text saved as UTF-8.
/// </summary>
public static class TextEncodings
{
    /// <summary>How many leading bytes <see cref="Detect"/> looks at for the NUL pattern of a file without a BOM.</summary>
    private const int Sample = 512;

    /// <summary>Fewer bytes than this (four UTF-16 characters) are too few to call a file UTF-16 or UTF-32 without a BOM.</summary>
    private const int MinSample = 8;

    /// <summary>The encoding of a file that starts with <paramref name="head"/>, and the length of its byte order mark.</summary>
    public static (InputEncoding Encoding, int BomLength) Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 4 && head[0] == 0xFF && head[1] == 0xFE && head[2] == 0 && head[3] == 0)
        {
            return (InputEncoding.Utf32LE, 4);
        }

        if (head.Length >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 0xFE && head[3] == 0xFF)
        {
            return (InputEncoding.Utf32BE, 4);
        }

        if (head.Length >= 2 && head[0] == 0xFF && head[1] == 0xFE)
        {
            return (InputEncoding.Utf16LE, 2);
        }

        if (head.Length >= 2 && head[0] == 0xFE && head[1] == 0xFF)
        {
            return (InputEncoding.Utf16BE, 2);
        }

        if (head.Length >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
        {
            return (InputEncoding.Utf8, 3);
        }

        var sample = head.Slice(0, Math.Min(head.Length, Sample));
        if (sample.Length < MinSample || sample.IndexOf((byte)0) < 0)
        {
            return (InputEncoding.Utf8, 0);
        }

        if (Utf32Pattern(sample) is { } u32)
        {
            return (u32 ? InputEncoding.Utf32LE : InputEncoding.Utf32BE, 0);
        }

        if (Utf16Pattern(sample) is { } u16)
        {
            return (u16 ? InputEncoding.Utf16LE : InputEncoding.Utf16BE, 0);
        }

        return (InputEncoding.Utf8, 0);
    }

    /// <summary>
    /// Without a BOM, UTF-32 text has a NUL in the top byte of every four and at most 0x10 in the next (code
    /// points end at U+10FFFF), and its first character is ASCII (JSON and YAML start with one). True for little
    /// endian, false for big endian, null when the sample is not clearly UTF-32.
    /// </summary>
    private static bool? Utf32Pattern(ReadOnlySpan<byte> sample)
    {
        int units = sample.Length / 4;
        if (units < 1)
        {
            return null;
        }

        bool le = sample[0] != 0 && sample[1] == 0, be = sample[3] != 0 && sample[2] == 0;
        for (int u = 0; u < units && (le || be); u++)
        {
            var c = sample.Slice(u * 4, 4);
            le &= c[3] == 0 && c[2] <= 0x10;
            be &= c[0] == 0 && c[1] <= 0x10;
        }

        return le ? true : be ? false : null;
    }

    /// <summary>
    /// Without a BOM, ASCII text in UTF-16 LE has a NUL in every odd byte (BE: every even byte) and none in the
    /// others. The first character must be ASCII, at least half of the characters too, and at most one in ten may
    /// have a NUL in the other byte (a character such as U+4E00). Null when the sample is not clearly UTF-16.
    /// </summary>
    private static bool? Utf16Pattern(ReadOnlySpan<byte> sample)
    {
        int units = sample.Length / 2;
        if (units < 1)
        {
            return null;
        }

        int evenZeros = 0, oddZeros = 0;
        for (int u = 0; u < units; u++)
        {
            evenZeros += sample[2 * u] == 0 ? 1 : 0;
            oddZeros += sample[(2 * u) + 1] == 0 ? 1 : 0;
        }

        if (sample[0] != 0 && sample[1] == 0 && oddZeros * 2 >= units && evenZeros * 10 <= units)
        {
            return true;
        }

        if (sample[0] == 0 && sample[1] != 0 && evenZeros * 2 >= units && oddZeros * 10 <= units)
        {
            return false;
        }

        return null;
    }

    /// <summary>The encoding's name as a user would look for it ("UTF-16 LE").</summary>
    public static string Name(InputEncoding encoding) => encoding switch
    {
        InputEncoding.Utf16LE => "UTF-16 LE",
        InputEncoding.Utf16BE => "UTF-16 BE",
        InputEncoding.Utf32LE => "UTF-32 LE",
        InputEncoding.Utf32BE => "UTF-32 BE",
        _ => "UTF-8",
    };

    /// <summary>The iconv name of the encoding, for the conversion command in messages.</summary>
    public static string IconvName(InputEncoding encoding) => encoding switch
    {
        InputEncoding.Utf16LE => "UTF-16LE",
        InputEncoding.Utf16BE => "UTF-16BE",
        InputEncoding.Utf32LE => "UTF-32LE",
        InputEncoding.Utf32BE => "UTF-32BE",
        _ => "UTF-8",
    };

    /// <summary>How to convert a file in <paramref name="encoding"/> to UTF-8, for messages.</summary>
    public static string HowToConvert(InputEncoding encoding, string path)
    {
        string target = "converted" + System.IO.Path.GetExtension(path);
        return $"convert it with `iconv -f {IconvName(encoding)} -t UTF-8 {path} > {target}` (PowerShell: `Get-Content {path} | Set-Content -Encoding utf8 {target}`)";
    }

    private static Encoding Strict(InputEncoding encoding) => encoding switch
    {
        InputEncoding.Utf16LE => new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true),
        InputEncoding.Utf16BE => new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true),
        InputEncoding.Utf32LE => new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true),
        InputEncoding.Utf32BE => new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true),
        _ => new UTF8Encoding(false, throwOnInvalidBytes: true),
    };

    /// <summary>
    /// Decodes the whole file (without its BOM) strictly. An invalid sequence (an odd number of bytes, a lone
    /// surrogate, a code point above U+10FFFF) is a located error: the location counts the characters before it.
    /// </summary>
    public static string Decode(string path, byte[] bytes, InputEncoding encoding, int bomLength)
    {
        try
        {
            return Strict(encoding).GetString(bytes, bomLength, bytes.Length - bomLength);
        }
        catch (DecoderFallbackException)
        {
            int bad = FirstInvalid(bytes, bomLength, encoding);
            var lenient = encoding switch
            {
                InputEncoding.Utf16LE => (Encoding)new UnicodeEncoding(false, false),
                InputEncoding.Utf16BE => new UnicodeEncoding(true, false),
                InputEncoding.Utf32LE => new UTF32Encoding(false, false),
                _ => new UTF32Encoding(true, false),
            };
            string before = lenient.GetString(bytes, bomLength, bad - bomLength);
            var doc = SourceDocument.FromText(path, before);
            var at = doc.Locate(before.Length, before.Length);
            string shown = bomLength > 0 ? "its byte order mark announces" : "the NUL bytes of its first characters show";
            throw new SyntaxException(at, $"the file is not valid {Name(encoding)} text (the encoding {shown}): the character here is cut off or an unpaired surrogate");
        }
    }

    /// <summary>Byte offset of the first code unit that is not part of a valid character (a lone surrogate, a value over U+10FFFF, a cut-off unit).</summary>
    private static int FirstInvalid(byte[] bytes, int start, InputEncoding encoding)
    {
        bool be = encoding is InputEncoding.Utf16BE or InputEncoding.Utf32BE;
        if (encoding is InputEncoding.Utf32LE or InputEncoding.Utf32BE)
        {
            int at = start;
            for (; at + 4 <= bytes.Length; at += 4)
            {
                uint v = be
                    ? ((uint)bytes[at] << 24) | ((uint)bytes[at + 1] << 16) | ((uint)bytes[at + 2] << 8) | bytes[at + 3]
                    : ((uint)bytes[at + 3] << 24) | ((uint)bytes[at + 2] << 16) | ((uint)bytes[at + 1] << 8) | bytes[at];
                if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
                {
                    return at;
                }
            }

            return at;
        }

        int i = start;
        for (; i + 2 <= bytes.Length; i += 2)
        {
            char c = (char)(be ? (bytes[i] << 8) | bytes[i + 1] : (bytes[i + 1] << 8) | bytes[i]);
            if (char.IsHighSurrogate(c) && i + 4 <= bytes.Length)
            {
                char next = (char)(be ? (bytes[i + 2] << 8) | bytes[i + 3] : (bytes[i + 3] << 8) | bytes[i + 2]);
                if (char.IsLowSurrogate(next))
                {
                    i += 2;
                    continue;
                }
            }

            if (IsSurrogate(c))
            {
                return i;
            }
        }

        return i;
    }

    /// <summary>The file as UTF-8 bytes without a BOM; the same array when it is UTF-8 already.</summary>
    public static byte[] ToUtf8(byte[] bytes)
    {
        var (encoding, bom) = Detect(bytes);
        if (encoding == InputEncoding.Utf8)
        {
            return bytes;
        }

        try
        {
            return Encoding.UTF8.GetBytes(Strict(encoding).GetString(bytes, bom, bytes.Length - bom));
        }
        catch (DecoderFallbackException)
        {
            return bytes;
        }
    }

    /// <summary>True when <paramref name="c"/> is half of a surrogate pair.</summary>
    internal static bool IsSurrogate(char c) => c >= '\uD800' && c <= '\uDFFF';

    /// <summary>
    /// Replaces every unpaired surrogate (a JSON escape such as <c>\ud800</c>, which is not a character) with
    /// U+FFFD; returns the same string when there is none.
    /// </summary>
    public static string ReplaceLoneSurrogates(string value)
    {
        int i = 0;
        for (; i < value.Length; i++)
        {
            if (IsSurrogate(value[i]))
            {
                if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }

                break;
            }
        }

        if (i == value.Length)
        {
            return value;
        }

        var chars = value.ToCharArray();
        for (int k = i; k < chars.Length; k++)
        {
            if (IsSurrogate(chars[k]))
            {
                if (char.IsHighSurrogate(chars[k]) && k + 1 < chars.Length && char.IsLowSurrogate(chars[k + 1]))
                {
                    k++;
                    continue;
                }

                chars[k] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    /// <summary>The warning for a value read with U+FFFD in place of unpaired surrogates.</summary>
    internal static InputProblem LoneSurrogate(SourceLocation at) =>
        new(at, "this JSON string holds an unpaired surrogate escape (such as \\ud800), which is not a character; it is read with U+FFFD (\uFFFD) in its place", InputProblemSeverity.Warning);
}
