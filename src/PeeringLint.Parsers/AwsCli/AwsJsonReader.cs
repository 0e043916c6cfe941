using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using PeeringLint.Model;
using PeeringLint.Parsers.Inputs;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.AwsCli;

/// <summary>
/// Reads describe-* JSON files of one run. Records are mapped as files arrive; joins that span files
/// (the same peering seen from two accounts, regions known only from subnets, ClassicLink flags) are
/// resolved in <see cref="Complete"/>. Every join goes through a dictionary.
/// </summary>
internal sealed class AwsJsonReader : FormatReader<AwsFile>, IStreamingFormatReader
{
    private readonly ElementTables _tables = new();
    private readonly ElementTable<Vpc> _vpcs;
    private readonly ElementTable<Subnet> _subnets;
    private readonly ElementTable<RouteTable> _routeTables;
    private readonly ElementTable<VpcPeeringConnection> _peerings;
    private readonly ElementTable<SecurityGroup> _groups;
    private readonly ElementTable<Instance> _instances;
    private readonly List<(string VpcId, bool Enabled, SourceLocation Location)> _classicLinkVpcs = new();
    private readonly List<(string InstanceId, string VpcId, SourceLocation Location, string? Account, string? Region)> _classicLinkInstances = new();
    private ResourceKinds _coverage;

    public AwsJsonReader()
    {
        _vpcs = _tables.Of<Vpc>();
        _subnets = _tables.Of<Subnet>();
        _routeTables = _tables.Of<RouteTable>();
        _peerings = _tables.Of<VpcPeeringConnection>();
        _peerings.Merge = PeeringMapper.Merge;
        _tables.Of<TransitGateway>().Merge = (a, _) => a;
        _tables.Of<TransitGatewayAttachment>().Merge = TransitGatewayMapper.MergeAttachment;
        _tables.Of<TransitGatewayRouteTable>().Merge = TransitGatewayMapper.MergeTable;
        _groups = _tables.Of<SecurityGroup>();
        _instances = _tables.Of<Instance>();
    }

    public override AwsFile? Map(ParsedFile file, List<InputProblem> problems)
    {
        var shape = AwsShapes.Classify(file.Root);
        if (shape.Kind == AwsShapeKind.None)
        {
            return null;
        }

        var ctx = new AwsReadContext(file.Path, problems);
        (ctx.Account, ctx.Region) = AwsLayout.Hints(file.Folders, file.Path);
        var into = new AwsFile();

        // Every location this reader needs is made below, while mapping: the line index may go with the bytes.
        file.Document.LocationsComplete();
        switch (shape.Kind)
        {
            case AwsShapeKind.Placebo when file.Root is MappingNode root && root.Get("data") is MappingNode data:
                ReadPlacebo(file, root, data, ctx, into);
                break;
            case AwsShapeKind.Examples when file.Root is MappingNode root && root.Get("examples") is MappingNode examples:
                ReadExamples(examples, ctx, into);
                break;
            case AwsShapeKind.Lists:
                ReadBody((MappingNode)file.Root, string.Empty, ctx, into);
                break;
            case AwsShapeKind.Single when file.Root is MappingNode { Count: 1 } root && root.ValueAt(0) is MappingNode record:
                // create-*/accept-* output: the resource as the command left it; a describe-* record of it wins.
                into.Snapshotting = true;
                ReadRecord(shape.Key!, record, root.KeyAt(0)!, ctx, into);
                break;
            case AwsShapeKind.Record when file.Root is MappingNode record:
                ReadRecord(shape.Key!, record, "@", ctx, into);
                break;
            case AwsShapeKind.Array when file.Root is SequenceNode list:
                ReadArray(list, ctx, into);
                break;
        }

        (into.CallGroup, into.CallNumber) = (ctx.CallGroup, ctx.CallNumber);
        return into;
    }

    /// <summary>
    /// Maps a large file record by record as it streams by (plain describe-* output: a top-level object whose
    /// known keys hold lists). Null when the top level is not such an object or names a CloudFormation template.
    /// </summary>
    public object? MapStream(StreamedFile file, List<InputProblem> problems)
    {
        var json = file.Json;
        if (!json.Next(out var type) || type != JsonTokenType.StartObject)
        {
            return null;
        }

        var ctx = new AwsReadContext(file.Path, problems);
        (ctx.Account, ctx.Region) = AwsLayout.Hints(file.Folders, file.Path);
        var into = new AwsFile();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool known = false;
        while (json.Next(out type) && type == JsonTokenType.PropertyName)
        {
            string key = json.PropertyName ?? string.Empty;
            if (!seen.Add(key))
            {
                problems.Add(new InputProblem(json.Document.Locate(json.TokenStart, json.TokenEnd), $"duplicate key '{key}' in a JSON object"));
            }

            if (key is "Resources" or "AWSTemplateFormatVersion" or "status_code" or "examples")
            {
                return null;
            }

            if (!AwsJsonFormat.Keys.Contains(key) || AwsRecordKinds.ByListKey[key] is { ReadList: not null })
            {
                json.SkipValue();
                continue;
            }

            known = true;
            if (json.Peek() != JsonTokenType.StartArray)
            {
                ctx.List(json.ReadValue(), key, key);
                continue;
            }

            json.Next(out _);
            int i = 0;
            while (json.Peek() is not JsonTokenType.EndArray and not JsonTokenType.None)
            {
                var item = json.ReadValue();
                if (i == 0)
                {
                    into.Coverage |= Coverage(key, item);
                }

                ReadItem(key, key, i, item, ctx, into);
                i++;
            }

            json.Next(out _);
            if (i == 0)
            {
                into.Coverage |= Coverage(key, null);
            }
        }

        return known ? into : null;
    }

    public override void Add(AwsFile file, List<InputProblem> problems)
    {
        _coverage |= file.Coverage;
        _classicLinkVpcs.AddRange(file.ClassicLinkVpcs);
        _classicLinkInstances.AddRange(file.ClassicLinkInstances);
        for (int k = 0; k < file.Elements.Count; k++)
        {
            var element = file.Elements[k];
            var from = new RecordOrigin(file.CallGroup, file.CallNumber, file.IsSnapshot(k));
            _tables.Add(element, from, problems);
        }
    }

    public override void Complete(NetworkModelBuilder builder, List<InputProblem> problems)
    {
        ApplyClassicLink(problems);
        InferOwnersAndRegions();
        _tables.CopyTo(builder);
        builder.Coverage |= _coverage;
    }

    private static void ReadPlacebo(ParsedFile file, MappingNode root, MappingNode data, AwsReadContext ctx, AwsFile into)
    {
        var status = root.Get("status_code") as ScalarNode;
        if (data.Has("Error") || (status?.AsInt() is { } code && code != 200))
        {
            ctx.Note(root, "status_code", $"a recorded error response (status {status?.Value ?? "?"}); nothing to read");
            return;
        }

        // ec2.DescribeSecurityGroups_2.json: call 2 of that operation in this folder.
        string path = file.Path;
        int dot = path.LastIndexOf('.');
        int underscore = path.LastIndexOf('_');
        if (dot > underscore + 1 && underscore > path.LastIndexOf('/')
            && int.TryParse(path.Substring(underscore + 1, dot - underscore - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            ctx.CallGroup = path.Substring(0, underscore);
            ctx.CallNumber = n;
        }

        ReadBody(data, "data.", ctx, into);
    }

    private static void ReadExamples(MappingNode examples, AwsReadContext ctx, AwsFile into)
    {
        foreach (var op in examples.Entries)
        {
            string name = op.Key.Value ?? string.Empty;
            if (!name.StartsWith("Describe", StringComparison.Ordinal) || op.Value is not SequenceNode list)
            {
                continue;
            }

            for (int i = 0; i < list.Items.Count; i++)
            {
                if (list.Items[i] is MappingNode example && example.Get("output") is MappingNode output && AwsJsonFormat.HasKnownKey(output))
                {
                    ReadBody(output, "examples." + name + "[" + i.ToString(CultureInfo.InvariantCulture) + "].output.", ctx, into);
                }
            }
        }
    }

    /// <summary>One response body: every known top-level key (several when files were merged with <c>jq -s add</c>).</summary>
    private static void ReadBody(MappingNode body, string prefix, AwsReadContext ctx, AwsFile into)
    {
        ctx.Prefix = prefix;

        // run-instances prints one reservation: its Instances are the instances just launched (not all of them,
        // and not describe-classic-link-instances records).
        bool reservation = body.Has("ReservationId") && body.Has("Instances");
        if (reservation)
        {
            into.Snapshotting = true;
            InstanceMapper.ReadReservation(body, prefix.TrimEnd('.'), ctx, into, launch: true);
            into.Snapshotting = false;
        }

        for (int e = 0; e < body.Count; e++)
        {
            string key = body.KeyAt(e) ?? string.Empty;
            if (!AwsJsonFormat.Keys.Contains(key) || (reservation && key == "Instances") || !AwsRecordKinds.ByListKey[key].Claims(body))
            {
                continue;
            }

            string listPath = prefix + key;
            var list = ctx.List(body.ValueAt(e), listPath, key);
            if (list is null)
            {
                continue;
            }

            if (AwsRecordKinds.ByListKey[key].ReadList is { } readList)
            {
                readList(list, listPath, body, ctx, into);
                continue;
            }

            into.Coverage |= Coverage(key, list.Items.Count > 0 ? list.Items[0] : null);
            var items = list.Items;
            for (int i = 0; i < items.Count; i++)
            {
                ReadItem(key, listPath, i, items[i], ctx, into);
            }
        }
    }

    /// <summary>A bare list of records (an <c>--query</c> result); each record is read as the kind its fields identify.</summary>
    private static void ReadArray(SequenceNode list, AwsReadContext ctx, AwsFile into)
    {
        foreach (var (item, path) in AwsShapes.FlattenWithPaths(list, string.Empty))
        {
            if (item is MappingNode m && AwsShapes.KeyOf(m) is { } key)
            {
                ReadRecord(key, m, path, ctx, into);
            }
            else
            {
                ctx.Warning(item, path, $"this item ({item.KindName}) is not an EC2 record PeeringLint reads; it is skipped");
            }
        }
    }

    /// <summary>Item <paramref name="i"/> of the list under <paramref name="key"/>, read whole or streamed.</summary>
    private static void ReadItem(string key, string listPath, int i, SyntaxNode item, AwsReadContext ctx, AwsFile into)
    {
        string path = LogicalPaths.Item(listPath, i);
        if (ctx.Item(item, path, $"an item of '{key}'") is { } m)
        {
            ReadRecord(key, m, path, ctx, into);
        }
    }

    /// <summary>One record of the kind the describe-* list key <paramref name="key"/> holds (<see cref="AwsRecordKinds"/>).</summary>
    private static void ReadRecord(string key, MappingNode m, string path, AwsReadContext ctx, AwsFile into) =>
        AwsRecordKinds.ByListKey[key].Read(m, path, ctx, into);

    private static ResourceKinds Coverage(string key, SyntaxNode? firstItem) => AwsRecordKinds.ByListKey[key].CoverageOf(firstItem);

    private void ApplyClassicLink(List<InputProblem> problems)
    {
        if (_classicLinkVpcs.Count > 0)
        {
            var index = IndexOf(_vpcs);
            foreach (var (vpcId, enabled, location) in _classicLinkVpcs)
            {
                if (index.TryGetValue(vpcId, out int at))
                {
                    _vpcs.Set(at, _vpcs[at] with { ClassicLinkEnabled = enabled });
                }
                else if (enabled)
                {
                    problems.Add(new InputProblem(location, $"ClassicLink is enabled on VPC '{vpcId}', which is not in the input (add describe-vpcs output)", InputProblemSeverity.Note));
                }
            }
        }

        if (_classicLinkInstances.Count > 0)
        {
            var index = IndexOf(_instances);
            foreach (var (instanceId, vpcId, location, account, region) in _classicLinkInstances)
            {
                if (index.TryGetValue(instanceId, out int at))
                {
                    _instances.Set(at, _instances[at] with { ClassicLinkVpcId = vpcId });
                }
                else
                {
                    // An EC2-Classic instance seen only through describe-classic-link-instances.
                    var instance = new Instance(instanceId, location, null)
                    {
                        ClassicLinkVpcId = vpcId,
                        Account = account,
                        Region = region,
                    };
                    index[instanceId] = _instances.Count;
                    _instances.Add(instance, default, problems);
                }
            }
        }
    }

    /// <summary>
    /// Fills Account and Region where a record does not say them: a VPC's region from its subnets' zones or
    /// from peering records that name it; elements inside a VPC from the VPC; peering sides from their VPCs.
    /// </summary>
    private void InferOwnersAndRegions()
    {
        var subnetRegion = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < _subnets.Count; i++)
        {
            var s = _subnets[i];
            if (s.VpcId is not null && s.Region is not null && !subnetRegion.ContainsKey(s.VpcId))
            {
                subnetRegion[s.VpcId] = s.Region;
            }
        }

        for (int i = 0; i < _peerings.Count; i++)
        {
            var p = _peerings[i];
            foreach (var side in new[] { p.Requester, p.Accepter })
            {
                if (side.VpcId is not null && side.Region is not null && !subnetRegion.ContainsKey(side.VpcId))
                {
                    subnetRegion[side.VpcId] = side.Region;
                }
            }
        }

        var vpcIndex = new Dictionary<string, Vpc>(_vpcs.Count, StringComparer.Ordinal);
        for (int i = 0; i < _vpcs.Count; i++)
        {
            var v = _vpcs[i];
            if (v.Region is null && subnetRegion.TryGetValue(v.Id, out var r))
            {
                v = v with { Region = r };
                _vpcs.Set(i, v);
            }

            vpcIndex[v.Id] = v;
        }

        Fill(_subnets, vpcIndex, s => s.VpcId, (s, a, r) => s with { Account = a, Region = r });
        Fill(_routeTables, vpcIndex, t => t.VpcId, (t, a, r) => t with { Account = a, Region = r });
        Fill(_groups, vpcIndex, g => g.VpcId, (g, a, r) => g with { Account = a, Region = r });
        Fill(_tables.Of<NetworkAcl>(), vpcIndex, n => n.VpcId, (n, a, r) => n with { Account = a, Region = r });
        Fill(_tables.Of<NatGateway>(), vpcIndex, n => n.VpcId, (n, a, r) => n with { Account = a, Region = r });
        Fill(_tables.Of<NetworkInterface>(), vpcIndex, n => n.VpcId, (n, a, r) => n with { Account = a, Region = r });
        Fill(_instances, vpcIndex, n => n.VpcId, (n, a, r) => n with { Account = a, Region = r });

        for (int i = 0; i < _peerings.Count; i++)
        {
            var p = _peerings[i];
            var req = FillSide(p.Requester, vpcIndex);
            var acc = FillSide(p.Accepter, vpcIndex);
            if (!ReferenceEquals(req, p.Requester) || !ReferenceEquals(acc, p.Accepter) || (p.Region is null && req.Region is not null) || (p.Account is null && req.OwnerId is not null))
            {
                _peerings.Set(i, p with { Requester = req, Accepter = acc, Region = p.Region ?? req.Region, Account = p.Account ?? req.OwnerId });
            }
        }
    }

    private static PeeringSide FillSide(PeeringSide side, Dictionary<string, Vpc> vpcs)
    {
        if ((side.Region is not null && side.OwnerId is not null) || side.VpcId is null || !vpcs.TryGetValue(side.VpcId, out var vpc))
        {
            return side;
        }

        var region = side.Region ?? vpc.Region;
        var owner = side.OwnerId ?? vpc.Account;
        return region == side.Region && owner == side.OwnerId ? side : side with { Region = region, OwnerId = owner };
    }

    private static void Fill<T>(ElementTable<T> table, Dictionary<string, Vpc> vpcs, Func<T, string?> vpcOf, Func<T, string?, string?, T> with)
        where T : Element
    {
        for (int i = 0; i < table.Count; i++)
        {
            var item = table[i];
            if ((item.Account is not null && item.Region is not null) || vpcOf(item) is not { } vpcId || !vpcs.TryGetValue(vpcId, out var vpc))
            {
                continue;
            }

            var account = item.Account ?? vpc.Account;
            var region = item.Region ?? vpc.Region;
            if (account != item.Account || region != item.Region)
            {
                table.Set(i, with(item, account, region));
            }
        }
    }

    private static Dictionary<string, int> IndexOf<T>(ElementTable<T> table)
        where T : Element
    {
        var d = new Dictionary<string, int>(table.Count, StringComparer.Ordinal);
        for (int i = 0; i < table.Count; i++)
        {
            d[table[i].Id] = i;
        }

        return d;
    }
}
