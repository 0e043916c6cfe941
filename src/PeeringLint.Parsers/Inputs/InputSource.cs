using System;
using System.Collections.Generic;

namespace PeeringLint.Parsers.Inputs;

/// <summary>
/// An input file to load: its display path (relative, '/' separators), how to get its bytes, and whether the
/// user named it explicitly (an unrecognised explicit file is an error; one found in a folder is skipped).
/// </summary>
public sealed record InputSource(string Path, Func<byte[]> ReadBytes, bool Explicit)
{
    /// <summary>Opens the file for reading as a stream; null when the source is not a file.</summary>
    public Func<System.IO.Stream>? Open { get; init; }

    /// <summary>The size in bytes when known (files), else -1.</summary>
    public long Length { get; init; } = -1;

    /// <summary>
    /// A source for a file on disk: read whole (at most <see cref="SafeFile.MaxInputBytes"/>), or as a stream when it
    /// is large. Both refuse anything but a regular file (<see cref="SafeFile"/>), so a FIFO or a device is an input
    /// error, never a hang.
    /// </summary>
    public static InputSource FromFile(string displayPath, string fullPath, bool isExplicit, long length) =>
        new(displayPath, () => SafeFile.ReadAllBytes(fullPath, SafeFile.MaxInputBytes, "an input read whole"), isExplicit)
        {
            Open = () => SafeFile.OpenRead(fullPath, SafeFile.MaxStreamedInputBytes, "a streamed input"),
            Length = length,
        };

    /// <summary>Folder names between the input root and the file, for account/region hints.</summary>
    public IReadOnlyList<string> Folders { get; init; } = Array.Empty<string>();

    public static InputSource FromText(string path, string text, bool isExplicit = true) =>
        new(path, () => System.Text.Encoding.UTF8.GetBytes(text), isExplicit);
}
