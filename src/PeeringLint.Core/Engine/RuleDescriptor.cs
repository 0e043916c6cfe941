using System;
using System.Collections.Generic;
using System.Text;

namespace PeeringLint.Engine;

/// <summary>
/// A rule's metadata: everything the catalogue, the docs, SARIF and the analyzer show. Rules declare it with named
/// arguments (<c>Id:</c>, <c>Name:</c>, <c>Title:</c>, <c>Description:</c>, …) so that the four strings cannot be swapped unnoticed.
/// </summary>
public sealed record RuleDescriptor(
    string Id,
    string Name,
    string Title,
    string Description,
    string Category,
    Severity DefaultSeverity)
{
    /// <summary>Root of the rule pages; a rule's help link is this plus its id.</summary>
    public const string DocsRoot = "https://github.com/peeringlint/peeringlint/blob/main/rules/";

    public string HelpUri => DocsRoot + Id + ".md";

    /// <summary>kebab-case form of <see cref="Name"/>, accepted wherever an id is.</summary>
    public string Slug => ToSlug(Name);

    /// <summary>Tags for SARIF and filtering; security rules carry "security".</summary>
    public IReadOnlyList<string> Tags { get; init; } = Array.Empty<string>();

    /// <summary>GitHub code scanning's security-severity (0.0–10.0) for security rules.</summary>
    public double? SecuritySeverity { get; init; }

    /// <summary>SARIF precision: very-high, high, medium, low.</summary>
    public string Precision { get; init; } = "high";

    /// <summary>True when a code fix exists (the analyzer issue).</summary>
    public bool HasCodeFix { get; init; }

    public static string ToSlug(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 8);
        for (int i = 0; i < pascal.Length; i++)
        {
            char ch = pascal[i];
            if (char.IsUpper(ch))
            {
                bool boundary = i > 0 && (char.IsLower(pascal[i - 1]) || (i + 1 < pascal.Length && char.IsLower(pascal[i + 1]) && char.IsUpper(pascal[i - 1])));
                if (boundary)
                {
                    sb.Append('-');
                }

                sb.Append(char.ToLowerInvariant(ch));
            }
            else
            {
                sb.Append(ch);
            }
        }

        return sb.ToString();
    }
}
