using System.Linq;
using CsCheck;
using PeeringLint.Addressing;
using PeeringLint.Model;
using PeeringLint.Reachability;
using Xunit;

namespace PeeringLint.Tests.Reachability;

/// <summary>Network ACL first-match evaluation against a brute-force oracle on concrete packets.</summary>
public sealed class NetworkAclPropertyTests
{
    private static readonly Gen<int> Protocol = Gen.Int[0, 3].Select(i => new[] { -1, 6, 17, 1 }[i]);

    private static readonly Gen<NetworkAclEntry> Entry =
        Gen.Select(Gen.Int[1, 400], Protocol, Gen.Bool, Gen.Int[0, 3], Gen.Int[0, 65535], Gen.Int[0, 2000], Gen.Int[8, 32])
            .Select((n, p, allow, a, from, len, prefix) =>
            {
                var cidr = Cidr.FromV4((uint)(10 << 24 | a << 16), prefix);
                var loc = SourceLocation.None;
                int to = System.Math.Min(65535, from + len);
                return new NetworkAclEntry(loc, n, false, p, allow ? AclAction.Allow : AclAction.Deny)
                {
                    Cidr = CidrValue.Known(cidr, loc),
                    FromPort = p is 6 or 17 ? from : null,
                    ToPort = p is 6 or 17 ? to : null,
                    IcmpType = p == 1 ? (from % 3 == 0 ? -1 : from % 16) : null,
                    IcmpCode = p == 1 ? -1 : null,
                };
            });

    private static bool Oracle(NetworkAclEntry[] entries, uint address, int protocol, int port)
    {
        foreach (var e in entries.OrderBy(e => e.RuleNumber))
        {
            bool proto = e.Protocol == -1 || e.Protocol == protocol;
            bool ports = e.Protocol != protocol || protocol switch
            {
                6 or 17 => e.FromPort <= port && port <= e.ToPort,
                1 => e.IcmpType == -1 || e.IcmpType == port,
                _ => true,
            };
            if (proto && ports && e.Cidr!.Value!.Value.Contains(Cidr.FromV4(address, 32)))
            {
                return e.Action == AclAction.Allow;
            }
        }

        return false;
    }

    [Fact]
    public void First_match_equals_the_oracle_for_single_packets()
    {
        Gen.Select(Entry.Array[0, 12], Gen.Int[0, 3], Gen.Int[0, 65535], Protocol.Where(p => p != -1), Gen.Int[0, 65535])
            .Sample((entries, a, low, protocol, port) =>
            {
                // Distinct rule numbers, as AWS requires within one direction.
                entries = entries.GroupBy(e => e.RuleNumber).Select(g => g.First()).ToArray();
                uint address = (uint)(10 << 24 | a << 16 | low);
                int p = protocol == 1 ? port % 16 : port;
                var sorted = ReachabilityIndex.Sort(new NetworkAcl("acl", SourceLocation.None, "vpc") { Entries = entries }, egress: false);
                var traffic = protocol == 1 ? new Traffic(1, 0, 0, p) : new Traffic(protocol, p, p, null);
                var decision = NetworkAclEvaluator.Evaluate(sorted, Cidr.FromV4(address, 32), traffic);
                Assert.NotEqual(Tri.Unknown, decision.Allowed);
                Assert.Equal(Oracle(entries, address, protocol, p), decision.Allowed == Tri.Yes);
            }, iter: 2000);
    }

    [Fact]
    public void Range_decision_is_never_contradicted_by_a_packet_inside_it()
    {
        Gen.Select(Entry.Array[0, 8], Gen.Int[0, 3], Gen.Int[16, 32], Gen.Int[0, 65535])
            .Sample((entries, a, prefix, port) =>
            {
                entries = entries.GroupBy(e => e.RuleNumber).Select(g => g.First()).ToArray();
                var range = Cidr.FromV4((uint)(10 << 24 | a << 16), prefix);
                var sorted = ReachabilityIndex.Sort(new NetworkAcl("acl", SourceLocation.None, "vpc") { Entries = entries }, egress: false);
                var decision = NetworkAclEvaluator.Evaluate(sorted, range, new Traffic(6, port, port, null));
                if (decision.Allowed == Tri.Unknown)
                {
                    return;
                }

                // Any address of the range must get the same answer.
                uint first = (uint)range.Lo;
                uint last = (uint)range.Last.Lo;
                foreach (var address in new[] { first, last, first + ((last - first) / 2) })
                {
                    Assert.Equal(decision.Allowed == Tri.Yes, Oracle(entries, address, 6, port));
                }
            }, iter: 2000);
    }
}
