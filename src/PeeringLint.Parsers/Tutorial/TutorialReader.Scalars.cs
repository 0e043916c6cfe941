using System;
using System.Collections.Generic;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.Tutorial;

internal sealed partial class TutorialReader
{
    /// <summary>Scalars, CIDRs and YAML tags.</summary>
    private sealed partial class FileReader
    {
        private static string? Name(MappingNode m) => Str(m, "name");

        private static string? Str(MappingNode m, string key) => m.Get(key) is ScalarNode { Kind: not ScalarKind.Null } s ? s.Value : null;

        private static IEnumerable<MappingNode> Items(MappingNode m, string key)
        {
            if (m.Get(key) is SequenceNode seq)
            {
                foreach (var item in seq.Items)
                {
                    if (item is MappingNode mi)
                    {
                        yield return mi;
                    }
                }
            }
        }

        private IReadOnlyList<CidrValue> Cidrs(IReadOnlyList<ScalarNode> nodes, string path)
        {
            var list = new CidrValue[nodes.Count];
            for (int i = 0; i < nodes.Count; i++)
            {
                list[i] = Cidr(nodes[i], nodes.Count == 1 ? path : $"{path}[{i}]");
            }

            return list;
        }

        /// <summary>
        /// A CIDR value. Spaces around it are a warning (the value is read without them; AWS may not be as lenient);
        /// leading zeros ("010.1.0.0/16", "/016") and every other malformed text are kept for PL1004 to report.
        /// </summary>
        private CidrValue Cidr(ScalarNode node, string path)
        {
            string text = node.Value ?? string.Empty;
            var location = node.Location(path);
            if (text.Length > 0 && text.Trim().Length != text.Length)
            {
                _problems.Add(new InputProblem(location, $"the CIDR '{text}' has spaces around it; it is read as {text.Trim()}, but remove them: other tools and AWS may not accept it", InputProblemSeverity.Warning));
            }

            return CidrValue.Parse(text, location);
        }

        /// <summary>
        /// The tutorial format has no YAML tags: an unknown one (<c>!Whatever 10.4.0.0/16</c>) would otherwise be
        /// dropped silently, and CloudFormation's <c>!Ref</c> and the like mean nothing here. YAML's own tags
        /// (<c>!!str</c>) and the non-specific <c>!</c> are allowed. Nodes shared through aliases are checked once.
        /// </summary>
        private void CheckTags(SyntaxNode root)
        {
            var seen = new HashSet<SyntaxNode>();
            var stack = new Stack<SyntaxNode>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var node = stack.Pop();
                if (!seen.Add(node))
                {
                    continue;
                }

                if (node.Tag is { } tag && tag != "!" && !tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal))
                {
                    _problems.Add(new InputProblem(node.Location(), $"unknown tag '{tag}'; the tutorial format uses no YAML tags (intrinsic functions such as !Ref belong in CloudFormation templates)"));
                }

                if (node is MappingNode m)
                {
                    for (int i = m.Entries.Count - 1; i >= 0; i--)
                    {
                        stack.Push(m.Entries[i].Value);
                        stack.Push(m.Entries[i].Key);
                    }
                }
                else if (node is SequenceNode q)
                {
                    for (int i = q.Items.Count - 1; i >= 0; i--)
                    {
                        stack.Push(q.Items[i]);
                    }
                }
            }
        }
    }
}
