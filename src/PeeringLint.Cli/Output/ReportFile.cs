using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using PeeringLint.Parsers.Inputs;

namespace PeeringLint.Cli.Output;

/// <summary>
/// Writes a report file safely: never onto a file the run reads (the same path, a symbolic link to it, or a hard
/// link to it), and atomically: the report goes to a temporary file in the same folder that is renamed into place
/// only once it is complete, so a failed run never leaves a truncated or empty report behind. Missing folders are created.
/// A character device or a pipe (<c>/dev/null</c>, <c>/dev/stdout</c>, a shell's <c>&gt;(…)</c>) is written into
/// directly instead: a rename would replace it.
/// </summary>
internal static class ReportFile
{
    /// <summary>The file of <paramref name="readPaths"/> that <paramref name="output"/> is, or links to; null when it is none of them.</summary>
    public static string? SameFileAs(string output, IReadOnlyList<string> readPaths)
    {
        var target = FileIdentity.Of(output);
        if (target is null)
        {
            return null;
        }

        foreach (var read in readPaths)
        {
            if (FileIdentity.Of(read) is { } input && input.Equals(target))
            {
                return read;
            }
        }

        return null;
    }

    private static void WriteInto(string device, Action<TextWriter> write)
    {
        using var stream = new FileStream(device, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" };
        write(writer);
    }

    /// <summary>Writes the report through <paramref name="write"/> to a temporary file beside <paramref name="path"/>, then renames it into place.</summary>
    public static void Write(string path, Action<TextWriter> write)
    {
        string full = Path.GetFullPath(path);
        switch (SafeFile.KindOf(full))
        {
            case FileKind.CharacterDevice or FileKind.NamedPipe:
                // /dev/null, /dev/stdout, a shell's >(...): write into it. Renaming a file over it would replace the
                // device itself (as root) with a regular file.
                WriteInto(full, write);
                return;
            case FileKind.BlockDevice or FileKind.Socket or FileKind.Other:
                throw new IOException($"'{path}' is not a regular file, a character device or a pipe; the report was not written");
        }

        string directory = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(directory);
        string temp = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            using (var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" })
            {
                write(writer);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}

/// <summary>
/// The identity of a file on disk, so that two names of one file compare equal: device and inode on Unix (hard and
/// symbolic links alike), the fully resolved path elsewhere. Null when nothing exists at the path.
/// </summary>
internal sealed record FileIdentity(string Key)
{
    public static StringComparison PathComparison { get; } =
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    public static FileIdentity? Of(string path)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            return null;
        }

        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows) && Unix.DeviceAndInode(full) is { } id)
        {
            return new FileIdentity(id);
        }

        return new FileIdentity(Inputs.InputFiles.RealPath(full).ToUpperInvariant());
    }

    private static class Unix
    {
        /// <summary><c>stat(2)</c>'s st_dev and st_ino: the first 16 bytes of <c>struct stat</c> on Linux (x64, arm64) and macOS.</summary>
        public static string? DeviceAndInode(string path)
        {
            try
            {
                var buffer = new byte[512];
                if (stat(path, buffer) != 0)
                {
                    return null;
                }

                return BitConverter.ToUInt64(buffer, 0).ToString("x") + ":" + BitConverter.ToUInt64(buffer, 8).ToString("x");
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                return null;
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
    }
}
