using System;
using System.Collections.Generic;
using System.Linq;

namespace PeeringLint.Cli.Output.Graph;

/// <summary>
/// The overview's layout, computed here (no Graphviz): every node is a box of the same size on a grid inside its
/// group, so no two boxes can overlap; groups are packed in rows (shelves) at the width whose picture is closest
/// to 3:2, and the canvas is padded to stay within 2:1 either way. Deterministic: the order is by id.
/// </summary>
internal static class OverviewLayout
{
    public const double NodeWidth = 172;
    public const double NodeHeight = 50;
    public const double GapX = 16;
    public const double GapY = 14;
    public const double GroupPad = 12;
    public const double GroupTitle = 20;
    public const double GroupGap = 28;
    public const double Margin = 16;
    public const double TitleHeight = 58;

    /// <summary>A generous width of one character of a group title (11 px, semi-bold) for sizing the group.</summary>
    public const double TitleCharWidth = 6.6;

    /// <summary>The bound the picture keeps: width/height and height/width at most this.</summary>
    public const double MaxAspect = 2.0;

    private const double TargetAspect = 1.5;

    public static void Run(Overview o)
    {
        // Every group gets the same number of rows (or fewer when it has fewer nodes), so that groups side by side
        // line up; the row count and the shelf width are chosen together for the aspect closest to 3:2.
        int most = o.Groups.Count == 0 ? 0 : Math.Max(1, o.Groups.Max(g => g.Hubs.Count + g.Vpcs.Count));
        int bestRows = 1;
        double bestLimit = 0, bestScore = double.MaxValue;
        for (int rows = 1; rows <= most; rows++)
        {
            foreach (var g in o.Groups)
            {
                Size(g, rows);
            }

            var (limit, score) = BestLimit(o.Groups);
            if (score < bestScore - 1e-9)
            {
                (bestScore, bestRows, bestLimit) = (score, rows, limit);
            }
        }

        foreach (var g in o.Groups)
        {
            Place(g, bestRows);
        }

        var (w, h) = o.Groups.Count == 0 ? (NodeWidth, NodeHeight) : Shelves(o.Groups, bestLimit, place: true);
        double width = w + (2 * Margin);
        double height = h + (2 * Margin) + TitleHeight;

        // Keep the aspect within 2:1 (small inputs): pad the short side, content centred.
        double dx = 0, dy = 0;
        if (width > height * MaxAspect)
        {
            double nh = Math.Ceiling(width / MaxAspect);
            dy = (nh - height) / 2;
            height = nh;
        }
        else if (height > width * MaxAspect)
        {
            double nw = Math.Ceiling(height / MaxAspect);
            dx = (nw - width) / 2;
            width = nw;
        }

        foreach (var g in o.Groups)
        {
            double gx = g.X + Margin + dx, gy = g.Y + Margin + TitleHeight + dy;
            foreach (var v in g.Vpcs)
            {
                v.X += gx;
                v.Y += gy;
            }

            foreach (var hub in g.Hubs)
            {
                hub.X += gx;
                hub.Y += gy;
            }

            g.X = gx;
            g.Y = gy;
        }

        o.Width = Math.Ceiling(width);
        o.Height = Math.Ceiling(height);
    }

    private static int Columns(OverviewGroup g, int rows)
    {
        int n = Math.Max(1, g.Hubs.Count + g.Vpcs.Count);
        return (n + Math.Min(rows, n) - 1) / Math.Min(rows, n);
    }

    private static void Size(OverviewGroup g, int rows)
    {
        int n = Math.Max(1, g.Hubs.Count + g.Vpcs.Count);
        int cols = Columns(g, rows);
        (g.Width, g.Height) = GroupSize(cols, (n + cols - 1) / cols);
        g.Width = Math.Max(g.Width, Math.Ceiling((g.Title.Length * TitleCharWidth) + (2 * GroupPad)));
    }

    /// <summary>Places the group's nodes (hubs first) on its grid, in id order; coordinates relative to the group.</summary>
    private static void Place(OverviewGroup g, int rows)
    {
        Size(g, rows);
        int c = Columns(g, rows);
        int k = 0;
        foreach (var hub in g.Hubs)
        {
            (hub.X, hub.Y) = Cell(k++, c);
        }

        foreach (var v in g.Vpcs)
        {
            (v.X, v.Y) = Cell(k++, c);
        }
    }

    private static (double W, double H) GroupSize(int cols, int rows) =>
        ((cols * (NodeWidth + GapX)) - GapX + (2 * GroupPad), (rows * (NodeHeight + GapY)) - GapY + (2 * GroupPad) + GroupTitle);

    /// <summary>The centre of grid cell <paramref name="k"/>.</summary>
    private static (double X, double Y) Cell(int k, int cols) =>
        (GroupPad + ((k % cols) * (NodeWidth + GapX)) + (NodeWidth / 2), GroupPad + GroupTitle + ((k / cols) * (NodeHeight + GapY)) + (NodeHeight / 2));

    /// <summary>Shelf packing in the given order: the row width whose result is closest to <see cref="TargetAspect"/>, and how close.</summary>
    private static (double Limit, double Score) BestLimit(IReadOnlyList<OverviewGroup> groups)
    {
        double area = groups.Sum(g => (g.Width + GroupGap) * (g.Height + GroupGap));
        double widest = groups.Max(g => g.Width);
        double bestScore = double.MaxValue;
        double bestLimit = widest;
        var limits = new List<double> { widest, groups.Sum(g => g.Width + GroupGap) };
        for (double a = 0.5; a <= 4.0; a += 0.1)
        {
            limits.Add(Math.Max(widest, Math.Sqrt(area * a)));
        }

        foreach (var limit in limits)
        {
            var (w, h) = Shelves(groups, limit, place: false);
            double score = Math.Abs(Math.Log((w + (2 * Margin)) / (h + (2 * Margin) + TitleHeight) / TargetAspect));
            if (score < bestScore - 1e-9)
            {
                bestScore = score;
                bestLimit = limit;
            }
        }

        return (bestLimit, bestScore);
    }

    private static (double W, double H) Shelves(IReadOnlyList<OverviewGroup> groups, double limit, bool place)
    {
        double x = 0, y = 0, rowH = 0, maxW = 0;
        foreach (var g in groups)
        {
            if (x > 0 && x + g.Width > limit + 0.5)
            {
                y += rowH + GroupGap;
                x = 0;
                rowH = 0;
            }

            if (place)
            {
                g.X = x;
                g.Y = y;
            }

            x += g.Width + GroupGap;
            rowH = Math.Max(rowH, g.Height);
            maxW = Math.Max(maxW, x - GroupGap);
        }

        return (maxW, y + rowH);
    }
}
