using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PeeringLint.Engine;

namespace PeeringLint.Cli.Output.Graph;

/// <summary>What a node stands for (writers pick shapes from it).</summary>
internal enum NodeKind
{
    Summary,
    Subnet,
    RouteTable,
    InternetGateway,
    Peering,
    Instance,
    Internet,
    RouteTarget,
    Missing,
    Endpoint,
    ExternalVpc,
    Placeholder,
    TransitGateway,
}

internal enum ClusterKind
{
    Group,
    Vpc,
    ExternalVpc,
}

internal enum EdgeKind
{
    /// <summary>Subnet → its effective route table, instance → its subnet.</summary>
    Association,

    /// <summary>Route table (or VPC summary) → route target, labelled with the destination.</summary>
    Route,

    /// <summary>A peering side without any route over it: VPC ↔ peering.</summary>
    PeeringSide,

    /// <summary>A connectivity intent.</summary>
    Intent,
}

/// <summary>How an intent edge is drawn.</summary>
internal enum IntentState
{
    NotEvaluated,
    Reachable,
    Blocked,
    Unknown,
}

/// <summary>Findings attached to one drawn thing: highest severity and sorted distinct rule ids.</summary>
internal sealed class FindingMarks
{
    private readonly SortedSet<string> _rules = new(StringComparer.Ordinal);
    private readonly List<string> _messages = new();

    public Severity? Severity { get; private set; }

    public IReadOnlyCollection<string> RuleIds => _rules;

    public IReadOnlyList<string> Messages => _messages;

    public bool IsEmpty => Severity is null;

    public void Add(Finding f)
    {
        if (Severity is null || f.Severity > Severity)
        {
            Severity = f.Severity;
        }

        _rules.Add(f.RuleId);
        string m = f.RuleId + ": " + f.Message;
        if (!_messages.Contains(m))
        {
            _messages.Add(m);
        }
    }

    public void AddAll(FindingMarks other)
    {
        if (other.Severity is { } s && (Severity is null || s > Severity))
        {
            Severity = s;
        }

        _rules.UnionWith(other._rules);
        foreach (var m in other._messages)
        {
            if (!_messages.Contains(m))
            {
                _messages.Add(m);
            }
        }
    }

    public string RuleText => string.Join(" ", _rules);
}

internal sealed class GraphNode
{
    public GraphNode(string id, NodeKind kind, IReadOnlyList<string> lines)
    {
        Id = id;
        Kind = kind;
        Lines = lines.ToList();
    }

    public string Id { get; }

    public NodeKind Kind { get; }

    /// <summary>Label lines, plain text (writers escape).</summary>
    public List<string> Lines { get; }

    public FindingMarks Marks { get; } = new();

    /// <summary>Extra tooltip lines (element ids, sides of a peering).</summary>
    public List<string> Tooltip { get; } = new();

    /// <summary>Intents this node blocks (the blocking hop), by name.</summary>
    public List<string> Blocks { get; } = new();

    public bool Dashed { get; init; }
}

internal sealed class GraphCluster
{
    public GraphCluster(string id, ClusterKind kind, IReadOnlyList<string> lines)
    {
        Id = id;
        Kind = kind;
        Lines = lines.ToList();
    }

    public string Id { get; }

    public ClusterKind Kind { get; }

    public List<string> Lines { get; }

    public FindingMarks Marks { get; } = new();

    public List<string> Tooltip { get; } = new();

    public List<GraphCluster> Clusters { get; } = new();

    public List<GraphNode> Nodes { get; } = new();

    public bool Dashed => Kind == ClusterKind.ExternalVpc;

    /// <summary>The first node in this cluster or its sub-clusters (edges to a cluster end there).</summary>
    public GraphNode? Anchor => Nodes.Count > 0 ? Nodes[0] : Clusters.Select(c => c.Anchor).FirstOrDefault(a => a is not null);
}

internal sealed class GraphEdge
{
    public GraphEdge(string from, string to, EdgeKind kind)
    {
        From = from;
        To = to;
        Kind = kind;
    }

    public string From { get; }

    public string To { get; }

    public EdgeKind Kind { get; }

    /// <summary>Label lines, plain text.</summary>
    public List<string> Lines { get; } = new();

    public FindingMarks Marks { get; } = new();

    public IntentState Intent { get; init; }

    /// <summary>Dot only: lay the edge out right-to-left (dir=back) so that peered VPCs face each other.</summary>
    public bool Reversed { get; init; }

    /// <summary>Dot only: cluster the edge starts/ends at (compound edges).</summary>
    public string? TailCluster { get; init; }

    public string? HeadCluster { get; init; }

    /// <summary>Number of routes merged into this edge (collapsed view).</summary>
    public int Count { get; set; } = 1;
}

/// <summary>
/// A small, writer-independent picture of the topology: clusters (account/region groups, VPCs), nodes, edges,
/// each carrying the findings that touch it. Built by <see cref="TopologyBuilder"/>, drawn by
/// <see cref="DotWriter"/> and <see cref="MermaidWriter"/>. Everything is in a deterministic order.
/// </summary>
internal sealed class TopologyGraph
{
    public string Title { get; set; } = "PeeringLint topology";

    public List<string> Subtitle { get; } = new();

    public List<GraphCluster> Clusters { get; } = new();

    public List<GraphNode> Nodes { get; } = new();

    public List<GraphEdge> Edges { get; } = new();

    public bool Detail { get; set; }

    public IEnumerable<GraphNode> AllNodes()
    {
        foreach (var n in Nodes)
        {
            yield return n;
        }

        foreach (var c in AllClusters())
        {
            foreach (var n in c.Nodes)
            {
                yield return n;
            }
        }
    }

    public IEnumerable<GraphCluster> AllClusters()
    {
        var stack = new Stack<GraphCluster>(Enumerable.Reverse(Clusters));
        while (stack.Count > 0)
        {
            var c = stack.Pop();
            yield return c;
            for (int i = c.Clusters.Count - 1; i >= 0; i--)
            {
                stack.Push(c.Clusters[i]);
            }
        }
    }
}

/// <summary>Colours (6-digit hex only: Graphviz rejects CSS names with alpha) and stable node ids.</summary>
internal static class GraphStyle
{
    public const string Error = "#d73a49";
    public const string Warning = "#dbab09";
    public const string Note = "#0366d6";
    public const string Reachable = "#28a745";
    public const string Neutral = "#6a737d";
    public const string Border = "#444d56";
    public const string Text = "#24292e";

    public static string Colour(Severity s) => s switch
    {
        Severity.Error => Error,
        Severity.Warning => Warning,
        _ => Note,
    };

    /// <summary>A light fill that goes with <see cref="Colour"/>.</summary>
    public static string Fill(Severity s) => s switch
    {
        Severity.Error => "#ffeef0",
        Severity.Warning => "#fff8c5",
        _ => "#f1f8ff",
    };

    public static string ClassName(Severity s) => s switch
    {
        Severity.Error => "sevError",
        Severity.Warning => "sevWarning",
        _ => "sevNote",
    };

    public static string IntentColour(IntentState s) => s switch
    {
        IntentState.Reachable => Reachable,
        IntentState.Blocked => Error,
        IntentState.Unknown => Warning,
        _ => Neutral,
    };

    /// <summary>
    /// A node id safe in dot, Mermaid and SVG: prefix + the id with every character outside [A-Za-z0-9_] replaced
    /// by '_', plus a short hash of the original when anything was replaced (so 'a-b' and 'a_b' stay distinct).
    /// Ids longer than <see cref="MaxIdChars"/> are cut and get a longer hash (a name of any length stays a short id).
    /// </summary>
    public static string NodeId(string prefix, string id)
    {
        var sb = new StringBuilder(prefix.Length + Math.Min(id.Length, MaxIdChars) + 10);
        sb.Append(prefix).Append('_');
        bool changed = false;
        bool cut = id.Length > MaxIdChars;
        foreach (char c in cut ? id.Substring(0, MaxIdChars) : id)
        {
            if (c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('_');
                changed = true;
            }
        }

        if (changed || cut || id.Length == 0)
        {
            uint h = 2166136261;
            foreach (char c in id)
            {
                h = (h ^ c) * 16777619;
            }

            sb.Append('_').Append(cut ? h.ToString("x8", CultureInfo.InvariantCulture) : (h & 0xFFFFFF).ToString("x6", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>The most characters of an element id a node id keeps.</summary>
    public const int MaxIdChars = 48;
}
