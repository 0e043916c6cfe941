using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using PeeringLint.Engine;
using PeeringLint.Model;

namespace PeeringLint.Cli.Output.Pipelines;

/// <summary>
/// JUnit XML as Jenkins, Azure Pipelines and GitLab read it: one <c>testsuite</c> per input file; in it one
/// <c>testcase</c> per rule and element with a finding (a <c>failure</c> per finding at or above the severity
/// threshold; findings below it pass, with their text in <c>system-out</c>), one passing <c>testcase</c> per rule that
/// ran and found nothing there, so a dashboard shows what was checked, and an <c>error</c> per input problem.
/// </summary>
internal static class JUnitReporter
{
    public static void Write(TextWriter w, LintRun run)
    {
        var files = new SortedSet<string>(run.Load.Model.Files, StringComparer.Ordinal);
        var findings = run.Shown.ToList();
        foreach (var f in findings.Where(f => !f.Location.IsNone))
        {
            files.Add(f.Location.Path);
        }

        foreach (var p in run.Problems.Where(p => !p.Location.IsNone))
        {
            files.Add(p.Location.Path);
        }

        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false), CheckCharacters = false };
        var suites = files.Select(path => Suite(path, run, findings.Where(f => f.Location.Path == path).ToList(), run.Problems.Where(p => p.Location.Path == path).ToList())).ToList();
        var orphans = Suite(string.Empty, run, findings.Where(f => f.Location.IsNone).ToList(), run.Problems.Where(p => p.Location.IsNone).ToList(), withPassing: false);
        if (orphans.Cases.Count > 0 || run.Result.Failures.Count > 0)
        {
            foreach (var failure in run.Result.Failures)
            {
                orphans.Cases.Add(new Case("peeringlint", "internal error in rule " + failure.RuleId) { Errors = { (ToolDiagnostics.InternalError, failure.Message + " (please report this bug)") } });
            }

            suites.Add(orphans);
        }

        var sb = new StringBuilder();
        using (var x = XmlWriter.Create(new StringWriter(sb, CultureInfo.InvariantCulture), settings))
        {
            x.WriteStartDocument();
            x.WriteStartElement("testsuites");
            x.WriteAttributeString("name", "peeringlint");
            x.WriteAttributeString("tests", Count(suites.Sum(s => s.Cases.Count)));
            x.WriteAttributeString("failures", Count(suites.Sum(s => s.Failures)));
            x.WriteAttributeString("errors", Count(suites.Sum(s => s.ErrorCount)));
            foreach (var suite in suites)
            {
                x.WriteStartElement("testsuite");
                x.WriteAttributeString("name", Text(suite.Name.Length == 0 ? "peeringlint" : suite.Name));
                x.WriteAttributeString("tests", Count(suite.Cases.Count));
                x.WriteAttributeString("failures", Count(suite.Failures));
                x.WriteAttributeString("errors", Count(suite.ErrorCount));
                x.WriteAttributeString("skipped", "0");
                if (suite.Name.Length > 0)
                {
                    x.WriteAttributeString("file", Text(suite.Name));
                }

                foreach (var c in suite.Cases)
                {
                    x.WriteStartElement("testcase");
                    x.WriteAttributeString("name", Text(c.Name));
                    x.WriteAttributeString("classname", Text(c.ClassName));
                    foreach (var (type, message) in c.Errors)
                    {
                        x.WriteStartElement("error");
                        x.WriteAttributeString("type", type);
                        x.WriteAttributeString("message", Text(message));
                        x.WriteString(Text(message));
                        x.WriteEndElement();
                    }

                    foreach (var f in c.Failing)
                    {
                        x.WriteStartElement("failure");
                        x.WriteAttributeString("type", f.RuleId);
                        x.WriteAttributeString("message", Text(f.Message));
                        x.WriteString(Text(Line(f)));
                        x.WriteEndElement();
                    }

                    if (c.Passing.Count > 0)
                    {
                        x.WriteElementString("system-out", Text(string.Join("\n", c.Passing.Select(Line))));
                    }

                    x.WriteEndElement();
                }

                x.WriteEndElement();
            }

            x.WriteEndElement();
            x.WriteEndDocument();
        }

        w.Write(sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\""));
        w.Write('\n');

        Suite Suite(string path, LintRun run, List<Finding> inFile, List<InputProblem> problems, bool withPassing = true)
        {
            var suite = new Suite(path);
            if (problems.Count > 0)
            {
                var input = new Case(path, "input");
                foreach (var p in problems)
                {
                    if (p.Severity == InputProblemSeverity.Error)
                    {
                        input.Errors.Add((ToolDiagnostics.InputProblem, $"{p.Location}: {p.Message}"));
                    }
                }

                if (input.Errors.Count > 0)
                {
                    suite.Cases.Add(input);
                }
            }

            foreach (var group in inFile.GroupBy(f => (f.RuleId, Element: f.ElementId ?? $"{f.Location.StartLine}:{f.Location.StartColumn}")).OrderBy(g => g.Key.RuleId, StringComparer.Ordinal).ThenBy(g => g.Key.Element, StringComparer.Ordinal))
            {
                var c = new Case(path, $"{group.Key.RuleId} {Slug(group.Key.RuleId)}: {group.Key.Element}");
                foreach (var f in group)
                {
                    (f.Severity >= run.Threshold ? c.Failing : c.Passing).Add(f);
                }

                suite.Cases.Add(c);
            }

            if (withPassing)
            {
                var fired = new HashSet<string>(inFile.Select(f => f.RuleId), StringComparer.Ordinal);
                foreach (var rule in run.Rules.Where(r => !fired.Contains(r.Id)))
                {
                    suite.Cases.Add(new Case(path, $"{rule.Id} {rule.Slug}"));
                }
            }

            return suite;
        }
    }

    private static string Slug(string ruleId) => RuleCatalog.Find(ruleId)?.Descriptor.Slug ?? ruleId;

    private static string Line(Finding f) =>
        $"{f.Location}: {TextReporter.SeverityName(f.Severity)} {f.RuleId}: {f.Message}";

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Text XML 1.0 can carry: control characters as <see cref="TextEscaping"/> shows them everywhere (CR and LF kept), and what only XML forbids: lone surrogates become U+FFFD, U+FFFE and U+FFFF become escapes.
    /// </summary>
    internal static string Text(string s)
    {
        s = TextEscaping.Escape(s, keepLineBreaks: true);
        StringBuilder? sb = null;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb?.Append(c).Append(s[i + 1]);
                i++;
                continue;
            }

            string? replacement = char.IsSurrogate(c) ? "\uFFFD" : c is '\uFFFE' or '\uFFFF' ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : null;
            if (replacement is not null)
            {
                sb ??= new StringBuilder(s, 0, i, s.Length + 16);
                sb.Append(replacement);
            }
            else
            {
                sb?.Append(c);
            }
        }

        return sb?.ToString() ?? s;
    }

    private sealed class Suite
    {
        public Suite(string name) => Name = name;

        public string Name { get; }

        public List<Case> Cases { get; } = new();

        public int Failures => Cases.Count(c => c.Failing.Count > 0);

        public int ErrorCount => Cases.Count(c => c.Errors.Count > 0);
    }

    private sealed class Case
    {
        public Case(string className, string name)
        {
            ClassName = className.Length == 0 ? "peeringlint" : className;
            Name = name;
        }

        public string ClassName { get; }

        public string Name { get; }

        public List<(string Type, string Message)> Errors { get; } = new();

        public List<Finding> Failing { get; } = new();

        public List<Finding> Passing { get; } = new();
    }
}
