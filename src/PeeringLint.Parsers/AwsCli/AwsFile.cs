using System.Collections.Generic;
using PeeringLint.Model;

namespace PeeringLint.Parsers.AwsCli;

/// <summary>
/// What one describe-* file contributes, mapped on its own (on any thread) before <see cref="AwsJsonReader.Add"/>
/// merges it into the run's tables in path order.
/// </summary>
internal sealed class AwsFile
{
    /// <summary>Records in file order.</summary>
    public List<Element> Elements { get; } = new();

    public List<(string VpcId, bool Enabled, SourceLocation Location)> ClassicLinkVpcs { get; } = new();

    public List<(string InstanceId, string VpcId, SourceLocation Location, string? Account, string? Region)> ClassicLinkInstances { get; } = new();

    public ResourceKinds Coverage { get; set; }

    /// <summary>The placebo call the file records (later calls of one operation win); null for plain CLI output.</summary>
    public string? CallGroup { get; set; }

    public int CallNumber { get; set; }

    /// <summary>
    /// While true, records added are snapshots: the output of a create-*/accept-*/run-instances command, the
    /// resource as that command left it. A describe-* record of the same resource replaces a snapshot.
    /// </summary>
    public bool Snapshotting { get; set; }

    private HashSet<int>? _snapshots;

    public bool IsSnapshot(int index) => _snapshots?.Contains(index) == true;

    public void Add(Element? element)
    {
        if (element is not null)
        {
            if (Snapshotting)
            {
                (_snapshots ??= new HashSet<int>()).Add(Elements.Count);
            }

            Elements.Add(element);
        }
    }
}
