using System.Collections.Generic;
using System.Linq;
using PeeringLint.Addressing;
using PeeringLint.Engine;
using PeeringLint.Fixes;
using PeeringLint.Model;

namespace PeeringLint.Rules.Routing;

/// <summary>A route over a peering connection with no route back from the peer's tables.</summary>
public sealed class PL2001MissingReturnRoute : Rule
{
    public static readonly RuleDescriptor Rule = new(
        Id: "PL2001",
        Name: "MissingReturnRoute",
        Title: "Peering route has no return route",
        Description: "A route in one VPC sends (part of) the peer VPC's CIDR over a peering connection, but a route table of the peer VPC that serves the destination subnets has no route sending the source subnet's addresses back over the same connection. Requests arrive; replies are routed elsewhere or dropped.",
        Category: RuleCategories.Routing,
        DefaultSeverity: Severity.Error)
    {
        HasCodeFix = true,
    };

    /// <summary>Names of the properties this rule's findings carry (read by the code fixes and in SARIF/JSON output).</summary>
    public static class Keys
    {
        /// <summary>Id of the route table that lacks the return route.</summary>
        public const string ReturnTable = "returnTable";

        /// <summary>The first source range that needs a return route (the fix's destination).</summary>
        public const string ReturnDestination = "returnDestination";

        /// <summary>Every block not routed back, comma-separated.</summary>
        public const string Uncovered = "uncovered";

        /// <summary>Id of the peering connection the return route must use.</summary>
        public const string PeeringConnection = "peeringConnection";
    }

    public override RuleDescriptor Descriptor => Rule;

    public override void Analyze(RuleContext context)
    {
        var index = context.Index;
        // Every route of a table shares the table's source ranges (the routes come table by table: the last table's
        // ranges are the ones asked for), and every route into one peer VPC with the same destination shares its return
        // tables with their facts: both are computed once (by identity, never by comparing all pairs).
        RouteTable? lastTable = null;
        var sourceSet = new SourceSet();
        // The usable blocks of the last table's VPC, as values (a route inside them is PL1002's).
        var ownBlocks = new List<Cidr>(2);
        var peers = new Dictionary<Vpc, PeerFacts>(ReferenceComparer<Vpc>.Instance);
        var facts = new TableFacts(index);
        // The pieces of one route's destination (one list for the run: the rule runs on one thread).
        var peerPieces = new List<Cidr>(2);
        var peeringRoutes = PeeringRoutes.All(index);
        for (int p = 0; p < peeringRoutes.Count; p++)
        {
            var pr = peeringRoutes[p];
            // Stryker disable once all : a cache; fresh ranges and blocks are the same
            if (!ReferenceEquals(pr.Table, lastTable))
            {
                lastTable = pr.Table;
                sourceSet = new SourceSet();
                ownBlocks.Clear();
                AddUsable(pr.Vpc.Ipv4Cidrs, ownBlocks);
                AddUsable(pr.Vpc.Ipv6Cidrs, ownBlocks);
            }

            // AWS shows routes to a connection that is not accepted yet as blackhole; they still say where traffic is meant to go.
            bool notYetActive = pr.Peering.Status is PeeringStatus.PendingAcceptance or PeeringStatus.InitiatingRequest or PeeringStatus.Provisioning;
            // No pattern variables in conditions: Stryker cannot compile their mutants (CS0165; docs/quality.md).
            Cidr? destination = pr.Route.Destination?.Value;
            if (destination is null || (pr.Route.State == RouteState.Blackhole && !notYetActive) || AnyContains(ownBlocks, destination.Value))
            {
                continue;
            }

            var dest = destination.Value;

            var peerVpc = pr.PeerVpc;
            if (peerVpc is null)
            {
                continue;
            }

            // Stryker disable once all : a cache; fresh PeerFacts hold the same tables
            if (!peers.TryGetValue(peerVpc, out var peer))
            {
                peer = new PeerFacts(index, peerVpc);
                peers[peerVpc] = peer;
            }

            var peerTables = peer.Tables;
            if (peerTables.Count == 0)
            {
                continue;
            }

            // The part of the destination that really is the peer VPC (its usable IPv4 blocks, then IPv6).
            peerPieces.Clear();
            AddPieces(peer.Blocks, dest, peerPieces);
            if (peerPieces.Count == 0)
            {
                continue;
            }

            var sources = sourceSet.For(index, pr.Table, pr.Vpc, dest.Family, out bool sourcesKnown);
            if (sources.Count == 0)
            {
                continue;
            }

            // Without the peer's subnets, its only table is still known to serve them all (unless it is the main table the
            // reader added for a template VPC: then no table of that VPC came from the input); with several, which one does is not.
            bool noPeerSubnets = peer.NoSubnets;
            if (noPeerSubnets && (peerTables.Count > 1 || peerTables[0].IsImplicit))
            {
                CheckWithoutPeerSubnets(context, facts, pr, dest, peerVpc, sources, sourcesKnown, notYetActive);
                continue;
            }

            // Without subnets, the VPC's one table; else the tables of the subnets inside the destination (they follow
            // from the peer VPC and the destination alone).
            var returnTables = peer.ReturnTables(index, facts, dest, peerPieces);
            for (int r = 0; r < returnTables.Length; r++)
            {
                var t = returnTables[r].Table;
                var gaps = Gaps(index, facts, returnTables[r], sources, pr.Peering.Id, notYetActive);
                if (gaps is null || gaps.Count == 0)
                {
                    continue;
                }

                // Without the subnets that use the route's table, the whole VPC stands in for them: a table that sends
                // part of it back may well cover every subnet that really sends, so only "nothing comes back" is proof.
                if (!sourcesKnown && !AllMissing(sources, gaps))
                {
                    continue;
                }

                string message = $"Route {dest} over {pr.Peering.Label} in route table {pr.Table.Label} has no return route: route table {t.Label} of {peerVpc.Label} does not send {GapText(gaps)} back over {pr.Peering.Label}, so replies never arrive.";
                Report(context, pr, dest, t, gaps, message, null, $"{pr.Table.Id}|{dest}|{pr.Peering.Id}|{t.Id}", Repairs(pr, t, gaps));
            }
        }
    }

    /// <summary>
    /// The peer VPC's subnets are not in the input, so which of its tables serves the destination is unknown. One table
    /// that sends everything back is enough; none sending anything back is proof (every table of the VPC is shown); a
    /// partial answer is a note that says what could not be seen. When the only table is the main table a template
    /// reader added (the VPC's subnets and tables may live in another stack), it is a note too.
    /// </summary>
    private static void CheckWithoutPeerSubnets(RuleContext context, TableFacts facts, PeeringRoute pr, Cidr dest, Vpc peerVpc, List<(Cidr Cidr, Element Owner)> sources, bool sourcesKnown, bool notYetActive)
    {
        var index = context.Index;
        var tables = index.RouteTablesOf(peerVpc.Id);
        bool allNothing = true;
        RouteTable? first = null;
        List<(Cidr Source, List<Cidr> Missing)>? firstGaps = null;
        foreach (var t in tables)
        {
            // Stryker disable once Statement,Block : a shortcut; Gaps returns null for such a table (RouteLookup.HasUnknownRoutes), which returns too
            if (t.RoutesIncomplete)
            {
                return;
            }

            var gaps = Gaps(index, facts, facts.Of(t), sources, pr.Peering.Id, notYetActive);
            if (gaps is null || gaps.Count == 0)
            {
                return;
            }

            allNothing &= AllMissing(sources, gaps);
            if (first is null || (first.IsImplicit && !t.IsImplicit))
            {
                first = t;
                firstGaps = gaps;
            }
        }

        if (first is null || firstGaps is null || (!allNothing && !sourcesKnown))
        {
            return;
        }

        string names = string.Join(", ", tables.Select(t => t.Label));
        string sourceText = string.Join(", ", sources.Select(s => s.Cidr.ToString()));
        if (tables.All(t => t.IsImplicit))
        {
            Report(
                context,
                pr,
                dest,
                first,
                firstGaps,
                $"Route {dest} over {pr.Peering.Label} in route table {pr.Table.Label} may have no return route: {peerVpc.Label} has no subnet and no route table of its own in the input, and its main route table does not send {GapText(firstGaps)} back over {pr.Peering.Label}.",
                Severity.Note,
                $"{pr.Table.Id}|{dest}|{pr.Peering.Id}|?");
            return;
        }

        if (allNothing)
        {
            Report(
                context,
                pr,
                dest,
                first,
                firstGaps,
                $"Route {dest} over {pr.Peering.Label} in route table {pr.Table.Label} has no return route: no route table of {peerVpc.Label} ({names}) sends {sourceText} back over {pr.Peering.Label}, so replies never arrive.",
                null,
                $"{pr.Table.Id}|{dest}|{pr.Peering.Id}|*",
                // Which table serves the peer's subnets is unknown; the repair is unambiguous only when the VPC has one
                // table of its own besides the main table a reader added for it.
                tables.Count(t => !t.IsImplicit) == 1 ? Repairs(pr, first, firstGaps) : null);
            return;
        }

        Report(
            context,
            pr,
            dest,
            first,
            firstGaps,
            $"Route {dest} over {pr.Peering.Label} in route table {pr.Table.Label} may have no return route: no route table of {peerVpc.Label} ({names}) sends all of {sourceText} back over {pr.Peering.Label}, and the subnets of {peerVpc.Label} are not in the input, so which table serves {dest} is unknown.",
            Severity.Note,
            $"{pr.Table.Id}|{dest}|{pr.Peering.Id}|?");
    }

    private static void Report(RuleContext context, PeeringRoute pr, Cidr dest, RouteTable t, List<(Cidr Source, List<Cidr> Missing)> gaps, string message, Severity? severity, string key, IReadOnlyList<Repair>? repairs = null)
    {
        string missingText = GapText(gaps);
        context.Report(
            pr.Route.Destination!.Location,
            message,
            pr.Table,
            new[] { new RelatedLocation(t.Location, $"route table {t.Label} lacks a route for {missingText} over {pr.Peering.Label}") },
            key: key,
            severity: severity,
            ignoredRules: pr.Route.IgnoredRules,
            properties: new Dictionary<string, string>
            {
                [Keys.ReturnTable] = t.Id,
                [Keys.ReturnDestination] = gaps[0].Source.ToString(),
                [Keys.Uncovered] = string.Join(",", gaps.SelectMany(g => g.Missing).Select(c => c.ToString())),
                [Keys.PeeringConnection] = pr.Peering.Id,
            },
            repairs: repairs);
    }

    /// <summary>
    /// The repair when the table that lacks the return route is known (not when the peer's subnets are missing from the
    /// input and any of its tables might serve them): one route per block left uncovered, over the same connection. A
    /// block that already has a route of its own (to another target, or a blackhole) gets none: AWS keeps one route per
    /// destination, and which of the two is meant is not for a linter to decide.
    /// </summary>
    private static IReadOnlyList<Repair>? Repairs(PeeringRoute pr, RouteTable t, List<(Cidr Source, List<Cidr> Missing)> gaps)
    {
        var repairs = new List<Repair>();
        foreach (var block in gaps.SelectMany(g => g.Missing))
        {
            if (t.Routes.Any(r => r.Destination?.Value is { } d && d.Equals(block)))
            {
                return null;
            }

            repairs.Add(new AddRoute(t.Id, t.Location, block.ToString(), pr.Peering.Id, pr.Peering.Location, pr.Route.Destination!.Location));
        }

        return repairs;
    }

    /// <summary>
    /// For each source range, the blocks whose replies <paramref name="t"/> does not send back over the connection
    /// (longest-prefix match over every address of the range, following NAT gateways into their subnet's table).
    /// Null when the table's routes are not all known.
    /// </summary>
    private static List<(Cidr Source, List<Cidr> Missing)>? Gaps(ModelIndex index, TableFacts facts, Facts f, List<(Cidr Cidr, Element Owner)> sources, string pcxId, bool notYetActive)
    {
        if (f.Unknown || (f.PrefixListPeerings is not null && f.PrefixListPeerings.Contains(pcxId)))
        {
            return null;
        }

        List<(Cidr, List<Cidr>)>? result = null;
        var missing = facts.Scratch;
        foreach (var (source, _) in sources)
        {
            missing.Clear();
            if (!CollectMissing(index, f.Lookup, source, pcxId, notYetActive, followNat: true, missing))
            {
                return null;
            }

            if (missing.Count > 0)
            {
                (result ??= new List<(Cidr, List<Cidr>)>()).Add((source, PeeringRoutes.Merge(missing)));
            }
        }

        return result ?? NoGaps;
    }

    /// <summary>Adds the blocks of <paramref name="range"/> not sent back over the connection; false when that cannot be told.</summary>
    private static bool CollectMissing(ModelIndex index, RouteLookup lookup, Cidr range, string pcxId, bool notYetActive, bool followNat, List<Cidr> missing)
    {
        // Most ranges resolve to one route as a whole: no partition list for them.
        // Stryker disable once all : a shortcut; Resolve returns the same single block
        if (lookup.TryResolveWhole(range, out var whole))
        {
            return CollectBlock(index, range, whole, pcxId, notYetActive, followNat, missing);
        }

        foreach (var (block, route) in lookup.Resolve(range))
        {
            if (!CollectBlock(index, block, route, pcxId, notYetActive, followNat, missing))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One block of a range with the route the longest prefix match picks for all of it.</summary>
    private static bool CollectBlock(ModelIndex index, Cidr block, Route? route, string pcxId, bool notYetActive, bool followNat, List<Cidr> missing)
    {
        if (route is null)
        {
            missing.Add(block);
            return true;
        }

        if (route.TargetKind == RouteTargetKind.VpcPeeringConnection && route.TargetId == pcxId)
        {
            if (route.State != RouteState.Active && !notYetActive)
            {
                missing.Add(block);
            }

            return true;
        }

        // Replies sent to a transit gateway may well reach the source (a VPC on both a peering and a TGW, asymmetric
        // but working): whether they do is the TGW route table's business (PL2011, PL2012, reach), not proof here.
        if (route.TargetKind == RouteTargetKind.TransitGateway && route.State == RouteState.Active)
        {
            return false;
        }

        // A NAT gateway forwards what it receives by its own subnet's route table (the private-NAT transit pattern).
        if (followNat && route.TargetKind == RouteTargetKind.NatGateway && route.State == RouteState.Active)
        {
            if (route.TargetId is null || !index.NatGateways.TryGetValue(route.TargetId, out var nat)
                || nat.SubnetId is null || !index.Subnets.TryGetValue(nat.SubnetId, out var natSubnet)
                || index.EffectiveRouteTable(natSubnet) is not { } natTable)
            {
                return false;
            }

            var natLookup = index.Lookup(natTable);
            return !natLookup.HasUnknownRoutes && CollectMissing(index, natLookup, block, pcxId, notYetActive, followNat: false, missing);
        }

        missing.Add(block);
        return true;
    }

    private static readonly List<(Cidr Source, List<Cidr> Missing)> NoGaps = new();

    private static bool AllMissing(List<(Cidr Cidr, Element Owner)> sources, List<(Cidr Source, List<Cidr> Missing)> gaps) =>
        gaps.Count == sources.Count && gaps.All(g => g.Missing.Count == 1 && g.Missing[0].Equals(g.Source));

    /// <summary>"10.1.0.0/24" when a whole source is missing, "10.2.1.0/24, 10.2.2.0/23 (of 10.2.0.0/20)" when part of it is.</summary>
    private static string GapText(List<(Cidr Source, List<Cidr> Missing)> gaps) =>
        string.Join("; ", gaps.Select(g => g.Missing.Count == 1 && g.Missing[0].Equals(g.Source)
            ? g.Source.ToString()
            : $"{string.Join(", ", g.Missing.Select(m => m.ToString()))} (part of {g.Source})"));

    /// <summary>The peer's tables that serve subnets inside the destination.</summary>
    private static IReadOnlyList<RouteTable> ReturnTables(ModelIndex index, Vpc peerVpc, List<Cidr> pieces)
    {
        var tables = new List<RouteTable>(2);
        var subnets = index.SubnetsOf(peerVpc.Id);
        for (int i = 0; i < subnets.Count; i++)
        {
            var s = subnets[i];
            if (!Inside(s, pieces))
            {
                continue;
            }

            var t = index.EffectiveRouteTable(s);
            if (t is not null && !HasId(tables, t.Id))
            {
                tables.Add(t);
            }
        }

        return tables;
    }

    /// <summary>Whether a table with this id is in the list already (a VPC has a handful of tables: a scan, no set).</summary>
    private static bool HasId(List<RouteTable> tables, string id)
    {
        for (int i = 0; i < tables.Count; i++)
        {
            if (tables[i].Id == id)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Inside(Subnet s, List<Cidr> pieces)
    {
        var v6 = s.Ipv6Cidrs;
        foreach (var p in pieces)
        {
            if (s.Ipv4Cidr?.Value is { } c4 && p.Overlaps(c4))
            {
                return true;
            }

            for (int i = 0; i < v6.Count; i++)
            {
                Cidr? c6 = v6[i].Value;
                if (c6 is not null && p.Overlaps(c6.Value))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A route table's source ranges per address family, computed on first use.</summary>
    private sealed class SourceSet
    {
        private List<(Cidr Cidr, Element Owner)>? _v4;
        private List<(Cidr Cidr, Element Owner)>? _v6;
        private bool _v4Known;
        private bool _v6Known;

        public List<(Cidr Cidr, Element Owner)> For(ModelIndex index, RouteTable table, Vpc vpc, IpFamily family, out bool known)
        {
            if (family == IpFamily.V4)
            {
                _v4 ??= SourceRanges(index, table, vpc, family, out _v4Known);
                known = _v4Known;
                return _v4;
            }

            _v6 ??= SourceRanges(index, table, vpc, family, out _v6Known);
            known = _v6Known;
            return _v6;
        }
    }

    /// <summary>The source addresses: the subnets the route's table serves, or the whole VPC when it serves none in the input.</summary>
    private static List<(Cidr Cidr, Element Owner)> SourceRanges(ModelIndex index, RouteTable table, Vpc vpc, IpFamily family, out bool known)
    {
        var served = index.SubnetsServedBy(table);
        var result = new List<(Cidr, Element)>(served.Count);
        for (int i = 0; i < served.Count; i++)
        {
            var s = served[i];
            if (family == IpFamily.V4 && s.Ipv4Cidr?.Value is { } c)
            {
                result.Add((c, s));
            }
            else if (family == IpFamily.V6)
            {
                var v6 = s.Ipv6Cidrs;
                for (int j = 0; j < v6.Count; j++)
                {
                    if (v6[j].Value is { } v)
                    {
                        result.Add((v, s));
                    }
                }
            }
        }

        known = result.Count > 0;
        if (result.Count == 0)
        {
            // The VPC's usable blocks of this family, in ModelIndex.UsableCidrs's order (the IPv4 list, then the IPv6 list).
            AddUsable(vpc.Ipv4Cidrs, vpc, family, result);
            AddUsable(vpc.Ipv6Cidrs, vpc, family, result);
        }

        return result;
    }

    private static void AddUsable(IReadOnlyList<CidrValue> blocks, Vpc vpc, IpFamily family, List<(Cidr, Element)> result)
    {
        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].IsUsable && blocks[i].Value!.Value.Family == family)
            {
                result.Add((blocks[i].Value!.Value, vpc));
            }
        }
    }

    /// <summary>The part of <paramref name="dest"/> in each block it overlaps: the block when it is inside, else all of it.</summary>
    private static void AddPieces(Cidr[] blocks, Cidr dest, List<Cidr> pieces)
    {
        foreach (var b in blocks)
        {
            if (b.Overlaps(dest))
            {
                pieces.Add(b.PrefixLength >= dest.PrefixLength ? b : dest);
            }
        }
    }

    /// <summary>Adds the values of the usable blocks of a VPC's list (IPv4, or IPv6), in order.</summary>
    private static void AddUsable(IReadOnlyList<CidrValue> blocks, List<Cidr> values)
    {
        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i].IsUsable)
            {
                values.Add(blocks[i].Value!.Value);
            }
        }
    }

    private static bool AnyContains(List<Cidr> blocks, Cidr c)
    {
        foreach (var b in blocks)
        {
            if (b.Contains(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What Gaps needs to know of a return table, worked out once per table: its lookup, whether its routes are all
    /// known, and the connections it sends a managed prefix list over (its entries are not in the input, so they may
    /// hold the return addresses).
    /// </summary>
    private sealed class TableFacts
    {
        private readonly ModelIndex _index;
        private readonly Dictionary<RouteTable, Facts> _byTable = new(ReferenceComparer<RouteTable>.Instance);

        public TableFacts(ModelIndex index)
        {
            _index = index;
        }

        /// <summary>A list Gaps reuses for each source's missing blocks (one rule run is one thread).</summary>
        public List<Cidr> Scratch { get; } = new();

        public Facts Of(RouteTable t)
        {
            // Stryker disable once all : a cache; the facts of a table do not change
            if (!_byTable.TryGetValue(t, out var f))
            {
                var lookup = _index.Lookup(t);
                HashSet<string>? prefixLists = null;
                var routes = t.Routes;
                for (int i = 0; i < routes.Count; i++)
                {
                    var r = routes[i];
                    if (r.DestinationPrefixListId is not null && r.TargetId is not null)
                    {
                        (prefixLists ??= new HashSet<string>(System.StringComparer.Ordinal)).Add(r.TargetId);
                    }
                }

                f = new Facts(t, lookup, lookup.HasUnknownRoutes || HasUnresolvedPeeringRoute(t), prefixLists);
                _byTable[t] = f;
            }

            return f;
        }
    }

    /// <summary>
    /// What the routes into one peer VPC share: its tables, whether its subnets are in the input, and the tables (with
    /// their facts) that serve its subnets inside a destination, per destination (most routes into a VPC name all of it).
    /// </summary>
    private sealed class PeerFacts
    {
        private readonly Vpc _vpc;
        private Cidr _firstDest;
        private Facts[]? _first;
        private Dictionary<Cidr, Facts[]>? _others;

        public PeerFacts(ModelIndex index, Vpc vpc)
        {
            _vpc = vpc;
            Tables = index.RouteTablesOf(vpc.Id);
            NoSubnets = index.SubnetsOf(vpc.Id).Count == 0;
            var blocks = new List<Cidr>(vpc.Ipv4Cidrs.Count + vpc.Ipv6Cidrs.Count);
            AddUsable(vpc.Ipv4Cidrs, blocks);
            AddUsable(vpc.Ipv6Cidrs, blocks);
            Blocks = blocks.ToArray();
        }

        public IReadOnlyList<RouteTable> Tables { get; }

        /// <summary>The VPC's usable blocks as values (IPv4, then IPv6).</summary>
        public Cidr[] Blocks { get; }

        public bool NoSubnets { get; }

        public Facts[] ReturnTables(ModelIndex index, TableFacts facts, Cidr dest, List<Cidr> pieces)
        {
            // Stryker disable once all : a cache; the tables are computed again for the same destination
            if (_first is not null && _firstDest.Equals(dest))
            {
                return _first;
            }

            // Stryker disable once all : a cache; the tables are computed again for the same destination
            if (_others is not null && _others.TryGetValue(dest, out var known))
            {
                return known;
            }

            var tables = NoSubnets ? Tables : PL2001MissingReturnRoute.ReturnTables(index, _vpc, pieces);
            var result = new Facts[tables.Count];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = facts.Of(tables[i]);
            }

            if (_first is null)
            {
                _firstDest = dest;
                _first = result;
            }
            else
            {
                (_others ??= new Dictionary<Cidr, Facts[]>())[dest] = result;
            }

            return result;
        }
    }

    private sealed record Facts(RouteTable Table, RouteLookup Lookup, bool Unknown, HashSet<string>? PrefixListPeerings);

    private static bool HasUnresolvedPeeringRoute(RouteTable t)
    {
        var routes = t.Routes;
        for (int i = 0; i < routes.Count; i++)
        {
            var r = routes[i];
            if (r.TargetKind is RouteTargetKind.VpcPeeringConnection or RouteTargetKind.Unknown && (r.TargetId is null || r.Destination?.IsUnknown == true))
            {
                return true;
            }
        }

        return false;
    }
}
