using System.Collections.Generic;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.Inputs;

/// <summary>One decoded input file, ready for a format reader.</summary>
public sealed record ParsedFile(string Path, SourceDocument Document, SyntaxNode Root, bool IsJson)
{
    /// <summary>Folder names between the input root and the file (account/region hints for AWS JSON layouts).</summary>
    public IReadOnlyList<string> Folders { get; init; } = System.Array.Empty<string>();

    /// <summary>True when the user named the file (on the command line, --intents, a config); false when a folder search found it.</summary>
    public bool Explicit { get; init; } = true;
}

/// <summary>
/// An input format. Formats are recognised by content (top-level keys), never by file name. A format hands
/// out one <see cref="IFormatReader"/> per run, so that it can join across files (a peering seen from two
/// accounts, Fn::ImportValue between templates) before it writes the model.
/// </summary>
public interface IInputFormat
{
    /// <summary>Short name: "tutorial", "aws-json", "cloudformation".</summary>
    string Name { get; }

    InputFormats Kind { get; }

    /// <summary>True when the document's content is this format.</summary>
    bool Recognizes(SyntaxNode root);

    IFormatReader CreateReader(LoadOptions options);
}

/// <summary>A format that can say why a document that looks like it is not read (shown for skipped files).</summary>
public interface IExplainsSkippedInput
{
    /// <summary>Why <paramref name="root"/> is not read although it looks meant for this format; null when it does not look like this format.</summary>
    string? WhyNotRecognized(SyntaxNode root);
}

/// <summary>
/// Reads the files of one format in one run, in two steps: <see cref="Map"/> reads one file on its own (the
/// loader calls it for several files at once, so it must not touch the reader's shared state), and
/// <see cref="Add"/> takes the mapped files one at a time, in path order, for the joins across files.
/// </summary>
public interface IFormatReader
{
    /// <summary>Reads one file without shared state; thread-safe. What it returns (unless null) is handed to <see cref="Add"/>.</summary>
    object? Map(ParsedFile file, List<InputProblem> problems);

    /// <summary>Takes what <see cref="Map"/> returned for one file; files arrive in path order, one at a time.</summary>
    void Add(object mapped, List<InputProblem> problems);

    /// <summary>Writes everything read into <paramref name="builder"/>.</summary>
    void Complete(NetworkModelBuilder builder, List<InputProblem> problems);
}

/// <summary>Options every reader sees.</summary>
public sealed record LoadOptions
{
    public static LoadOptions Default { get; } = new();

    /// <summary>
    /// CloudFormation parameter values for every template (the configuration's <c>parameters:</c>, <c>--parameters-file</c>
    /// and <c>--parameter Name=Value</c>); a stack's own values (<see cref="StackFor"/>) win over them.
    /// </summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Parameters whose value is deliberately unknown for every template (<c>UsePreviousValue</c> in a parameter file).</summary>
    public IReadOnlyCollection<string> UnknownParameters { get; init; } = System.Array.Empty<string>();

    /// <summary>
    /// The stack a template (by display path) is deployed as, from the configuration's <c>stacks:</c>; null when none
    /// is configured for it. Called once per template, on one thread.
    /// </summary>
    public System.Func<string, StackSettings?>? StackFor { get; init; }

    /// <summary>
    /// The folder display paths are relative to: nested stack templates (<c>AWS::CloudFormation::Stack</c> with a local
    /// <c>TemplateURL</c>) that are not among the inputs are read from there. Null: such templates are not read.
    /// </summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Told the number of files decoded so far, from any thread (the CLI's progress bar).</summary>
    public System.IProgress<int>? Progress { get; init; }

    /// <summary>
    /// JSON files larger than this are read as a stream (bounded memory) instead of whole; only AWS CLI
    /// describe-* output can be read that way. Files of other formats above it are refused with a clear error.
    /// </summary>
    public long StreamThreshold { get; init; } = 32L << 20;

    /// <summary>Files that cannot be streamed are read whole up to this size, and refused with an error above it.</summary>
    public long MaxWholeFileBytes { get; init; } = 64L << 20;

    /// <summary>
    /// When sources were given (or none were) but no file is a PeeringLint input, report an input error ("nothing to
    /// lint") instead of an empty model. The analyzer turns it off: its AdditionalFiles may list unrelated files only.
    /// </summary>
    public bool RequireInput { get; init; } = true;

    /// <summary>Decode files on this many threads.</summary>
    public int MaxDegreeOfParallelism { get; init; } = System.Environment.ProcessorCount;
}

/// <summary>A reader that can also map a JSON file it reads as a stream, record by record.</summary>
public interface IStreamingFormatReader
{
    /// <summary>
    /// Maps a streamed file; thread-safe like <see cref="IFormatReader.Map"/>. Null (with nothing reported) when
    /// the file is not this format.
    /// </summary>
    object? MapStream(StreamedFile file, List<InputProblem> problems);
}

/// <summary>A JSON file being read as a stream, for <see cref="IStreamingFormatReader"/>.</summary>
public sealed class StreamedFile
{
    internal StreamedFile(string path, IReadOnlyList<string> folders, Syntax.JsonStream json)
    {
        Path = path;
        Folders = folders;
        Json = json;
    }

    public string Path { get; }

    public IReadOnlyList<string> Folders { get; }

    public Syntax.SourceDocument Document => Json.Document;

    internal Syntax.JsonStream Json { get; }
}

/// <summary>An <see cref="IFormatReader"/> whose mapped files have one type.</summary>
public abstract class FormatReader<TMapped> : IFormatReader
    where TMapped : class
{
    public abstract TMapped? Map(ParsedFile file, List<InputProblem> problems);

    public abstract void Add(TMapped mapped, List<InputProblem> problems);

    public abstract void Complete(NetworkModelBuilder builder, List<InputProblem> problems);

    object? IFormatReader.Map(ParsedFile file, List<InputProblem> problems) => Map(file, problems);

    void IFormatReader.Add(object mapped, List<InputProblem> problems) => Add((TMapped)mapped, problems);
}

/// <summary>
/// How one template is deployed (a <c>stacks:</c> entry of the configuration): its stack name, account, region and
/// parameter values (which win over the run's global ones). Null members are not configured.
/// </summary>
public sealed record StackSettings
{
    /// <summary>The stack name (AWS::StackName).</summary>
    public string? Name { get; init; }

    /// <summary>The 12-digit account id (AWS::AccountId).</summary>
    public string? Account { get; init; }

    /// <summary>The region (AWS::Region).</summary>
    public string? Region { get; init; }

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Parameters whose value is deliberately unknown (<c>UsePreviousValue</c>).</summary>
    public IReadOnlyCollection<string> UnknownParameters { get; init; } = System.Array.Empty<string>();
}

/// <summary>An <c>Fn::ImportValue</c> whose export is not among the inputs: its name (as far as it is known) and where it is.</summary>
public sealed record UnresolvedImport(string Name, SourceLocation Location);

/// <summary>
/// A reader that has more to tell the run after <see cref="IFormatReader.Complete"/>: files it read although they were
/// not inputs (nested stack templates), notes for <c>--verbose</c>, and imports it could not resolve.
/// </summary>
public interface IFormatReaderReport
{
    IReadOnlyList<SourceDocument> ExtraDocuments { get; }

    IReadOnlyList<string> Notes { get; }

    IReadOnlyList<UnresolvedImport> UnresolvedImports { get; }
}
