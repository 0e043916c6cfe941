using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using PeeringLint.Cli.Configuration;
using PeeringLint.Cli.Inputs;
using PeeringLint.Cli.Output;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Cli.Commands;

/// <summary>
/// The options every command that reads a network shares (inputs, configuration, parameters, intents, colour,
/// verbosity), and their binding into one <see cref="RunRequest"/>: <c>lint</c>, <c>graph</c> and <c>reach</c>
/// read their inputs and configuration the same way because they bind them here.
/// </summary>
internal sealed class SharedOptions
{
    private readonly Argument<string[]> _inputs;
    private readonly Option<string?> _config = new("--config", "-c") { Description = "Configuration file (default: the nearest .peeringlint.yaml at or above the first input's folder, up to the repository root)." };
    private readonly Option<bool> _noConfig = new("--no-config") { Description = "Do not look for a .peeringlint.yaml." };
    private readonly Option<string[]> _parameters = ParameterOption.Create();
    private readonly Option<string[]> _parameterFiles = new("--parameters-file") { Description = "CloudFormation parameter file for every template: the AWS CLI's [{\"ParameterKey\", \"ParameterValue\"}] or CodePipeline's {\"Parameters\": {...}} (repeatable; later files and --parameter win)." };
    private readonly Option<string[]>? _intents;
    private readonly Option<bool> _noColor = new("--no-color") { Description = "Never colour the output (NO_COLOR is honoured too)." };
    private readonly Option<bool> _verbose = new("--verbose", "-v") { Description = "Print the configuration used, skipped files and phase timings to standard error." };

    public SharedOptions(string inputsDescription, bool intents = true)
    {
        _inputs = new Argument<string[]>("inputs") { Description = inputsDescription, Arity = ArgumentArity.OneOrMore };
        if (intents)
        {
            _intents = new Option<string[]>("--intents") { Description = "YAML file(s) of connectivity intents to check." };
        }
    }

    public void AddTo(Command command)
    {
        command.Arguments.Add(_inputs);
        command.Options.Add(_config);
        command.Options.Add(_noConfig);
        command.Options.Add(_parameters);
        command.Options.Add(_parameterFiles);
        if (_intents is not null)
        {
            command.Options.Add(_intents);
        }

        command.Options.Add(_noColor);
        command.Options.Add(_verbose);
    }

    public bool Verbose(ParseResult parse) => parse.GetValue(_verbose);

    public bool NoColor(ParseResult parse) => parse.GetValue(_noColor);

    /// <summary>
    /// Binds the shared options: finds and reads the configuration, merges parameters (the command line wins) and
    /// rule settings. Null after a message on standard error when the options or the configuration are unusable.
    /// </summary>
    public RunRequest? Bind(ParseResult parse, CommandIO io) => Bind(
        new SharedSettings
        {
            Inputs = parse.GetValue(_inputs) ?? Array.Empty<string>(),
            Config = parse.GetValue(_config),
            NoConfig = parse.GetValue(_noConfig),
            Parameters = parse.GetValue(_parameters) ?? Array.Empty<string>(),
            ParameterFiles = parse.GetValue(_parameterFiles) ?? Array.Empty<string>(),
            Intents = _intents is null ? Array.Empty<string>() : parse.GetValue(_intents) ?? Array.Empty<string>(),
        },
        io);

    /// <summary>
    /// Binds shared settings however they were given (the command line, or an editor's settings for <c>peeringlint lsp</c>):
    /// finds and reads the configuration, merges parameters (the given ones win) and rule settings. Null after a
    /// message on <see cref="CommandIO.Error"/> when the settings or the configuration are unusable.
    /// </summary>
    public static RunRequest? Bind(SharedSettings settings, CommandIO io)
    {
        string baseDir = io.BaseDirectory;
        var inputs = settings.Inputs;
        var config = ReadConfig(settings, io);
        if (config.Failed)
        {
            return null;
        }

        var given = ParameterOption.Parse(settings.Parameters.ToArray(), io.Error);
        if (given is null)
        {
            return null;
        }

        var lintConfig = config.Value;
        string? configPath = config.Path;
        var parameters = new Dictionary<string, string>(lintConfig?.Parameters ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        var parameterFiles = new List<string>();
        var fileProblems = new List<InputProblem>();
        foreach (var named in settings.ParameterFiles)
        {
            var full = Path.GetFullPath(Path.Combine(baseDir, named));
            parameterFiles.Add(full);
            if (!File.Exists(full))
            {
                io.Error.WriteLine($"peeringlint: error: parameter file '{named}' not found");
                return null;
            }

            if (Parsers.CloudFormation.ParameterFile.Read(full, InputFiles.Display(full, baseDir), fileProblems) is { } set)
            {
                foreach (var kv in set.Values)
                {
                    parameters[kv.Key] = kv.Value;
                    unknown.Remove(kv.Key);
                }

                foreach (var name in set.Unknown)
                {
                    parameters.Remove(name);
                    unknown.Add(name);
                }
            }
        }

        if (fileProblems.Count > 0)
        {
            TextReporter.WriteProblems(io.Error, fileProblems, new Dictionary<string, SourceDocument>(), ConsoleStyle.Plain);
            return null;
        }

        foreach (var kv in given)
        {
            parameters[kv.Key] = kv.Value;
            unknown.Remove(kv.Key);
        }

        var excluded = new List<string>();
        var severities = new Dictionary<string, Severity>(StringComparer.Ordinal);
        foreach (var setting in lintConfig?.Rules ?? Array.Empty<RuleSetting>())
        {
            if (!setting.Enabled)
            {
                excluded.Add(setting.RuleId);
            }
            else if (setting.Severity is { } severity)
            {
                severities[setting.RuleId] = severity;
            }
        }

        var intentFiles = settings.Intents
            .Concat(lintConfig?.Intents ?? Array.Empty<string>())
            .ToArray();
        return new RunRequest
        {
            Inputs = inputs,
            IntentFiles = intentFiles,
            BaseDirectory = baseDir,
            Config = lintConfig,
            ConfigPath = configPath,
            ParameterFiles = parameterFiles.Concat(lintConfig?.Stacks.Select(s => s.ParameterFile).OfType<string>() ?? Array.Empty<string>()).ToArray(),
            Load = new LoadOptions
            {
                Parameters = parameters,
                UnknownParameters = unknown,
                StackFor = StackConfig.Resolver(lintConfig, baseDir),
                BaseDirectory = baseDir,
            },
            Lint = new LintOptions { ExcludeRules = excluded, SeverityOverrides = severities },
            Threshold = lintConfig?.SeverityThreshold ?? Severity.Warning,
            ProgressTerminal = io.IsConsole && !Console.IsErrorRedirected ? io.Error : null,
        };
    }

    /// <summary>What <c>--verbose</c> prints before the report: the configuration, ignored and skipped files, timings.</summary>
    public static void WriteVerbose(TextWriter error, LintRun run)
    {
        error.WriteLine(run.Config is { } config ? $"note: using configuration {config.DisplayPath}" : "note: no configuration file");
        foreach (var s in run.Ignored)
        {
            error.WriteLine($"note: ignored {s} (ignore_paths in the configuration)");
        }

        foreach (var s in run.Load.SkippedFiles)
        {
            error.WriteLine($"note: skipped {s.Path}: {s.Reason}");
        }

        var coverage = run.Coverage;
        var missing = coverage.MissingKinds.Select(Coverage.Describe).ToList();
        if (run.Load.Model.Files.Count > 0 && missing.Count > 0)
        {
            error.WriteLine($"note: the inputs do not describe {string.Join(", ", missing)}: rules that need them stay silent or report notes (docs/unknowns.md)");
        }

        foreach (var o in coverage.Outside)
        {
            string owner = o.OwnerId is null ? string.Empty : $" (account {o.OwnerId})";
            string vpc = o.VpcId is null ? "the VPC (not named in the input)" : $"VPC {o.VpcId}";
            error.WriteLine(TextEscaping.Escape($"note: {vpc}{owner} on the other side of peering {o.Peering.Label} is not in the inputs: its routes and groups are unknown"));
        }

        if (run.Config is { Stacks.Count: > 0 } stacks)
        {
            foreach (var file in run.Load.Model.Files)
            {
                if (StackConfig.Find(stacks, file, run.BaseDirectory) is { } e)
                {
                    error.WriteLine($"note: {file} is deployed as stack {e.Name ?? "(no name)"}, account {e.Account ?? "(not given)"}, region {e.Region ?? "(not given)"} ('{e.Template}' in {stacks.DisplayPath})");
                }
            }
        }

        foreach (var n in run.Load.Notes)
        {
            error.WriteLine("note: " + n);
        }

        if (run.Load.UnresolvedImports.Count > 0)
        {
            error.WriteLine($"note: {run.Load.UnresolvedImports.Count} Fn::ImportValue use(s) stayed unresolved (their exports are not among the inputs; 'stacks:' in the configuration names the stacks, see docs/configuration.md):");
            foreach (var u in run.Load.UnresolvedImports)
            {
                error.WriteLine($"note:   {u.Location.Path}:{u.Location.StartLine}:{u.Location.StartColumn}: {u.Name}");
            }
        }

        foreach (var t in run.Timings)
        {
            error.WriteLine($"timing: {t.Key} {t.Value.TotalMilliseconds:F1} ms");
        }

        // Where a large run's time goes besides reading and the rules: the collector's pauses so far.
        error.WriteLine(FormattableString.Invariant($"timing: gc pauses {GC.GetTotalPauseDuration().TotalMilliseconds:F1} ms ({GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2)"));
    }

    private static (LintConfig? Value, string? Path, bool Failed) ReadConfig(SharedSettings settings, CommandIO io)
    {
        string? named = settings.Config;
        string? path = named is not null
            ? Path.GetFullPath(Path.Combine(io.BaseDirectory, named))
            : settings.NoConfig || settings.Inputs.Count == 0 ? null : ConfigDiscovery.Find(settings.Inputs[0], io.BaseDirectory);
        if (path is null)
        {
            return (null, null, false);
        }

        if (named is not null && !File.Exists(path))
        {
            io.Error.WriteLine($"peeringlint: error: configuration file '{named}' not found");
            return (null, null, true);
        }

        var problems = new List<InputProblem>();
        var config = ConfigReader.Read(path, InputFiles.Display(path, io.BaseDirectory), problems);
        if (config is null)
        {
            TextReporter.WriteProblems(io.Error, problems, new Dictionary<string, SourceDocument>(), ConsoleStyle.Plain);
            return (null, null, true);
        }

        return (config, path, false);
    }
}

/// <summary>The values of the shared options, from the command line or from an editor's settings (<c>peeringlint lsp</c>).</summary>
internal sealed record SharedSettings
{
    public IReadOnlyList<string> Inputs { get; init; } = Array.Empty<string>();

    /// <summary>An explicit configuration file (relative to the base folder), or null to look for the nearest one.</summary>
    public string? Config { get; init; }

    public bool NoConfig { get; init; }

    /// <summary><c>Name=Value</c> pairs.</summary>
    public IReadOnlyList<string> Parameters { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> ParameterFiles { get; init; } = Array.Empty<string>();

    public IReadOnlyList<string> Intents { get; init; } = Array.Empty<string>();
}
