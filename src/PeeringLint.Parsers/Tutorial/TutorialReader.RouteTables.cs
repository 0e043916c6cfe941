using System.Collections.Generic;
using PeeringLint.Aws;
using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.Tutorial;

internal sealed partial class TutorialReader
{
    /// <summary>Route tables and their routes.</summary>
    private sealed partial class FileReader
    {
        /// <summary>Reads a route table; returns true when it is the VPC's main table.</summary>
        private bool ReadRouteTable(MappingNode node, string path, Vpc vpc)
        {
            var o = new ObjectReader(node, "a route table", path, _problems, "name", "id", "main", "subnets", "routes", "ignore");
            var name = o.String("name", required: true);
            if (name is null)
            {
                return false;
            }

            var subnets = new List<string>();
            foreach (var s in o.Scalars("subnets"))
            {
                if (ResolveSubnet(s, vpc) is { } sid)
                {
                    subnets.Add(sid);
                }
            }

            if (_subnetsOfTable.TryGetValue(name, out var fromSubnets))
            {
                subnets.AddRange(fromSubnets);
            }

            var routes = new List<Route>();
            foreach (var (rnode, rpath) in o.Objects("routes"))
            {
                if (ReadRoute(rnode, rpath) is { } r)
                {
                    routes.Add(r);
                }
            }

            bool main = o.Bool("main") ?? false;
            _b.RouteTables.Add(new RouteTable(Id(o, name), o.Location, vpc.Id)
            {
                Name = name,
                Account = vpc.Account,
                Region = vpc.Region,
                IsMain = main,
                SubnetIds = subnets,
                Routes = routes,
                IgnoredRules = o.Ignore(),
                IgnoreLocation = o.IgnoreLocation(),
            });
            return main;
        }

        private Route? ReadRoute(MappingNode node, string path)
        {
            var o = new ObjectReader(node, "a route", path, _problems, "destination", "destination_prefix_list", "target", "state", "ignore");
            var dest = o.Scalar("destination");
            var pl = o.String("destination_prefix_list");
            if (dest is null && pl is null)
            {
                o.Error(node, "a route needs 'destination' (a CIDR block such as 10.2.0.0/16) or 'destination_prefix_list'");
                return null;
            }

            var targetNode = o.Scalar("target");
            if (targetNode?.Value is not { } target)
            {
                o.Error(node, "a route needs 'target': 'local', or the name of an internet gateway, peering connection or instance, or an AWS id");
                return null;
            }

            RouteTargetKind kind;
            string targetId;
            if (target == "local")
            {
                (kind, targetId) = (RouteTargetKind.Local, "local");
            }
            else if (_targets.TryGetValue(target, out var t))
            {
                (kind, targetId) = (t.Kind, t.Id);
            }
            else if (KindFromId(target) is { } k)
            {
                (kind, targetId) = (k, target);
            }
            else
            {
                o.Error(targetNode, $"route target '{target}' names nothing in this file: expected 'local', an internet gateway, peering connection or instance name, or an AWS id such as pcx-…, igw-…, nat-…, tgw-…");
                return null;
            }

            var stateText = o.String("state");
            var state = RouteState.Active;
            if (stateText is not null)
            {
                if (stateText == "blackhole")
                {
                    state = RouteState.Blackhole;
                }
                else if (stateText != "active")
                {
                    o.Error(o.Get("state")!, $"route state must be 'active' or 'blackhole', found '{stateText}'");
                }
            }

            return new Route(o.Location, kind, targetId)
            {
                Destination = dest is null ? null : Cidr(dest, path + ".destination"),
                DestinationPrefixListId = pl,
                State = state,
                Origin = kind == RouteTargetKind.Local ? RouteOrigin.CreateRouteTable : RouteOrigin.CreateRoute,
                IgnoredRules = o.Ignore(),
            };
        }

        private static RouteTargetKind? KindFromId(string id) =>
            RouteTargets.KindFromId(id) is var kind && kind is not (RouteTargetKind.Unknown or RouteTargetKind.Local) ? kind : null;
    }
}
