using PeeringLint.Model;
using PeeringLint.Parsers.Syntax;

namespace PeeringLint.Parsers.Tutorial;

internal sealed partial class TutorialReader
{
    /// <summary>Connectivity intents.</summary>
    private sealed partial class FileReader
    {
        private void ReadIntent(MappingNode node, string path)
        {
            var o = new ObjectReader(node, "an intent", path, _problems, "name", "from", "to", "protocol", "port", "icmp_type");
            var from = o.String("from", required: true);
            var to = o.String("to", required: true);
            var protocol = o.String("protocol") ?? "all";
            if (ParseProtocol(protocol) is null)
            {
                o.Error(o.Get("protocol")!, $"unknown protocol '{protocol}'; expected tcp, udp, icmp, icmpv6 or all");
                return;
            }

            if (from is null || to is null)
            {
                return;
            }

            int? port = o.Int("port") ?? o.Int("icmp_type");
            _b.Intents.Add(new ConnectivityIntent(o.String("name") ?? $"{from} → {to}", o.Location, from, to, protocol)
            {
                Port = port,
                FromLocation = o.LocationOf("from"),
                ToLocation = o.LocationOf("to"),
                Source = _intentSource,
                IdPrefix = _prefix,
            });
        }
    }
}
