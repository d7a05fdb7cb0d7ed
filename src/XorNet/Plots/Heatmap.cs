using System.Globalization;
using System.Text;
using XorNet.Network;

namespace XorNet.Plots;

/// <summary>
/// Values over the square [−0.25, 1.25]² of two inputs, sampled at the centres of a grid of cells, drawn as SVG: the
/// cells coloured blue (0) through white (0.5) to red (1), and the 0.5 level set. What the boundary and units plots
/// share.
/// </summary>
internal sealed class Heatmap
{
    /// <summary>The plane's lowest and highest value on either axis.</summary>
    public const double Low = -0.25, High = 1.25;

    /// <summary>The id of the colour scale's gradient that <see cref="AppendScaleGradient"/> defines.</summary>
    public const string ScaleId = "scale";

    private readonly Matrix _values;
    private readonly int _column;

    /// <summary>
    /// The heatmap of column <paramref name="column"/> of <paramref name="values"/>, whose rows are the points of
    /// <see cref="Points"/> for the same <paramref name="cells"/>.
    /// </summary>
    public Heatmap(Matrix values, int column, int cells)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(cells, 2);
        ArgumentOutOfRangeException.ThrowIfNotEqual(values.Rows, cells * cells);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, values.Columns);
        _values = values;
        _column = column;
        Cells = cells;
    }

    /// <summary>Cells along each side.</summary>
    public int Cells { get; }

    /// <summary>The centres of <paramref name="cells"/> × <paramref name="cells"/> cells as (x1, x2) rows, row by row from the top (high x2).</summary>
    public static Matrix Points(int cells)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cells, 2);
        double cell = (High - Low) / cells;
        var grid = new Matrix(cells * cells, 2);
        for (int r = 0; r < cells; r++)
        {
            for (int c = 0; c < cells; c++)
            {
                grid[(r * cells) + c, 0] = Low + ((c + 0.5) * cell);
                grid[(r * cells) + c, 1] = High - ((r + 0.5) * cell);
            }
        }

        return grid;
    }

    /// <summary>Blue for 0 through white at 0.5 to red for 1, in 32 steps per side; values outside [0, 1] take the end colours.</summary>
    public static string Colour(double value)
    {
        double v = Math.Round(Math.Clamp(value, 0, 1) * 64) / 64;
        (double r, double g, double b) = v < 0.5
            ? Mix((0.23, 0.30, 0.75), (0.97, 0.97, 0.97), v * 2)
            : Mix((0.97, 0.97, 0.97), (0.71, 0.02, 0.15), (v - 0.5) * 2);
        return string.Create(CultureInfo.InvariantCulture, $"#{(int)(r * 255):x2}{(int)(g * 255):x2}{(int)(b * 255):x2}");

        static (double, double, double) Mix((double R, double G, double B) a, (double R, double G, double B) b, double t) =>
            (a.R + ((b.R - a.R) * t), a.G + ((b.G - a.G) * t), a.B + ((b.B - a.B) * t));
    }

    /// <summary>Defines the colour scale as a vertical gradient, 0 at the bottom, with the id <see cref="ScaleId"/>.</summary>
    public static void AppendScaleGradient(StringBuilder svg)
    {
        ArgumentNullException.ThrowIfNull(svg);
        svg.Append(CultureInfo.InvariantCulture, $"<defs><linearGradient id=\"{ScaleId}\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">");
        for (int i = 0; i <= 10; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<stop offset=\"{i / 10.0:0.0}\" stop-color=\"{Colour(i / 10.0)}\"/>");
        }

        svg.Append("</linearGradient></defs>\n");
    }

    /// <summary>The cells as a group of rectangles filling the square of side <paramref name="size"/> at (<paramref name="left"/>, <paramref name="top"/>).</summary>
    public void AppendCells(StringBuilder svg, double left, double top, double size)
    {
        ArgumentNullException.ThrowIfNull(svg);
        double pixel = size / Cells;
        svg.Append("<g shape-rendering=\"crispEdges\">\n");
        // One rectangle per run of equal (quantised) colour along a row keeps the file small.
        for (int r = 0; r < Cells; r++)
        {
            int c = 0;
            while (c < Cells)
            {
                string colour = Colour(Value(r, c));
                int end = c + 1;
                while (end < Cells && Colour(Value(r, end)) == colour)
                {
                    end++;
                }

                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{Svg.N(left + (c * pixel))}\" y=\"{Svg.N(top + (r * pixel))}\" width=\"{Svg.N(((end - c) * pixel) + 0.5)}\" height=\"{Svg.N(pixel + 0.5)}\" fill=\"{colour}\"/>\n");
                c = end;
            }
        }

        svg.Append("</g>\n");
    }

    /// <summary>
    /// The 0.5 level set by marching squares over the cell centres, as SVG path segments in the square of side
    /// <paramref name="size"/> at (<paramref name="left"/>, <paramref name="top"/>); empty when the values do not cross 0.5.
    /// </summary>
    public string Contour(double left, double top, double size)
    {
        var path = new StringBuilder();
        double cell = (High - Low) / Cells;
        double PlotX(double x1) => left + ((x1 - Low) / (High - Low) * size);
        double PlotY(double x2) => top + ((High - x2) / (High - Low) * size);
        (double X1, double X2) Centre(int r, int c) => (Low + ((c + 0.5) * cell), High - ((r + 0.5) * cell));

        for (int r = 0; r < Cells - 1; r++)
        {
            for (int c = 0; c < Cells - 1; c++)
            {
                // Corners in order around the square; an edge is crossed where its ends differ in sign.
                (int R, int C)[] corners = [(r, c), (r, c + 1), (r + 1, c + 1), (r + 1, c)];
                var crossings = new List<(double, double)>(4);
                for (int e = 0; e < 4; e++)
                {
                    (int ra, int ca) = corners[e];
                    (int rb, int cb) = corners[(e + 1) % 4];
                    double va = Value(ra, ca) - 0.5, vb = Value(rb, cb) - 0.5;
                    if ((va < 0) != (vb < 0))
                    {
                        double t = va / (va - vb);
                        (double ax, double ay) = Centre(ra, ca);
                        (double bx, double by) = Centre(rb, cb);
                        crossings.Add((ax + ((bx - ax) * t), ay + ((by - ay) * t)));
                    }
                }

                for (int i = 0; i + 1 < crossings.Count; i += 2)
                {
                    path.Append(CultureInfo.InvariantCulture,
                        $"M{Svg.N(PlotX(crossings[i].Item1))},{Svg.N(PlotY(crossings[i].Item2))}L{Svg.N(PlotX(crossings[i + 1].Item1))},{Svg.N(PlotY(crossings[i + 1].Item2))}");
                }
            }
        }

        return path.ToString();
    }

    private double Value(int r, int c) => _values[(r * Cells) + c, _column];
}
