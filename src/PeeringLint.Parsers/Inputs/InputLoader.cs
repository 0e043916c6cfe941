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
        var readers = new Dictionary<IInputFormat, IFormatReader>();
        var builder = new NetworkModelBuilder();
        int done = 0;

        // Decode a batch of files in parallel, then hand them to the readers in path order and let the syntax
        // trees go: memory stays bounded by one batch of trees plus the model, however many files there are.
        int dop = Math.Max(1, options.MaxDegreeOfParallelism);
        int batch = Math.Max(16, 4 * dop);
        var decoded = new (ParsedFile? File, List<InputProblem> Problems)[Math.Min(batch, ordered.Length)];
        for (int first = 0; first < ordered.Length; first += batch)
        {
            int count = Math.Min(batch, ordered.Length - first);
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = dop }, k =>
            {
                var source = ordered[first + k];
                var problems = new List<InputProblem>();
                try
                {
                    decoded[k] = (Decode(source, problems), problems);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    problems.Add(InternalError(source.Path, ex));
                    decoded[k] = (null, problems);
                }

                options.Progress?.Report(System.Threading.Interlocked.Increment(ref done));
            });

            for (int k = 0; k < count; k++)
            {
                var (file, problems) = decoded[k];
                decoded[k] = default;
                problemsAll.AddRange(problems);
                if (file is not null)
                {
                    Feed(file, ordered[first + k].Explicit);
                }
            }
        }

        void Feed(ParsedFile file, bool isExplicit)
        {
            documents[file.Path] = file.Document;
            var format = _formats.FirstOrDefault(f => f.Recognizes(file.Root));
            if (format is null)
            {
                if (isExplicit)
                {
                    problemsAll.Add(new InputProblem(file.Root.Location(), "not a PeeringLint input: expected AWS CLI describe-* JSON (a top-level key such as \"Vpcs\"), a CloudFormation template (\"Resources\"), or a tutorial topology (\"vpcs\")"));
                }
                else
                {
                    skipped.Add(file.Path);
                }

                return;
            }

            if (!readers.TryGetValue(format, out var reader))
            {
                readers[format] = reader = format.CreateReader(options);
            }

            builder.Files.Add(file.Path);
            try
            {
                reader.Add(file, problemsAll);
            }
            catch (SyntaxException ex)
            {
                problemsAll.Add(new InputProblem(ex.Location, ex.Message));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                problemsAll.Add(InternalError(file.Path, ex));
            }
        }

        foreach (var format in _formats)
        {
            if (readers.TryGetValue(format, out var reader))
            {
                try
                {
                    reader.Complete(builder, problemsAll);
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
        return new LoadResult(builder.Build(), problemsAll, documents, skipped);
    }

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
                return root is null ? null : new ParsedFile(source.Path, doc, root, IsJson: true) { Folders = source.Folders };
            }
            else
            {
                string text = DecodeText(source.Path, bytes);
                var doc = SourceDocument.FromText(source.Path, text);
                var root = YamlDecoder.Decode(doc, text, problems);
                return root is null ? null : new ParsedFile(source.Path, doc, root, IsJson: false) { Folders = source.Folders };
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
