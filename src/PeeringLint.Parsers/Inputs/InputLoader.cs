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

    /// <summary>What the readers had to say for <c>--verbose</c> (nested stack templates read although not named, ...).</summary>
    public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();

    /// <summary>Files read although they were not inputs (nested stack templates), display paths.</summary>
    public IReadOnlyList<string> Followed { get; init; } = Array.Empty<string>();

    /// <summary>Fn::ImportValue uses whose export is not among the inputs, in location order.</summary>
    public IReadOnlyList<UnresolvedImport> UnresolvedImports { get; init; } = Array.Empty<UnresolvedImport>();
}

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
        var skipped = new List<string>();
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

        // Decode and map a batch of files in parallel (each file on its own: its syntax tree dies as soon as its
        // records are mapped), then hand the mapped files to the readers in path order: memory stays bounded by
        // one batch plus the model, however many files there are.
        int dop = Math.Max(1, options.MaxDegreeOfParallelism);
        int batch = Math.Max(32, 8 * dop);
        var results = new FileResult[Math.Min(batch, ordered.Length)];
        for (int first = 0; first < ordered.Length; first += batch)
        {
            int count = Math.Min(batch, ordered.Length - first);
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = dop }, k =>
            {
                results[k] = ReadOne(ordered[first + k], readers, options);
                options.Progress?.Report(System.Threading.Interlocked.Increment(ref done));
            });

            for (int k = 0; k < count; k++)
            {
                var r = results[k];
                results[k] = default;
                problemsAll.AddRange(r.Problems);
                if (r.Document is null)
                {
                    continue;
                }

                documents[r.Path] = r.Document;
                if (r.Format < 0)
                {
                    if (ordered[first + k].Explicit)
                    {
                        problemsAll.Add(new InputProblem(r.At ?? r.Document.Locate(0, 0), "not a PeeringLint input: expected AWS CLI describe-* JSON (a top-level key such as \"Vpcs\"), a CloudFormation template (\"Resources\"), or a tutorial topology (\"vpcs\")"));
                    }
                    else
                    {
                        skipped.Add(r.Path);
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

        problemsAll.Sort((a, b) => a.Location.CompareTo(b.Location));
        unresolved.Sort((a, b) => a.Location.CompareTo(b.Location));
        return new LoadResult(builder.Build(), problemsAll, documents, skipped) { Notes = notes, Followed = followed, UnresolvedImports = unresolved };
    }

    /// <summary>One file's outcome: its document (null when it could not be read), the format index (-1: not recognised, with <see cref="At"/>), and what the reader mapped.</summary>
    private readonly record struct FileResult(string Path, SourceDocument? Document, SourceLocation? At, int Format, object? Mapped, List<InputProblem> Problems);

    /// <summary>Decodes one file, recognises its format and maps it; runs on a worker thread, never throws.</summary>
    private FileResult ReadOne(InputSource source, IFormatReader[] readers, LoadOptions options)
    {
        var problems = new List<InputProblem>();
        if (source.Open is not null && source.Length > options.StreamThreshold && !IsYamlPath(source.Path))
        {
            var streamed = ReadStreamed(source, readers, options, problems);
            if (streamed is { } done)
            {
                return done;
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
        if (file.IsJson)
        {
            file.Document.ReleaseBytes(source.ReadBytes);
        }

        return new FileResult(file.Path, file.Document, at, format, mapped, problems);
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

    private static bool IsYamlPath(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A bug in a reader must not crash the run or lose the other files: it becomes an input error (exit 2)
    /// that says it is a bug. The fuzzer (bench/) counts these as crashes.
    /// </summary>
    private static InputProblem InternalError(string path, Exception ex) =>
        new(new SourceLocation(path, 1, 1, 1, 1), $"internal error while reading this input ({ex.GetType().Name}: {ex.Message}); please report this PeeringLint bug");

    /// <summary>Decodes one source as JSON or YAML; null (with a problem) when it cannot be read.</summary>
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

        int nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            var doc0 = SourceDocument.FromUtf8(source.Path, bytes);
            problems.Add(new InputProblem(doc0.Locate(nul, nul), "the file is binary (it contains a NUL byte), not JSON or YAML text"));
            return null;
        }

        try
        {
            if (LooksLikeJson(source.Path, bytes))
            {
                var doc = SourceDocument.FromUtf8(source.Path, bytes);
                CheckUtf8(doc, bytes);
                var root = JsonDecoder.Decode(doc, bytes, problems);
                return root is null ? null : new ParsedFile(source.Path, doc, root, IsJson: true) { Folders = source.Folders, Explicit = source.Explicit };
            }
            else
            {
                string text = DecodeText(source.Path, bytes);
                var doc = SourceDocument.FromText(source.Path, text);
                var root = YamlDecoder.Decode(doc, text, problems);
                return root is null ? null : new ParsedFile(source.Path, doc, root, IsJson: false) { Folders = source.Folders, Explicit = source.Explicit };
            }
        }
        catch (SyntaxException ex)
        {
            problems.Add(new InputProblem(ex.Location, ex.Message));
            return null;
        }
    }

    private static bool LooksLikeJson(string path, byte[] bytes)
    {
        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".sarif", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        int i = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        while (i < bytes.Length && bytes[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i < bytes.Length && bytes[i] is (byte)'{' or (byte)'[';
    }

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
