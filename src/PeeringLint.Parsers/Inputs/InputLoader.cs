using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.Inputs;

/// <summary>What loading produced: the model, every problem found, and the documents (for snippets).</summary>
public sealed record LoadResult(
    NetworkModel Model,
    IReadOnlyList<InputProblem> Problems,
    IReadOnlyDictionary<string, SourceDocument> Documents,
    IReadOnlyList<string> Skipped)
{
    public bool HasErrors => Problems.Any(p => p.Severity == InputProblemSeverity.Error);

    /// <summary>The files of <see cref="Skipped"/> with the reason each one was not read.</summary>
    public IReadOnlyList<SkippedInput> SkippedFiles { get; init; } = Array.Empty<SkippedInput>();

    /// <summary>What the readers had to say for <c>--verbose</c> (nested stack templates read although not named, ...).</summary>
    public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();

    /// <summary>Files read although they were not inputs (nested stack templates), display paths.</summary>
    public IReadOnlyList<string> Followed { get; init; } = Array.Empty<string>();

    /// <summary>Fn::ImportValue uses whose export is not among the inputs, in location order.</summary>
    public IReadOnlyList<UnresolvedImport> UnresolvedImports { get; init; } = Array.Empty<UnresolvedImport>();
}

/// <summary>A file found in a folder that is not a PeeringLint input, and why (listed by <c>--verbose</c>).</summary>
public sealed record SkippedInput(string Path, string Reason);

/// <summary>
/// Decodes inputs (in parallel), recognises each one's format by content, and feeds the files to the
/// format readers in path order. Every problem is collected: one bad file never hides the others.
/// </summary>
public sealed class InputLoader
{
    private readonly IReadOnlyList<IInputFormat> _formats;

    public InputLoader(IReadOnlyList<IInputFormat>? formats = null)
    {
        _formats = formats ?? InputFormatRegistry.Default;
    }

    public LoadResult Load(IReadOnlyList<InputSource> sources, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        var ordered = sources.OrderBy(s => s.Path, StringComparer.Ordinal).ToArray();
        var problemsAll = new List<InputProblem>();
        var documents = new Dictionary<string, SourceDocument>(StringComparer.Ordinal);
        var skipped = new List<SkippedInput>();
        var readers = new IFormatReader[_formats.Count];
        for (int f = 0; f < readers.Length; f++)
        {
            readers[f] = _formats[f].CreateReader(options);
        }

        var used = new bool[readers.Length];
        var notes = new List<string>();
        var followed = new List<string>();
        var unresolved = new List<UnresolvedImport>();
        var builder = new NetworkModelBuilder();
        int done = 0;

        // Decode and map files in parallel (each file on its own: its syntax tree dies as soon as its records are
        // mapped) and hand the mapped files to the readers in path order as they come: at most a window of files is
        // decoded ahead of the one handed over, so memory stays bounded by the window plus the model, however many
        // files there are. No barrier between groups of files: a large file holds up only the hand-over, not the workers.
        int dop = Math.Max(1, options.MaxDegreeOfParallelism);
        int window = Math.Max(32, 8 * dop);
        using (var pipeline = new ReadPipeline<FileResult>(ordered.Length, window, dop, k =>
        {
            var r = ReadOne(ordered[k], readers, options);
            options.Progress?.Report(System.Threading.Interlocked.Increment(ref done));
            return r;
        }))
        {
            for (int k = 0; k < ordered.Length; k++)
            {
                var r = pipeline.Take(k);
                problemsAll.AddRange(r.Problems);
                if (r.Document is null)
                {
                    continue;
                }

                documents[r.Path] = r.Document;
                if (r.Format < 0)
                {
                    if (ordered[k].Explicit)
                    {
                        problemsAll.Add(new InputProblem(r.At ?? r.Document.Locate(0, 0), "not a PeeringLint input: " + (r.Reason ?? NotAnInput)));
                    }
                    else
                    {
                        skipped.Add(new SkippedInput(r.Path, r.Reason ?? NotAnInput));
                    }

                    continue;
                }

                used[r.Format] = true;
                builder.Files.Add(r.Path);
                if (r.Mapped is null)
                {
                    continue;
                }

                try
                {
                    readers[r.Format].Add(r.Mapped, problemsAll);
                }
                catch (SyntaxException ex)
                {
                    problemsAll.Add(new InputProblem(ex.Location, ex.Message));
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    problemsAll.Add(InternalError(r.Path, ex));
                }
            }
        }

        for (int f = 0; f < readers.Length; f++)
        {
            if (used[f])
            {
                var reader = readers[f];
                var format = _formats[f];
                try
                {
                    reader.Complete(builder, problemsAll);
                    if (reader is IFormatReaderReport report)
                    {
                        foreach (var d in report.ExtraDocuments)
                        {
                            documents[d.Path] = d;
                            builder.Files.Add(d.Path);
                            followed.Add(d.Path);
                        }

                        notes.AddRange(report.Notes);
                        unresolved.AddRange(report.UnresolvedImports);
                    }
                }
                catch (SyntaxException ex)
                {
                    problemsAll.Add(new InputProblem(ex.Location, ex.Message));
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    problemsAll.Add(InternalError(format.Name + " inputs", ex));
                }
            }
        }

        if (options.RequireInput && builder.Files.Count == 0 && !problemsAll.Any(p => p.Severity == InputProblemSeverity.Error))
        {
            problemsAll.Add(NothingToLint(ordered.Length, skipped));
        }

        problemsAll.Sort((a, b) => a.Location.CompareTo(b.Location));
        unresolved.Sort((a, b) => a.Location.CompareTo(b.Location));
        return new LoadResult(builder.Build(), problemsAll, documents, skipped.Select(s => s.Path).ToArray()) { SkippedFiles = skipped, Notes = notes, Followed = followed, UnresolvedImports = unresolved };
    }

    private const string NotAnInput = "expected AWS CLI describe-* JSON (a top-level key such as \"Vpcs\"), a CloudFormation template (\"Resources\"), or a tutorial topology (\"vpcs\")";

    /// <summary>A run in which no file was recognised is an input error, never a clean pass.</summary>
    private static InputProblem NothingToLint(int files, List<SkippedInput> skipped)
    {
        string message = files switch
        {
            0 => "nothing to lint: no input files (folders are searched for .json, .yaml, .yml and .template files)",
            1 when skipped.Count == 1 => $"nothing to lint: {skipped[0].Path} is not a PeeringLint input: {skipped[0].Reason}",
            _ => $"nothing to lint: none of the {files} files is a PeeringLint input (AWS CLI describe-* JSON, a CloudFormation template or a tutorial topology); --verbose lists why",
        };
        return new InputProblem(SourceLocation.None, message);
    }

    /// <summary>One file's outcome: its document (null when it could not be read), the format index (-1: not recognised, with <see cref="At"/> and maybe a <see cref="Reason"/>), and what the reader mapped.</summary>
    private readonly record struct FileResult(string Path, SourceDocument? Document, SourceLocation? At, int Format, object? Mapped, List<InputProblem> Problems, string? Reason = null);

    /// <summary>Decodes one file, recognises its format and maps it; runs on a worker thread, never throws.</summary>
    private FileResult ReadOne(InputSource source, IFormatReader[] readers, LoadOptions options)
    {
        var problems = new List<InputProblem>();
        if (source.Open is not null && source.Length > options.StreamThreshold)
        {
            // Decided by content, never by name: only UTF-8 text whose first character is '{' or '[' can be JSON
            // and streamed; YAML (a 34 MB `.template`) and UTF-16/32 files are read whole or refused below.
            var (encoding, json) = Sniff(source);
            if (encoding == InputEncoding.Utf8 && json)
            {
                var streamed = ReadStreamed(source, readers, options, problems);
                if (streamed is { } done)
                {
                    return done;
                }
            }
            else if (source.Length > options.MaxWholeFileBytes)
            {
                string what = encoding == InputEncoding.Utf8
                    ? $"the file is {source.Length >> 20} MB of YAML (its first character is not '{{' or '['); YAML files are read whole, up to {options.MaxWholeFileBytes >> 20} MB; split it into smaller files"
                    : $"the file is {source.Length >> 20} MB of {TextEncodings.Name(encoding)} text; files in UTF-16 or UTF-32 are read whole, up to {options.MaxWholeFileBytes >> 20} MB; {TextEncodings.HowToConvert(encoding, source.Path)} (AWS CLI JSON in UTF-8 is read as a stream, whatever its size)";
                problems.Add(new InputProblem(new SourceLocation(source.Path, 1, 1, 1, 1), what));
                return new FileResult(source.Path, null, null, -1, null, problems);
            }
        }

        if (source.Length > options.MaxWholeFileBytes)
        {
            problems.Add(new InputProblem(
                new SourceLocation(source.Path, 1, 1, 1, 1),
                $"the file is {source.Length >> 20} MB; files over {options.MaxWholeFileBytes >> 20} MB are read as a stream, which works for AWS CLI describe-* JSON only (a top-level object with keys such as \"Vpcs\"); split it or export it with the AWS CLI"));
            return new FileResult(source.Path, null, null, -1, null, problems);
        }

        ParsedFile? file;
        int format = -1;
        try
        {
            file = Decode(source, problems);
            if (file is null)
            {
                return new FileResult(source.Path, null, null, -1, null, problems);
            }

            for (int f = 0; f < _formats.Count; f++)
            {
                if (_formats[f].Recognizes(file.Root))
                {
                    format = f;
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            problems.Add(InternalError(source.Path, ex));
            return new FileResult(source.Path, null, null, -1, null, problems);
        }

        object? mapped = null;
        if (format >= 0)
        {
            try
            {
                mapped = readers[format].Map(file, problems);
            }
            catch (SyntaxException ex)
            {
                problems.Add(new InputProblem(ex.Location, ex.Message));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                problems.Add(InternalError(file.Path, ex));
            }
        }

        var at = format < 0 ? file.Root.Location() : null;
        string? reason = format < 0 ? WhyNotRecognized(file.Root) : null;
        if (file.IsJson)
        {
            // Snippets read the file again; a UTF-16 or UTF-32 file is decoded again, to the same UTF-8.
            file.Document.ReleaseBytes(() => TextEncodings.ToUtf8(source.ReadBytes()));
        }

        return new FileResult(file.Path, file.Document, at, format, mapped, problems, reason);
    }

    /// <summary>
    /// Reads a large JSON file as a stream with the first reader that can; null when none recognises it (the
    /// caller then reads it whole if it is small enough, or reports it).
    /// </summary>
    private FileResult? ReadStreamed(InputSource source, IFormatReader[] readers, LoadOptions options, List<InputProblem> problems)
    {
        for (int f = 0; f < readers.Length; f++)
        {
            if (readers[f] is not IStreamingFormatReader streaming)
            {
                continue;
            }

            var mine = new List<InputProblem>();
            JsonStream? json = null;
            try
            {
                json = new JsonStream(source.Path, source.Open!, mine);
                var mapped = streaming.MapStream(new StreamedFile(source.Path, source.Folders, json), mine);
                if (mapped is not null)
                {
                    problems.AddRange(mine);
                    return new FileResult(source.Path, json.Document, null, f, mapped, problems);
                }
            }
            catch (SyntaxException ex)
            {
                problems.AddRange(mine);
                problems.Add(new InputProblem(ex.Location, ex.Message));
                return new FileResult(source.Path, json?.Document ?? SourceDocument.FromUtf8(source.Path, Array.Empty<byte>()), null, f, null, problems);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add(new InputProblem(new SourceLocation(source.Path, 1, 1, 1, 1), "cannot read the file: " + ex.Message));
                return new FileResult(source.Path, null, null, -1, null, problems);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                problems.AddRange(mine);
                problems.Add(InternalError(source.Path, ex));
                return new FileResult(source.Path, json?.Document, null, f, null, problems);
            }
            finally
            {
                json?.Dispose();
            }
        }

        return null;
    }

    /// <summary>How many bytes <see cref="Sniff"/> reads from the start of a large file.</summary>
    private const int HeadBytes = 64 * 1024;

    /// <summary>The encoding of a large file and whether its content is JSON, from its first bytes.</summary>
    private static (InputEncoding Encoding, bool Json) Sniff(InputSource source)
    {
        var head = new byte[HeadBytes];
        int n = 0;
        try
        {
            using var stream = source.Open!();
            for (int read; n < head.Length && (read = stream.Read(head, n, head.Length - n)) > 0;)
            {
                n += read;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (InputEncoding.Utf8, true); // the streaming reader reports it
        }

        var span = new ReadOnlySpan<byte>(head, 0, n);
        var (encoding, bom) = TextEncodings.Detect(span);
        return (encoding, encoding == InputEncoding.Utf8 && StartsLikeJson(span.Slice(bom)));
    }

    /// <summary>The first reason a format gives for not reading a document that looks meant for it.</summary>
    private string? WhyNotRecognized(SyntaxNode root)
    {
        foreach (var format in _formats)
        {
            if (format is IExplainsSkippedInput explains && explains.WhyNotRecognized(root) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }


    /// <summary>
    /// A bug in a reader must not crash the run or lose the other files: it becomes an input error (exit 2)
    /// that says it is a bug. The fuzzer (bench/) counts these as crashes.
    /// </summary>
    private static InputProblem InternalError(string path, Exception ex) =>
        new(new SourceLocation(path, 1, 1, 1, 1), $"internal error while reading this input ({ex.GetType().Name}: {ex.Message}); please report this PeeringLint bug");

    /// <summary>
    /// Decodes one source as JSON or YAML; null (with a problem) when it cannot be read. The format is decided by
    /// content, never by the file name: text whose first character (after a byte order mark, whitespace and JSON
    /// comments) is '{' or '[' is JSON, anything else YAML. UTF-16 and UTF-32 files (with a BOM, or recognised by
    /// the NUL bytes of their ASCII characters) are decoded and read as the same text in UTF-8.
    /// </summary>
    public static ParsedFile? Decode(InputSource source, List<InputProblem> problems)
    {
        byte[] bytes;
        try
        {
            bytes = source.ReadBytes();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new InputProblem(new SourceLocation(source.Path, 1, 1, 1, 1), "cannot read the file: " + ex.Message));
            return null;
        }

        if (bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            problems.Add(new InputProblem(new SourceLocation(source.Path, 1, 1, 1, 1), "the file is empty"));
            return null;
        }

        try
        {
            var (encoding, bom) = TextEncodings.Detect(bytes);
            int width = encoding is InputEncoding.Utf32LE or InputEncoding.Utf32BE ? 4 : 2;
            if (encoding != InputEncoding.Utf8 && (bom > 0 || bytes.Length % width == 0))
            {
                string text = TextEncodings.Decode(source.Path, bytes, encoding, bom);
                if (text.Length == 0 || text.All(c => c is ' ' or '\t' or '\r' or '\n'))
                {
                    problems.Add(new InputProblem(new SourceLocation(source.Path, 1, 1, 1, 1), "the file is empty"));
                    return null;
                }

                int nulChar = text.IndexOf('\0');
                if (nulChar >= 0)
                {
                    var docText = SourceDocument.FromText(source.Path, text);
                    problems.Add(new InputProblem(docText.Locate(nulChar, nulChar), $"the file is {TextEncodings.Name(encoding)} text with a NUL character in it, not JSON or YAML text"));
                    return null;
                }

                return StartsLikeJson(text)
                    ? DecodeJson(source, System.Text.Encoding.UTF8.GetBytes(text), problems)
                    : DecodeYaml(source, text, problems);
            }

            int nul = Array.IndexOf(bytes, (byte)0);
            if (nul >= 0)
            {
                var doc0 = SourceDocument.FromUtf8(source.Path, bytes);
                problems.Add(new InputProblem(doc0.Locate(nul, nul), "the file is binary (it contains a NUL byte), not JSON or YAML text (UTF-8, UTF-16 or UTF-32)"));
                return null;
            }

            return StartsLikeJson(new ReadOnlySpan<byte>(bytes, bom, bytes.Length - bom))
                ? DecodeJson(source, bytes, problems)
                : DecodeYaml(source, DecodeText(source.Path, bytes), problems);
        }
        catch (SyntaxException ex)
        {
            problems.Add(new InputProblem(ex.Location, ex.Message));
            return null;
        }
    }

    private static ParsedFile? DecodeYaml(InputSource source, string text, List<InputProblem> problems)
    {
        var doc = SourceDocument.FromText(source.Path, text);
        var root = YamlDecoder.Decode(doc, text, problems);
        return root is null ? null : new ParsedFile(source.Path, doc, root, IsJson: false) { Folders = source.Folders, Explicit = source.Explicit };
    }

    /// <summary>
    /// Reads text that starts like JSON as JSON, and only as JSON (whole or streamed, the same file gives the same
    /// result). YAML in flow style (<c>{vpcs: [...]}</c>) is therefore read as JSON: such a file starts with a
    /// comment or a <c>---</c> line to be read as YAML.
    /// </summary>
    private static ParsedFile? DecodeJson(InputSource source, byte[] utf8, List<InputProblem> problems)
    {
        var doc = SourceDocument.FromUtf8(source.Path, utf8);
        CheckUtf8(doc, utf8);
        var root = JsonDecoder.Decode(doc, utf8, problems);
        return root is null ? null : new ParsedFile(source.Path, doc, root, IsJson: true) { Folders = source.Folders, Explicit = source.Explicit };
    }

    /// <summary>True when the first character after whitespace and JSON comments is '{' or '['.</summary>
    internal static bool StartsLikeJson(ReadOnlySpan<byte> text)
    {
        int i = 0;
        while (i < text.Length)
        {
            byte b = text[i];
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                i++;
            }
            else if (b == (byte)'/' && i + 1 < text.Length && text[i + 1] == (byte)'/')
            {
                int eol = text.Slice(i).IndexOf((byte)'\n');
                i = eol < 0 ? text.Length : i + eol + 1;
            }
            else if (b == (byte)'/' && i + 1 < text.Length && text[i + 1] == (byte)'*')
            {
                int close = text.Slice(i + 2).IndexOf(new[] { (byte)'*', (byte)'/' });
                i = close < 0 ? text.Length : i + 2 + close + 2;
            }
            else
            {
                return b is (byte)'{' or (byte)'[';
            }
        }

        return false;
    }

    private static bool StartsLikeJson(string text) => StartsLikeJson(System.Text.Encoding.UTF8.GetBytes(text.Substring(0, Math.Min(text.Length, HeadBytes))));

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    private static void CheckUtf8(SourceDocument doc, byte[] bytes)
    {
        try
        {
            StrictUtf8.GetCharCount(bytes);
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            throw new SyntaxException(doc.Locate(ex.Index, ex.Index), "the file is not valid UTF-8 text");
        }
    }

    private static string DecodeText(string path, byte[] bytes)
    {
        try
        {
            var text = new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            var doc = SourceDocument.FromUtf8(path, bytes);
            throw new SyntaxException(doc.Locate(ex.Index, ex.Index), "the file is not valid UTF-8 text");
        }
    }
}
