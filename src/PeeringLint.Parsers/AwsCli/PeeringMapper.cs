using System.Collections.Generic;
using System.Globalization;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.AwsCli;

/// <summary>describe-vpc-peering-connections records, and the merge of one connection seen from two accounts.</summary>
internal static class PeeringMapper
{
    public static VpcPeeringConnection? Read(MappingNode m, string path, AwsReadContext ctx)
    {
        string? id = null, name = null;
        PeeringSide? requester = null, accepter = null;
        var status = PeeringStatus.Unknown;
        SourceLocation? statusLocation = null;
        bool hasStatus = false;
        foreach (var e in m.Entries)
        {
            string p = path + "." + e.Key.Value;
            switch (e.Key.Value)
            {
                case "VpcPeeringConnectionId":
                    id = ctx.Str(e.Value, p, "VpcPeeringConnectionId");
                    break;
                case "Tags":
                    name = ctx.NameTag(e.Value, p, "Tags");
                    break;
                case "RequesterVpcInfo":
                    requester = ReadSide(e.Value, p, "RequesterVpcInfo", ctx);
                    break;
                case "AccepterVpcInfo":
                    accepter = ReadSide(e.Value, p, "AccepterVpcInfo", ctx);
                    break;
                case "Status":
                    if (ctx.Map(e.Value, p, "Status") is { } st)
                    {
                        hasStatus = true;
                        var codeNode = st.Get("Code");
                        string? code = codeNode is null ? null : ctx.Str(codeNode, p + ".Code", "Code");
                        statusLocation = (codeNode ?? st).Location(codeNode is null ? p : p + ".Code");
                        if (Describe.ParseStatus(code) is { } parsed)
                        {
                            status = parsed;
                        }
                        else
                        {
                            ctx.Warning(codeNode ?? st, codeNode is null ? p : p + ".Code", code is null
                                ? "the peering connection's 'Status' has no 'Code'; its status is unknown"
                                : $"unknown peering connection status '{code}'; its status is unknown");
                        }
                    }

                    break;
            }
        }

        if (id is null)
        {
            ctx.Error(m, path, "a peering connection record has no 'VpcPeeringConnectionId'; it is skipped");
            return null;
        }

        if (!hasStatus)
        {
            ctx.Warning(m, path, $"peering connection '{id}' has no 'Status'; its status is unknown");
        }

        var loc = m.Location(path);
        if (requester is null)
        {
            ctx.Warning(m, path, $"peering connection '{id}' has no 'RequesterVpcInfo'");
        }

        if (accepter is null)
        {
            ctx.Warning(m, path, $"peering connection '{id}' has no 'AccepterVpcInfo'");
        }

        requester ??= new PeeringSide(null, loc);
        accepter ??= new PeeringSide(null, loc);
        return new VpcPeeringConnection(id, loc, requester, accepter)
        {
            Name = name,
            Account = requester.OwnerId ?? ctx.Account,
            Region = requester.Region ?? ctx.Region,
            Status = status,
            StatusLocation = statusLocation,
        };
    }

    /// <summary>
    /// One connection seen in two files (both accounts list a cross-account peering): the record with more
    /// information is the base, and each side comes from whichever record tells more about it (deleted
    /// records lack CIDR blocks and peering options).
    /// </summary>
    public static VpcPeeringConnection Merge(VpcPeeringConnection first, VpcPeeringConnection second)
    {
        int a = Info(first), b = Info(second);
        var (main, other) = b > a ? (second, first) : (first, second);
        return main with
        {
            Requester = Info(other.Requester) > Info(main.Requester) && SameVpc(main.Requester, other.Requester) ? other.Requester : main.Requester,
            Accepter = Info(other.Accepter) > Info(main.Accepter) && SameVpc(main.Accepter, other.Accepter) ? other.Accepter : main.Accepter,
            Name = main.Name ?? other.Name,
        };
    }

    private static bool SameVpc(PeeringSide x, PeeringSide y) => x.VpcId is null || y.VpcId is null || x.VpcId == y.VpcId;

    private static int Info(VpcPeeringConnection p) =>
        Info(p.Requester) + Info(p.Accepter) + (p.Status != PeeringStatus.Unknown ? 1 : 0);

    private static int Info(PeeringSide s) =>
        (s.VpcId is not null ? 1 : 0) + (s.OwnerId is not null ? 1 : 0) + (s.Region is not null ? 1 : 0)
        + s.Ipv4Cidrs.Count + s.Ipv6Cidrs.Count + (s.Options.Location is not null ? 1 : 0);

    private static PeeringSide? ReadSide(SyntaxNode value, string path, string key, AwsReadContext ctx)
    {
        var m = ctx.Map(value, path, key);
        if (m is null)
        {
            return null;
        }

        string? vpcId = null, owner = null, region = null;
        CidrValue? primary = null;
        var v4 = new List<CidrValue>(1);
        var v6 = new List<CidrValue>();
        var options = PeeringOptions.Default;
        foreach (var e in m.Entries)
        {
            string p = path + "." + e.Key.Value;
            switch (e.Key.Value)
            {
                case "VpcId":
                    vpcId = ctx.Str(e.Value, p, "VpcId");
                    break;
                case "OwnerId":
                    owner = ctx.Str(e.Value, p, "OwnerId");
                    break;
                case "Region":
                    region = ctx.Str(e.Value, p, "Region");
                    break;
                case "CidrBlock":
                    primary = ctx.Cidr(e.Value, p, "CidrBlock");
                    break;
                case "CidrBlockSet":
                    ReadBlockSet(e.Value, p, "CidrBlockSet", "CidrBlock", ctx, v4);
                    break;
                case "Ipv6CidrBlockSet":
                    ReadBlockSet(e.Value, p, "Ipv6CidrBlockSet", "Ipv6CidrBlock", ctx, v6);
                    break;
                case "PeeringOptions":
                    if (ctx.Map(e.Value, p, "PeeringOptions") is { } o)
                    {
                        options = ReadOptions(o, p, ctx);
                    }

                    break;
            }
        }

        if (v4.Count == 0 && primary is not null)
        {
            v4.Add(primary);
        }
        else if (primary?.Value is { } pv && v4.Count > 1)
        {
            for (int i = 1; i < v4.Count; i++)
            {
                if (v4[i].Value is { } c && c.Equals(pv))
                {
                    var moved = v4[i];
                    v4.RemoveAt(i);
                    v4.Insert(0, moved);
                    break;
                }
            }
        }

        return new PeeringSide(vpcId, m.Location(path))
        {
            OwnerId = owner,
            Region = region,
            Ipv4Cidrs = v4,
            Ipv6Cidrs = v6,
            Options = options,
        };
    }

    private static void ReadBlockSet(SyntaxNode value, string path, string key, string blockKey, AwsReadContext ctx, List<CidrValue> into)
    {
        if (ctx.List(value, path, key) is not { } list)
        {
            return;
        }

        for (int i = 0; i < list.Items.Count; i++)
        {
            string ip = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (ctx.Item(list.Items[i], ip, $"an item of '{key}'") is { } item && item.Get(blockKey) is { } b
                && ctx.Cidr(b, ip + "." + blockKey, blockKey) is { } c)
            {
                into.Add(c);
            }
        }
    }

    private static PeeringOptions ReadOptions(MappingNode o, string path, AwsReadContext ctx)
    {
        bool dns = false, clToVpc = false, vpcToCl = false;
        foreach (var e in o.Entries)
        {
            string p = path + "." + e.Key.Value;
            switch (e.Key.Value)
            {
                case "AllowDnsResolutionFromRemoteVpc":
                    dns = ctx.Bool(e.Value, p, "AllowDnsResolutionFromRemoteVpc") ?? false;
                    break;
                case "AllowEgressFromLocalClassicLinkToRemoteVpc":
                    clToVpc = ctx.Bool(e.Value, p, "AllowEgressFromLocalClassicLinkToRemoteVpc") ?? false;
                    break;
                case "AllowEgressFromLocalVpcToRemoteClassicLink":
                    vpcToCl = ctx.Bool(e.Value, p, "AllowEgressFromLocalVpcToRemoteClassicLink") ?? false;
                    break;
            }
        }

        return new PeeringOptions
        {
            AllowDnsResolutionFromRemoteVpc = dns,
            AllowEgressFromLocalClassicLinkToRemoteVpc = clToVpc,
            AllowEgressFromLocalVpcToRemoteClassicLink = vpcToCl,
            Location = o.Location(path),
        };
    }
}
