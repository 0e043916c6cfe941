using PeeringLint.Engine;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.Tutorial;

internal sealed partial class TutorialReader
{
    /// <summary>Peering connections, their sides and options.</summary>
    private sealed partial class FileReader
    {
        private void ReadPeering(MappingNode node, string path)
        {
            var o = new ObjectReader(node, "a peering connection", path, _problems, "name", "id", "requester", "accepter", "status", "requester_options", "accepter_options", "ignore");
            var name = o.String("name", required: true);
            if (name is null)
            {
                return;
            }

            var requester = ReadSide(o, "requester", "requester_options");
            var accepter = ReadSide(o, "accepter", "accepter_options");
            if (requester is null || accepter is null)
            {
                return;
            }

            var status = PeeringStatus.Active;
            if (o.Scalar("status") is { } st)
            {
                if (Describe.ParseStatus(st.Value) is { } parsed)
                {
                    status = parsed;
                }
                else
                {
                    o.Error(st, $"unknown peering status '{st.Value}'; expected active, pending-acceptance, provisioning, initiating-request, rejected, expired, failed, deleting or deleted");
                }
            }

            _b.PeeringConnections.Add(new VpcPeeringConnection(Id(o, name), o.Location, requester, accepter)
            {
                Name = name,
                Account = requester.OwnerId,
                Region = requester.Region,
                Status = status,
                StatusLocation = o.Get("status")?.Location(path + ".status"),
                IgnoredRules = o.Ignore(),
                IgnoreLocation = o.IgnoreLocation(),
            });
        }

        private PeeringSide? ReadSide(ObjectReader o, string key, string optionsKey)
        {
            var n = o.Get(key);
            if (n is null)
            {
                o.Error(o.Node, $"a peering connection needs '{key}' (a VPC name from this file, or a mapping for a VPC outside it)");
                return null;
            }

            var options = ReadOptions(o, optionsKey);
            var loc = n.Location(o.Path + "." + key);
            if (n is ScalarNode s)
            {
                if (s.Value is { } vname && _vpcIds.TryGetValue(vname, out var vid))
                {
                    var vnode = Vpc(vid);
                    return new PeeringSide(vid, loc) { OwnerId = vnode?.Account ?? _account, Region = vnode?.Region ?? _region, Options = options };
                }

                o.Error(s, $"'{s.Value}' is not a VPC in this file; for a VPC outside it write {{ vpc: vpc-…, account: …, region: …, cidr: … }}");
                return null;
            }

            if (n is MappingNode m)
            {
                var so = new ObjectReader(m, "a peer VPC", o.Path + "." + key, _problems, "vpc", "account", "region", "cidr", "ipv6_cidr");
                var vpcRef = so.String("vpc", required: true);
                var id = vpcRef is not null && _vpcIds.TryGetValue(vpcRef, out var known) ? known : vpcRef;
                return new PeeringSide(id, loc)
                {
                    OwnerId = so.String("account") ?? _account,
                    Region = so.String("region") ?? _region,
                    Ipv4Cidrs = Cidrs(so.Scalars("cidr"), so.Path + ".cidr"),
                    Ipv6Cidrs = Cidrs(so.Scalars("ipv6_cidr"), so.Path + ".ipv6_cidr"),
                    Options = options,
                };
            }

            o.Error(n, $"expected a VPC name or a mapping for '{key}', found {n.KindName}");
            return null;
        }

        private Vpc? Vpc(string id) => _vpcs.TryGetValue(id, out var v) ? v : null;

        private PeeringOptions ReadOptions(ObjectReader o, string key)
        {
            var n = o.Get(key);
            if (n is null)
            {
                return PeeringOptions.Default;
            }

            if (n is not MappingNode m)
            {
                o.Error(n, $"expected a mapping for '{key}', found {n.KindName}");
                return PeeringOptions.Default;
            }

            var oo = new ObjectReader(m, "peering options", o.Path + "." + key, _problems, "allow_dns_resolution_from_remote_vpc", "allow_egress_from_local_classic_link_to_remote_vpc", "allow_egress_from_local_vpc_to_remote_classic_link");
            return new PeeringOptions
            {
                AllowDnsResolutionFromRemoteVpc = oo.Bool("allow_dns_resolution_from_remote_vpc") ?? false,
                AllowEgressFromLocalClassicLinkToRemoteVpc = oo.Bool("allow_egress_from_local_classic_link_to_remote_vpc") ?? false,
                AllowEgressFromLocalVpcToRemoteClassicLink = oo.Bool("allow_egress_from_local_vpc_to_remote_classic_link") ?? false,
                Location = m.Location(o.Path + "." + key),
            };
        }
    }
}
