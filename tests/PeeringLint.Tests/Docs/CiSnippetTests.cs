using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PeeringLint.Cli;
using PeeringLint.Cli.Output;
using PeeringLint.Tests.TestKit;
using Xunit;
using YamlDotNet.Serialization;

namespace PeeringLint.Tests.Docs;

/// <summary>
/// The CI set-ups of docs/ci.md (issue 20): each is a file under docs/ci/ quoted verbatim in docs/ci.md; every YAML
/// file parses and wires the reports it writes into the pipeline's report step; every `peeringlint lint` command in
/// them runs (exit 1 on the broken tutorial, 0 with --exit-zero, never 2) and writes the file it names; the action's
/// and the hooks' documentation matches action.yml and .pre-commit-hooks.yaml. The action and the workflows are also
/// validated by .ci/check-action.sh (action-validator), the pre-commit files by .ci/check-precommit.sh.
/// </summary>
public sealed class CiSnippetTests
{
    private static readonly string CiFolder = Path.Combine(TestPaths.Root, "docs", "ci");

    private static string Read(string path) => File.ReadAllText(path).Replace("\r\n", "\n");

    private static string CiMd => Read(Path.Combine(TestPaths.Root, "docs", "ci.md"));

    private static IEnumerable<string> SetUps => Directory.GetFiles(CiFolder).OrderBy(f => f, StringComparer.Ordinal);

    private static IEnumerable<string> YamlSetUps => SetUps.Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal));

    private static object Yaml(string path) => new DeserializerBuilder().Build().Deserialize<object>(Read(path))
        ?? throw new InvalidOperationException(path + " is empty");

    private static Dictionary<object, object> Map(object node, string key) =>
        Assert.IsType<Dictionary<object, object>>(((Dictionary<object, object>)node)[key]);

    private static List<object> List(object node, string key) =>
        Assert.IsType<List<object>>(((Dictionary<object, object>)node)[key]);

    /// <summary>All string scalars of a YAML tree (folded and literal blocks joined as YAML joins them).</summary>
    private static IEnumerable<string> Scalars(object? node) => node switch
    {
        string s => new[] { s },
        Dictionary<object, object> m => m.Values.SelectMany(Scalars),
        List<object> l => l.SelectMany(Scalars),
        _ => Array.Empty<string>(),
    };

    [Fact]
    public void Every_set_up_file_is_quoted_verbatim_in_ci_md()
    {
        var blocks = Regex.Matches(CiMd, "^```[a-z]*\n(.*?)^```$", RegexOptions.Singleline | RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.True(SetUps.Count() >= 8, "docs/ci/ should hold the set-ups of the six pipelines");
        foreach (var file in SetUps)
        {
            string name = "docs/ci/" + Path.GetFileName(file);
            Assert.True(blocks.Contains(Read(file)), $"docs/ci.md does not quote {name} verbatim in a code block (copy the file into the block after `{name}`:)");
            Assert.Contains($"`{name}`:", CiMd);
        }
    }

    [Fact]
    public void Every_yaml_file_parses()
    {
        var files = YamlSetUps.Concat(new[] { Path.Combine(TestPaths.Root, "action.yml"), Path.Combine(TestPaths.Root, ".pre-commit-hooks.yaml") }).ToList();
        Assert.True(files.Count >= 9);
        foreach (var file in files)
        {
            var ex = Record.Exception(() => Yaml(file));
            Assert.True(ex is null, $"{file}: {ex?.Message}");
        }
    }

    [Fact]
    public void Every_format_named_in_the_set_ups_and_docs_exists()
    {
        var texts = SetUps.Select(Read).Append(CiMd).Append(Read(Path.Combine(TestPaths.Root, "action.yml")));
        var named = texts.SelectMany(t => Regex.Matches(t, @"--format (\w+)").Select(m => m.Groups[1].Value)).Distinct().ToList();
        Assert.Contains("junit", named);
        Assert.Contains("gitlab", named);
        Assert.Contains("azure", named);
        foreach (var format in named)
        {
            Assert.Contains(format, Reporters.Names);
        }
    }

    /// <summary>Each `peeringlint lint …` command of the set-ups, run in a folder whose network/ holds the broken tutorial.</summary>
    [Fact]
    public void Every_lint_command_runs_and_writes_its_report()
    {
        var commands = new List<(string File, string Command)>();
        foreach (var file in YamlSetUps.Where(f => !Path.GetFileName(f).StartsWith("pre-commit", StringComparison.Ordinal)))
        {
            commands.AddRange(Scalars(Yaml(file)).SelectMany(s => s.Split('\n')).Where(l => l.Contains("peeringlint lint", StringComparison.Ordinal)).Select(l => (file, l)));
        }

        string jenkins = Path.Combine(CiFolder, "Jenkinsfile");
        commands.AddRange(Regex.Matches(Read(jenkins), @"sh '([^']*peeringlint lint[^']*)'").Select(m => (jenkins, m.Groups[1].Value)));
        Assert.True(commands.Count >= 9, "too few lint commands found: " + commands.Count);

        foreach (var (file, command) in commands)
        {
            string dir = Path.Combine(Path.GetTempPath(), "peeringlint-ci-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(dir, "network"));
            Directory.CreateDirectory(Path.Combine(dir, "results"));
            Directory.CreateDirectory(Path.Combine(dir, "test-results", "peeringlint"));
            try
            {
                File.Copy(Path.Combine(TestPaths.Root, "examples", "nextwork-peering-broken.yaml"), Path.Combine(dir, "network", "broken.yaml"));
                string line = command.Replace("$(Common.TestResultsDirectory)", "results", StringComparison.Ordinal);
                var args = line.Substring(line.IndexOf("peeringlint lint", StringComparison.Ordinal) + "peeringlint ".Length)
                    .Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var stdout = new StringWriter();
                var stderr = new StringWriter();
                int code = Program.Run(args, stdout, stderr, dir);
                string what = $"{Path.GetFileName(file)}: `{command.Trim()}`";
                Assert.True(code == (args.Contains("--exit-zero") ? 0 : 1), $"{what} exited {code}: {stderr}");
                int output = Array.IndexOf(args, "--output");
                if (output >= 0)
                {
                    string report = Path.Combine(dir, args[output + 1]);
                    Assert.True(File.Exists(report) && new FileInfo(report).Length > 0, $"{what} wrote no {args[output + 1]}");
                }
                else
                {
                    Assert.Contains("PL2001", stdout.ToString());
                }
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public void GitLab_reports_are_the_files_the_script_writes()
    {
        var job = Map(Yaml(Path.Combine(CiFolder, "gitlab-ci.yml")), "peeringlint");
        var script = List(job, "script").Cast<string>().ToList();
        var reports = Map(Map(job, "artifacts"), "reports");
        Assert.Equal("always", Map(job, "artifacts")["when"]);
        Assert.Contains(script, s => s.Contains("--format gitlab --output " + reports["codequality"], StringComparison.Ordinal));
        Assert.Contains(script, s => s.Contains("--format junit --output " + reports["junit"], StringComparison.Ordinal));
    }

    [Fact]
    public void Azure_prints_logging_commands_and_publishes_the_JUnit_file_it_writes()
    {
        var steps = List(Yaml(Path.Combine(CiFolder, "azure-pipelines.yml")), "steps").Cast<Dictionary<object, object>>().ToList();
        Assert.Contains(steps, s => s.TryGetValue("script", out var v) && ((string)v).Contains("--format azure", StringComparison.Ordinal));
        var junit = steps.Single(s => s.TryGetValue("script", out var v) && ((string)v).Contains("--format junit", StringComparison.Ordinal));
        var publish = steps.Single(s => s.TryGetValue("task", out var t) && (string)t == "PublishTestResults@2");
        Assert.Equal("succeededOrFailed()", junit["condition"]);
        Assert.Equal("succeededOrFailed()", publish["condition"]);
        var inputs = Map(publish, "inputs");
        Assert.Equal("JUnit", inputs["testResultsFormat"]);
        Assert.Contains($"--output {inputs["searchFolder"]}/{inputs["testResultsFiles"]}", (string)junit["script"], StringComparison.Ordinal);
    }

    [Fact]
    public void Jenkins_and_CircleCI_record_the_JUnit_file_they_write()
    {
        string jenkins = Read(Path.Combine(CiFolder, "Jenkinsfile"));
        string written = Regex.Match(jenkins, @"--format junit --output (\S+)").Groups[1].Value;
        Assert.NotEmpty(written);
        Assert.Contains($"junit testResults: '{written}'", jenkins);
        Assert.Contains("always {", jenkins);

        var circle = Yaml(Path.Combine(CiFolder, "circleci-config.yml"));
        Assert.Equal("2.1", ((Dictionary<object, object>)circle)["version"]);
        var steps = List(Map(Map(circle, "jobs"), "peeringlint"), "steps");
        string stored = (string)steps.OfType<Dictionary<object, object>>().Select(s => s.TryGetValue("store_test_results", out var v) ? v : null).OfType<Dictionary<object, object>>().Single()["path"];
        string output = Regex.Match(string.Join("\n", Scalars(steps)), @"--format junit --output (\S+)").Groups[1].Value;
        Assert.StartsWith(stored + "/", output, StringComparison.Ordinal);
        var jobs = List(Map(Map(circle, "workflows"), "lint"), "jobs");
        Assert.Contains("peeringlint", jobs);
    }

    [Fact]
    public void The_hooks_lint_changed_inputs_or_the_whole_folder_set()
    {
        var hooks = ((List<object>)Yaml(Path.Combine(TestPaths.Root, ".pre-commit-hooks.yaml"))).Cast<Dictionary<object, object>>().ToDictionary(h => (string)h["id"]);
        Assert.Equal(new[] { "peeringlint", "peeringlint-all" }, hooks.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var hook in hooks.Values)
        {
            Assert.Equal("dotnet", hook["language"]);
            Assert.StartsWith("peeringlint lint", (string)hook["entry"], StringComparison.Ordinal);
            Assert.Contains($"| `{hook["id"]}` |", CiMd);
        }

        var changed = hooks["peeringlint"];
        Assert.Equal("true", changed["pass_filenames"]);
        var files = new Regex((string)changed["files"]);
        foreach (var name in new[] { "network/vpc.template", "a.yaml", "b.yml", "aws/describe-vpcs.json" })
        {
            Assert.Matches(files, name);
        }

        Assert.DoesNotMatch(files, "README.md");
        var all = hooks["peeringlint-all"];
        Assert.Equal("false", all["pass_filenames"]);
        Assert.Equal("true", all["always_run"]);

        // The documented configurations name hooks that exist (the local one runs the installed tool).
        var config = List(Yaml(Path.Combine(CiFolder, "pre-commit-config.yaml")), "repos").Cast<Dictionary<object, object>>().Single();
        foreach (var hook in ((List<object>)config["hooks"]).Cast<Dictionary<object, object>>())
        {
            Assert.Contains((string)hook["id"], hooks.Keys);
        }

        var local = List(Yaml(Path.Combine(CiFolder, "pre-commit-config-local.yaml")), "repos").Cast<Dictionary<object, object>>().Single();
        Assert.Equal("local", local["repo"]);
        var localHook = ((List<object>)local["hooks"]).Cast<Dictionary<object, object>>().Single();
        Assert.Equal("system", localHook["language"]);
        Assert.Equal(changed["entry"], localHook["entry"]);
    }

    [Fact]
    public void The_action_inputs_and_outputs_are_documented_used_and_used_as_documented()
    {
        var action = Yaml(Path.Combine(TestPaths.Root, "action.yml"));
        var inputs = Map(action, "inputs").Keys.Cast<string>().ToList();
        var outputs = Map(action, "outputs").Keys.Cast<string>().ToList();
        string md = CiMd;
        string section = md.Substring(md.IndexOf("## GitHub Actions: the action", StringComparison.Ordinal));
        section = section.Substring(0, section.IndexOf("\n## ", 5, StringComparison.Ordinal));
        var documented = Regex.Matches(section, @"^\| `([\w-]+)` \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(inputs.Concat(outputs).OrderBy(x => x, StringComparer.Ordinal), documented.OrderBy(x => x, StringComparer.Ordinal));

        // Each input is read by a step, in its if:, env: or with: (never pasted into a run: script).
        string runs = string.Join("\n", Scalars(Map(action, "runs")));
        foreach (var input in inputs)
        {
            Assert.Matches(@"\binputs\." + Regex.Escape(input) + @"(?![\w-])", runs);
        }

        foreach (var step in List(Map(action, "runs"), "steps").Cast<Dictionary<object, object>>().Where(s => s.ContainsKey("run")))
        {
            Assert.DoesNotContain("${{", (string)step["run"]);
        }

        // The documented workflow passes only inputs the action has.
        var jobs = Map(Yaml(Path.Combine(CiFolder, "github-action-workflow.yml")), "jobs");
        int uses = 0;
        foreach (var job in jobs.Values.Cast<Dictionary<object, object>>())
        {
            foreach (var step in ((List<object>)job["steps"]).Cast<Dictionary<object, object>>().Where(s => s.TryGetValue("uses", out var u) && ((string)u).StartsWith("peeringlint/peeringlint@", StringComparison.Ordinal)))
            {
                uses++;
                foreach (var key in ((Dictionary<object, object>)step["with"]).Keys.Cast<string>())
                {
                    Assert.Contains(key, inputs);
                }
            }
        }

        Assert.Equal(2, uses);
    }
}
