using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

namespace PeeringLint.Parsers.Inputs;

/// <summary>What a path names in the file system, links followed.</summary>
public enum FileKind
{
    /// <summary>The type could not be determined (missing, dangling link, no permission, or no way to ask); opening it reports why.</summary>
    Unknown,
    Regular,
    Directory,
    NamedPipe,
    Socket,
    CharacterDevice,
    BlockDevice,

    /// <summary>Any other non-regular type the system reports.</summary>
    Other,
}

/// <summary>A path that names something other than a regular file (a FIFO, socket, device); reading it could block or never end.</summary>
public sealed class NotARegularFileException : IOException
{
    public NotARegularFileException(FileKind kind)
        : base(SafeFile.Refusal(kind)) => Kind = kind;

    public FileKind Kind { get; }
}

/// <summary>A file larger than the cap for its kind.</summary>
public sealed class FileTooLargeException : IOException
{
    public FileTooLargeException(string message)
        : base(message)
    {
    }
}

/// <summary>
/// The one way PeeringLint opens a file it reads (inputs, intents, <c>.peeringlint.yaml</c>, baselines): only a
/// regular file is opened, and never more than a cap for its kind is read. The type is asked of the file system
/// before any open (opening a FIFO blocks until a writer comes; <c>/dev/zero</c> never ends), and the cap is
/// enforced on the bytes actually read, not on the size the file system reports (which is 0 for devices and
/// <c>/proc</c> files).
/// </summary>
public static class SafeFile
{
    /// <summary>Inputs read whole (see <see cref="LoadOptions.MaxWholeFileBytes"/>); larger JSON exports are streamed.</summary>
    public const long MaxInputBytes = 64L << 20;

    /// <summary>Inputs read as a stream (AWS CLI JSON exports).</summary>
    public const long MaxStreamedInputBytes = int.MaxValue;

    /// <summary><c>.peeringlint.yaml</c>.</summary>
    public const long MaxConfigBytes = 16L << 20;

    /// <summary>A SARIF log given as <c>--baseline</c>.</summary>
    public const long MaxBaselineBytes = 256L << 20;

    private static bool s_nativeMissing;

    /// <summary>The file-system type of <paramref name="path"/> (links followed); <see cref="FileKind.Unknown"/> when it cannot be told.</summary>
    public static FileKind KindOf(string path)
    {
        if (!s_nativeMissing && !RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            try
            {
                // .NET's own native shim (the one System.IO uses): its FileStatus starts with Flags (int32) and Mode
                // (int32, the raw st_mode), the same on every Unix and architecture .NET runs on.
                var status = new byte[256];
                if (NativeStat(Encoding.UTF8.GetBytes(path + "\0"), status) != 0)
                {
                    return FileKind.Unknown;
                }

                int mode = BitConverter.ToInt32(status, 4);
                return (mode & 0xF000) switch
                {
                    0x8000 => FileKind.Regular,
                    0x4000 => FileKind.Directory,
                    0x1000 => FileKind.NamedPipe,
                    0xC000 => FileKind.Socket,
                    0x2000 => FileKind.CharacterDevice,
                    0x6000 => FileKind.BlockDevice,
                    _ => FileKind.Other,
                };
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
            {
                s_nativeMissing = true;
            }
        }

        // Windows (and a runtime without the shim): no FIFOs or device nodes among ordinary paths.
        if (Directory.Exists(path))
        {
            return FileKind.Directory;
        }

        return File.Exists(path) ? FileKind.Regular : FileKind.Unknown;
    }

    /// <summary>What a kind of path is, for messages: "a named pipe (FIFO)".</summary>
    public static string Describe(FileKind kind) => kind switch
    {
        FileKind.Regular => "a regular file",
        FileKind.Directory => "a directory",
        FileKind.NamedPipe => "a named pipe (FIFO)",
        FileKind.Socket => "a socket",
        FileKind.CharacterDevice => "a character device",
        FileKind.BlockDevice => "a block device",
        FileKind.Other => "a special file",
        _ => "something that cannot be inspected",
    };

    /// <summary>Why a path of this kind is not read.</summary>
    public static string Refusal(FileKind kind) => $"it is {Describe(kind)}, not a regular file; only regular files are read";

    /// <summary>True when the kind may be opened: a regular file, or a path whose type could not be told (opening it then says why it fails).</summary>
    public static bool MayOpen(FileKind kind) => kind is FileKind.Regular or FileKind.Unknown;

    /// <summary>
    /// Opens a regular file for reading; reading more than <paramref name="maxBytes"/> bytes from the stream throws
    /// <see cref="FileTooLargeException"/>. <paramref name="what"/> names the file's role in messages ("a configuration file").
    /// </summary>
    /// <exception cref="NotARegularFileException">The path is a FIFO, socket, device or directory.</exception>
    /// <exception cref="FileTooLargeException">The file's size is over the cap.</exception>
    public static Stream OpenRead(string path, long maxBytes, string what)
    {
        var kind = KindOf(path);
        if (!MayOpen(kind))
        {
            throw new NotARegularFileException(kind);
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
        try
        {
            if (stream.Length > maxBytes)
            {
                throw TooLarge(stream.Length, maxBytes, what);
            }

            return new CappedStream(stream, maxBytes, what);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads a whole regular file of at most <paramref name="maxBytes"/> bytes (see <see cref="OpenRead"/>).</summary>
    public static byte[] ReadAllBytes(string path, long maxBytes, string what)
    {
        using var stream = OpenRead(path, maxBytes, what);
        long length = stream.Length;
        using var buffer = new MemoryStream(length is > 0 and <= int.MaxValue ? (int)length : 0);
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>A size for messages: "3 MB", or bytes when under a megabyte.</summary>
    public static string Size(long bytes) => bytes >= 1L << 20 ? $"{bytes >> 20} MB" : $"{bytes} bytes";

    private static FileTooLargeException TooLarge(long? size, long maxBytes, string what) =>
        new(size is { } s
            ? $"the file is {Size(s)}; {what} may be at most {Size(maxBytes)}"
            : $"the file is larger than {Size(maxBytes)}, the most {what} may be");

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int NativeStat(byte[] path, [Out] byte[] status);

    /// <summary>Passes reads through until the cap, then throws: a file that grows, or reports a size of 0, still cannot exhaust memory.</summary>
    private sealed class CappedStream : Stream
    {
        private readonly Stream _inner;
        private readonly long _max;
        private readonly string _what;
        private long _read;

        public CappedStream(Stream inner, long max, string what)
        {
            _inner = inner;
            _max = max;
            _what = what;
        }

        public override bool CanRead => true;

        public override bool CanSeek => _inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => _inner.Length;

        public override long Position
        {
            get => _inner.Position;
            set => _inner.Position = value;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = _inner.Read(buffer, offset, count);
            _read += n;

            // Seekable files (snippets read a region again) count by position, others by bytes read.
            if ((_inner.CanSeek ? _inner.Position : _read) > _max)
            {
                throw TooLarge(null, _max, _what);
            }

            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
