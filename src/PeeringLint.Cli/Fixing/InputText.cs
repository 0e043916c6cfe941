using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Text;
using PeeringLint.Parsers.Inputs;

namespace PeeringLint.Cli.Fixing;

/// <summary>The text of a run's input files, as fixes are rendered against it: UTF-8, without a byte order mark.</summary>
internal static class InputText
{
    /// <summary>Reads an input of the run (display path) from the overlay or the disk, once; null for anything else.</summary>
    public static Func<string, string?> Reader(RunRequest request, IEnumerable<string> inputs)
    {
        var known = new HashSet<string>(inputs, StringComparer.Ordinal);
        var cache = new ConcurrentDictionary<string, string?>(StringComparer.Ordinal);
        return path =>
        {
            if (request.Overlay is { } overlay && overlay.TryGetValue(path, out var text))
            {
                return text;
            }

            return known.Contains(path) ? cache.GetOrAdd(path, p => Read(Path.GetFullPath(Path.Combine(request.BaseDirectory, p)))?.Text) : null;
        };
    }

    /// <summary>The file's text and whether it starts with a UTF-8 byte order mark; null when it cannot be read or is not UTF-8.</summary>
    public static (string Text, bool Bom)? Read(string fullPath)
    {
        try
        {
            var bytes = SafeFile.ReadAllBytes(fullPath, SafeFile.MaxInputBytes, "an input to fix");
            bool bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
            var utf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
            return (bom ? utf8.GetString(bytes, 3, bytes.Length - 3) : utf8.GetString(bytes), bom);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException or InvalidDataException)
        {
            return null;
        }
    }
}
