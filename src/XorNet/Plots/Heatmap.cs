using System.Globalization;
using System.Text;

using XorNet.Network;

namespace XorNet.Plots;

/// <summary>One output of an <see cref="OutputGrid"/> drawn as a square of coloured cells, and the contour where it reads 1.</summary>
internal static class Heatmap
{
    /// <summary>
    /// The cells of output <paramref name="k"/> in the square of <paramref name="size"/> pixels whose top left corner
    /// is (<paramref name="left"/>, <paramref name="top"/>), coloured by <see cref="ColourScale.Colour"/> at the value's
    /// <paramref name="position"/> on the scale (the value itself when null, as for a network output in [0, 1]).
    /// </summary>
    /// <remarks>
    /// A run of cells of one colour along a row is one stroke one cell high, and all the runs of a colour are one
    /// path, in cell units scaled by the group: a few bytes a run, which keeps an animation of many frames small.
    /// </remarks>
    public static void Cells(StringBuilder svg, OutputGrid grid, int k, double left, double top, double size, Func<double, double>? position = null)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(grid);
        int n = grid.Cells;
        string Colour(int r, int c) => ColourScale.Colour(position is null ? grid[r, c, k] : position(grid[r, c, k]));
        var runs = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        for (int r = 0; r < n; r++)
        {
            int c = 0;
            while (c < n)
            {
                string colour = Colour(r, c);
                int end = c + 1;
                while (end < n && Colour(r, end) == colour)
                {
                    end++;
                }

                if (!runs.TryGetValue(colour, out StringBuilder? path))
                {
                    runs[colour] = path = new StringBuilder();
                }

                path.Append(CultureInfo.InvariantCulture, $"M{c} {r}.5h{end - c}");
                c = end;
            }
        }

        svg.Append(CultureInfo.InvariantCulture,
            $"<g class=\"heatmap\" transform=\"translate({Svg.N(left)} {Svg.N(top)}) scale({size / n:0.####})\" fill=\"none\" stroke-width=\"1\" shape-rendering=\"crispEdges\">\n");
        foreach ((string colour, StringBuilder path) in runs)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<path stroke=\"{colour}\" d=\"{path}\"/>\n");
        }

        svg.Append("</g>\n");
    }

    /// <summary>
    /// Where output <paramref name="k"/> of units of <paramref name="activation"/> (the sigmoid: a network output)
    /// turns from reading 0 to reading 1 (0.5 for the sigmoid, 0 for tanh and ReLU), by marching squares over the cell
    /// centres, as a black path in the same square as <see cref="Cells"/>.
    /// </summary>
    public static void Contour(StringBuilder svg, OutputGrid grid, int k, double left, double top, double size, string id, Activation activation = Activation.Sigmoid)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(grid);
        PlotWindow window = grid.Window;
        double PlotX(double x1) => left + ((x1 - window.XMin) / (window.XMax - window.XMin) * size);
        double PlotY(double x2) => top + ((window.YMax - x2) / (window.YMax - window.YMin) * size);
        double Value(int r, int c) => grid[r, c, k] - activation.Midpoint;

        var path = new StringBuilder();
        var crossings = new List<(double X1, double X2)>(4);
        for (int r = 0; r < grid.Cells - 1; r++)
        {
            for (int c = 0; c < grid.Cells - 1; c++)
            {
                // Corners in order around the square; an edge is crossed where its ends differ in sign.
                (int R, int C)[] corners = [(r, c), (r, c + 1), (r + 1, c + 1), (r + 1, c)];
                crossings.Clear();
                for (int e = 0; e < 4; e++)
                {
                    (int ra, int ca) = corners[e];
                    (int rb, int cb) = corners[(e + 1) % 4];
                    double va = Value(ra, ca), vb = Value(rb, cb);

                    // An output that is not a number (overflow far out in the plane) has no side. A ReLU's edge lies
                    // at its last cell at 0, the nearest the grid of outputs can place it.
                    if (!double.IsNaN(va) && !double.IsNaN(vb) && activation.ReadsAsOne(grid[ra, ca, k]) != activation.ReadsAsOne(grid[rb, cb, k]))
                    {
                        double t = va / (va - vb);
                        (double ax, double ay) = grid.Centre(ra, ca);
                        (double bx, double by) = grid.Centre(rb, cb);
                        crossings.Add((ax + ((bx - ax) * t), ay + ((by - ay) * t)));
                    }
                }

                for (int i = 0; i + 1 < crossings.Count; i += 2)
                {
                    path.Append(CultureInfo.InvariantCulture,
                        $"M{Svg.N(PlotX(crossings[i].X1))},{Svg.N(PlotY(crossings[i].X2))}L{Svg.N(PlotX(crossings[i + 1].X1))},{Svg.N(PlotY(crossings[i + 1].X2))}");
                }
            }
        }

        svg.Append(CultureInfo.InvariantCulture, $"<path id=\"{id}\" d=\"{path}\" fill=\"none\" stroke=\"black\" stroke-width=\"2\"/>\n");
    }
}
