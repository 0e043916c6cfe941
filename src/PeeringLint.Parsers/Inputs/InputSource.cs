using System;
using System.Collections.Generic;

namespace PeeringLint.Parsers.Inputs;

/// <summary>
/// An input file to load: its display path (relative, '/' separators), how to get its bytes, and whether the
/// user named it explicitly (an unrecognised explicit file is an error; one found in a folder is skipped).
/// </summary>
public sealed record InputSource(string Path, Func<byte[]> ReadBytes, bool Explicit)
{
    /// <summary>Folder names between the input root and the file, for account/region hints.</summary>
    public IReadOnlyList<string> Folders { get; init; } = Array.Empty<string>();

    public static InputSource FromText(string path, string text, bool isExplicit = true) =>
        new(path, () => System.Text.Encoding.UTF8.GetBytes(text), isExplicit);
}
