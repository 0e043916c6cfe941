using System.Collections.Generic;
using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.AwsCli;

/// <summary>describe-vpc-peering-connections records, and the merge of one connection seen from two accounts.</summary>
internal static class PeeringMapper
{
    private sealed class PeeringFields : RecordFields
    {
        public PeeringSide? Requester { get; set; }

        public PeeringSide? Accepter { get; set; }

        public PeeringStatus Status { get; set; } = PeeringStatus.Unknown;

        public SourceLocation? StatusLocation { get; set; }

        public bool HasStatus { get; set; }
    }

    private sealed class SideFields : RecordFields
    {
        public string? Region { get; set; }

        public CidrValue? Primary { get; set; }

        public List<CidrValue> V4 { get; } = new(1);

        public List<CidrValue> V6 { get; } = new();

        public PeeringOptions Options { get; set; } = PeeringOptions.Default;
    }

    private sealed class OptionFields : RecordFields
    {
        public bool Dns { get; set; }

        public bool ClassicLinkToVpc { get; set; }

        public bool VpcToClassicLink { get; set; }
    }

    private static readonly FieldTable<PeeringFields> Table = new("peering connection", "VpcPeeringConnectionId", new()
    {
        ["RequesterVpcInfo"] = (r, f) => r.Requester = ReadSide(f),
        ["AccepterVpcInfo"] = (r, f) => r.Accepter = ReadSide(f),
        ["Status"] = (r, f) =>
        {
            if (f.Map() is null)
            {
                return;
            }

            r.HasStatus = true;
            var code = f.Get("Code");
            string? text = code?.Str();
            var at = code ?? f;
            r.StatusLocation = at.Value.Location(at.Path);
            if (Describe.ParseStatus(text) is { } parsed)
            {
                r.Status = parsed;
            }
            else
            {
                at.Warning(text is null ? "the peering connection's 'Status' has no 'Code'; its status is unknown" : $"unknown peering connection status '{text}'; its status is unknown");
            }
        },
    });

    private static readonly FieldTable<OptionFields> Options = new(null, null, new()
    {
        ["AllowDnsResolutionFromRemoteVpc"] = (r, f) => r.Dns = f.Bool() ?? false,
        ["AllowEgressFromLocalClassicLinkToRemoteVpc"] = (r, f) => r.ClassicLinkToVpc = f.Bool() ?? false,
        ["AllowEgressFromLocalVpcToRemoteClassicLink"] = (r, f) => r.VpcToClassicLink = f.Bool() ?? false,
    });

    private static readonly FieldTable<SideFields> Sides = new(null, null, new()
    {
        ["Region"] = (r, f) => r.Region = f.Str(),
        ["CidrBlock"] = (r, f) => r.Primary = f.Cidr(),
        ["CidrBlockSet"] = (r, f) => ReadBlockSet(f, "CidrBlock", r.V4),
        ["Ipv6CidrBlockSet"] = (r, f) => ReadBlockSet(f, "Ipv6CidrBlock", r.V6),
        ["PeeringOptions"] = (r, f) =>
        {
            if (f.Map() is { } o)
            {
                var x = Options.Read(o, f.Path, f.Ctx);
                r.Options = new PeeringOptions
                {
                    AllowDnsResolutionFromRemoteVpc = x.Dns,
                    AllowEgressFromLocalClassicLinkToRemoteVpc = x.ClassicLinkToVpc,
                    AllowEgressFromLocalVpcToRemoteClassicLink = x.VpcToClassicLink,
                    Location = o.Location(f.Path),
                };
            }
        },
    });

    public static VpcPeeringConnection? Read(MappingNode m, string path, AwsReadContext ctx)
    {
        if (!Table.TryRead(m, path, ctx, out var r))
        {
            return null;
        }

        string id = r.Id!;
        if (!r.HasStatus)
        {
            ctx.Warning(m, path, $"peering connection '{id}' has no 'Status'; its status is unknown");
        }

        var loc = m.Location(path);
        if (r.Requester is null)
        {
            ctx.Warning(m, path, $"peering connection '{id}' has no 'RequesterVpcInfo'");
        }

        if (r.Accepter is null)
        {
            ctx.Warning(m, path, $"peering connection '{id}' has no 'AccepterVpcInfo'");
        }

        var requester = r.Requester ?? new PeeringSide(null, loc);
        var accepter = r.Accepter ?? new PeeringSide(null, loc);
        return new VpcPeeringConnection(id, loc, requester, accepter)
        {
            Name = r.Name,
            Account = requester.OwnerId ?? ctx.Account,
            Region = requester.Region ?? ctx.Region,
            Status = r.Status,
            StatusLocation = r.StatusLocation,
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

    private static PeeringSide? ReadSide(Field f)
    {
        if (f.Map() is not { } m)
        {
            return null;
        }

        var r = Sides.Read(m, f.Path, f.Ctx);
        var v4 = r.V4;
        if (v4.Count == 0 && r.Primary is not null)
        {
            v4.Add(r.Primary);
        }
        else if (r.Primary?.Value is { } pv)
        {
            VpcMapper.PrimaryFirst(v4, pv);
        }

        return new PeeringSide(r.VpcId, m.Location(f.Path))
        {
            OwnerId = r.OwnerId,
            Region = r.Region,
            Ipv4Cidrs = v4.ToArray(),
            Ipv6Cidrs = r.V6.ToArray(),
            Options = r.Options,
        };
    }

    private static void ReadBlockSet(Field f, string blockKey, List<CidrValue> into)
    {
        foreach (var (item, ip) in f.Items($"an item of '{f.Key}'"))
        {
            if (item.Get(blockKey) is { } b && new Field(b, ip, blockKey, f.Ctx).Cidr() is { } c)
            {
                into.Add(c);
            }
        }
    }
}
