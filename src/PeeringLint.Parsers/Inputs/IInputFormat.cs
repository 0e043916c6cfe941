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

/// <summary>Reads the files of one format in one run; files arrive in path order.</summary>
public interface IFormatReader
{
    void Add(ParsedFile file, List<InputProblem> problems);

    /// <summary>Writes everything read into <paramref name="builder"/>.</summary>
    void Complete(NetworkModelBuilder builder, List<InputProblem> problems);
}

/// <summary>Options every reader sees.</summary>
public sealed record LoadOptions
{
    public static LoadOptions Default { get; } = new();

    /// <summary>CloudFormation parameter values given on the command line (--parameter Name=Value).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Told the number of files decoded so far, from any thread (the CLI's progress bar).</summary>
    public System.IProgress<int>? Progress { get; init; }

    /// <summary>Decode files on this many threads.</summary>
    public int MaxDegreeOfParallelism { get; init; } = System.Environment.ProcessorCount;
}
