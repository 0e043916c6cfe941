using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PeeringLint.Model;

namespace PeeringLint.Cli.Output.Graph;

/// <summary>
/// The network as JSON for the HTML report's script (matrix, focus panel, search): VPCs, peerings with their
/// state, transit gateway hubs. Written with the default encoder, which escapes <c>&lt;</c>, <c>&gt;</c> and
/// <c>&amp;</c>, so the JSON is safe inside a <c>&lt;script&gt;</c> element.
/// </summary>
internal static class ReportData
{
    /// <summary>The matrix's cell states, in the order the legend lists them.</summary>
    public static readonly string[] States = { "active", "pending", "missing return route", "no routes", "overlapping", "inactive", "peer not in input" };

    public static string Build(Overview o)
    {
        var vpcIndex = new Dictionary<OverviewVpc, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < o.Vpcs.Count; i++)
        {
            vpcIndex[o.Vpcs[i]] = i;
        }

        var groups = o.Groups.Where(g => g.Key != Overview.HubGroup).Select(g => g.Key).ToList();
        var labels = o.Groups.Where(g => g.Key != Overview.HubGroup).Select(g => g.Label).ToList();
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default }))
        {
            w.WriteStartObject();
            w.WriteStartArray("groups");
            foreach (var l in labels)
            {
                w.WriteStringValue(l);
            }

            w.WriteEndArray();
            w.WriteStartArray("states");
            foreach (var s in States)
            {
                w.WriteStringValue(s);
            }

            w.WriteEndArray();
            w.WriteStartArray("vpcs");
            foreach (var v in o.Vpcs)
            {
                w.WriteStartObject();
                w.WriteString("id", v.Id);
                w.WriteString("n", v.Name ?? string.Empty);
                w.WriteString("c", string.Join(", ", v.Cidrs));
                w.WriteNumber("g", groups.IndexOf(v.Group));
                w.WriteString("node", v.NodeId);
                if (v.External)
                {
                    w.WriteBoolean("ext", true);
                }

                Marks(w, v.Marks);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("peerings");
            foreach (var p in o.Peerings)
            {
                w.WriteStartObject();
                w.WriteString("id", p.Id);
                w.WriteString("n", p.Name ?? string.Empty);
                w.WriteNumber("a", vpcIndex[p.Requester]);
                w.WriteNumber("b", vpcIndex[p.Accepter]);
                w.WriteString("status", p.StatusText);
                w.WriteString("routes", OverviewWriter.RoutesText(p.Routes));
                w.WriteNumber("st", Array.IndexOf(States, State(p)));
                w.WriteString("node", p.NodeId);
                Marks(w, p.Marks);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("hubs");
            foreach (var h in o.Hubs)
            {
                w.WriteStartObject();
                w.WriteString("id", h.Id);
                w.WriteString("n", h.Name ?? string.Empty);
                w.WriteStartArray("spokes");
                foreach (var s in h.Spokes)
                {
                    w.WriteNumberValue(vpcIndex[s]);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(ms.ToArray());
    }

    /// <summary>One state per peering for the matrix: the most telling one first (overlap, then a missing return route, …).</summary>
    public static string State(OverviewPeering p)
    {
        if (p.Requester.External || p.Accepter.External)
        {
            return p.Overlapping ? "overlapping" : "peer not in input";
        }

        if (p.Overlapping)
        {
            return "overlapping";
        }

        if (p.Status is PeeringStatus.PendingAcceptance or PeeringStatus.InitiatingRequest or PeeringStatus.Provisioning)
        {
            return "pending";
        }

        if (p.Status != PeeringStatus.Active)
        {
            return "inactive";
        }

        return p.Routes switch
        {
            PeeringRoutes.OneSide => "missing return route",
            PeeringRoutes.None => "no routes",
            _ => "active",
        };
    }

    private static void Marks(Utf8JsonWriter w, FindingMarks m)
    {
        if (m.Severity is not { } s)
        {
            return;
        }

        w.WriteString("sev", GraphText.SeverityWord(s));
        w.WriteString("rules", m.RuleText);
        w.WriteStartArray("msgs");
        foreach (var msg in m.Messages.Take(20))
        {
            w.WriteStringValue(TextEscaping.Escape(msg));
        }

        w.WriteEndArray();
    }
}
