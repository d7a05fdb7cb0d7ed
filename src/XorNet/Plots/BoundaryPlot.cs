using System.Globalization;
using System.Text;
using XorNet.Data;
using XorNet.Network;

namespace XorNet.Plots;

/// <summary>
/// A two-input network's output over [−0.25, 1.25]² as an SVG heatmap, with its 0.5 contour, the training points
/// marked by their target, and a colour scale.
/// </summary>
public static class BoundaryPlot
{
    private const int Cells = 120;
    private const double Low = -0.25, High = 1.25;
    private const int Size = 480, Left = 60, Top = 50, ScaleWidth = 18, PanelWidth = Left + Size + 110;
    private static readonly double[] AxisTicks = [-0.25, 0, 0.25, 0.5, 0.75, 1, 1.25];
    private static readonly double[] ScaleTicks = [0, 0.25, 0.5, 0.75, 1];
    private static readonly ColourScale Scale = ColourScale.BlueWhiteRed;

    /// <summary>
    /// The plot of <paramref name="network"/> over the plane with the points of <paramref name="data"/>: one panel per
    /// output, side by side, each with its own 0.5 contour and the points marked by that output's target.
    /// </summary>
    /// <exception cref="ArgumentException">The network or data does not have exactly two inputs, or their outputs differ.</exception>
    public static string Render(INetwork network, Dataset data, string title)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        if (network.Architecture.Inputs != 2 || data.Inputs != 2)
        {
            throw new ArgumentException($"A decision-boundary plot needs two inputs; this data has {data.Inputs}.", nameof(data));
        }

        int outputs = network.Architecture.Outputs;
        if (data.Targets != outputs)
        {
            throw new ArgumentException($"The network has {outputs} outputs but the data {data.Targets} targets.", nameof(data));
        }

        // Output at cell centres, row 0 at the top (high x2).
        double cell = (High - Low) / Cells;
        var grid = new Matrix(Cells * Cells, 2);
        for (int r = 0; r < Cells; r++)
        {
            for (int c = 0; c < Cells; c++)
            {
                grid[(r * Cells) + c, 0] = Low + ((c + 0.5) * cell);
                grid[(r * Cells) + c, 1] = High - ((r + 0.5) * cell);
            }
        }

        Matrix output = network.Predict(grid);
        StringBuilder svg = Svg.Begin(outputs * PanelWidth, Top + Size + 60, title);
        // Centred over the plot with one panel (as before there were several), over all the panels otherwise.
        Svg.Text(svg, outputs == 1 ? Left + (Size / 2.0) : outputs * PanelWidth / 2.0, 28, title, size: 15);
        Scale.AppendGradient(svg, "scale");
        for (int k = 0; k < outputs; k++)
        {
            if (outputs > 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<g class=\"panel\" id=\"output-{k + 1}\">\n");
                Svg.Text(svg, (k * PanelWidth) + Left + (Size / 2.0), Top - 8, $"output {k + 1}", size: 13);
            }

            Panel(svg, output, k, outputs == 1 ? "" : $"-{k + 1}", data, (k * PanelWidth) + Left, cell);
            if (outputs > 1)
            {
                svg.Append("</g>\n");
            }
        }

        return svg.Append("</svg>\n").ToString();
    }

    // One output's heatmap, contour, points, axes, legend and colour scale, its plot area starting at x = 'left'.
    private static void Panel(StringBuilder svg, Matrix output, int k, string suffix, Dataset data, int left, double cell)
    {
        double pixel = (double)Size / Cells;
        double PlotX(double x1) => left + ((x1 - Low) / (High - Low) * Size);
        double PlotY(double x2) => Top + ((High - x2) / (High - Low) * Size);
        svg.Append("<g shape-rendering=\"crispEdges\">\n");
        // One rectangle per run of equal (quantised) colour along a row keeps the file small.
        for (int r = 0; r < Cells; r++)
        {
            int c = 0;
            while (c < Cells)
            {
                string colour = Scale.Colour(output[(r * Cells) + c, k]);
                int end = c + 1;
                while (end < Cells && Scale.Colour(output[(r * Cells) + end, k]) == colour)
                {
                    end++;
                }

                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{Svg.N(left + (c * pixel))}\" y=\"{Svg.N(Top + (r * pixel))}\" width=\"{Svg.N(((end - c) * pixel) + 0.5)}\" height=\"{Svg.N(pixel + 0.5)}\" fill=\"{colour}\"/>\n");
                c = end;
            }
        }

        svg.Append("</g>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<path id=\"contour{suffix}\" d=\"{Contour(output, k, PlotX, PlotY, cell)}\" fill=\"none\" stroke=\"black\" stroke-width=\"2\"/>\n");

        for (int i = 0; i < data.Rows; i++)
        {
            double target = data.Y[i, k];
            svg.Append(CultureInfo.InvariantCulture,
                $"<circle class=\"point\" cx=\"{Svg.N(PlotX(data.X[i, 0]))}\" cy=\"{Svg.N(PlotY(data.X[i, 1]))}\" r=\"{(data.Rows > 100 ? 3 : 7)}\" fill=\"{(target >= 0.5 ? "black" : "white")}\" stroke=\"black\" stroke-width=\"1.5\"><title>({Svg.N(data.X[i, 0])}, {Svg.N(data.X[i, 1])}) target {Svg.N(target)}</title></circle>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{Top}\" width=\"{Size}\" height=\"{Size}\" fill=\"none\" stroke=\"#444\"/>\n");
        foreach (double tick in AxisTicks)
        {
            Svg.Text(svg, PlotX(tick), Top + Size + 18, Svg.N(tick), size: 12);
            Svg.Text(svg, left - 8, PlotY(tick) + 4, Svg.N(tick), anchor: "end", size: 12);
        }

        Svg.Text(svg, left + (Size / 2.0), Top + Size + 42, "x1");
        int legendY = Top + Size + 42;
        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{left + 8}\" cy=\"{legendY - 4}\" r=\"5\" fill=\"black\" stroke=\"black\"/>\n");
        Svg.Text(svg, left + 18, legendY, "target 1", anchor: "start", size: 12);
        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{left + 88}\" cy=\"{legendY - 4}\" r=\"5\" fill=\"white\" stroke=\"black\"/>\n");
        Svg.Text(svg, left + 98, legendY, "target 0", anchor: "start", size: 12);
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left + Size - 150}\" y1=\"{legendY - 4}\" x2=\"{left + Size - 130}\" y2=\"{legendY - 4}\" stroke=\"black\" stroke-width=\"2\"/>\n");
        Svg.Text(svg, left + Size - 124, legendY, "output 0.5", anchor: "start", size: 12);
        Svg.Text(svg, left - 42, Top + (Size / 2.0), "x2", extra: $" transform=\"rotate(-90 {left - 42} {Svg.N(Top + (Size / 2.0))})\"");

        int scaleX = left + Size + 30;
        svg.Append(CultureInfo.InvariantCulture, $"<rect id=\"colour-scale{suffix}\" x=\"{scaleX}\" y=\"{Top}\" width=\"{ScaleWidth}\" height=\"{Size}\" fill=\"url(#scale)\" stroke=\"#444\"/>\n");
        foreach (double value in ScaleTicks)
        {
            Svg.Text(svg, scaleX + ScaleWidth + 6, Top + ((1 - value) * Size) + 4, Svg.N(value), anchor: "start", size: 12);
        }

        Svg.Text(svg, scaleX + (ScaleWidth / 2.0), Top - 10, "output", size: 12);
    }

    /// <summary>The 0.5 level set by marching squares over the cell centres, as SVG path segments.</summary>
    private static string Contour(Matrix output, int k, Func<double, double> plotX, Func<double, double> plotY, double cell)
    {
        var path = new StringBuilder();
        double Value(int r, int c) => output[(r * Cells) + c, k] - 0.5;
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
                    double va = Value(ra, ca), vb = Value(rb, cb);
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
                        $"M{Svg.N(plotX(crossings[i].Item1))},{Svg.N(plotY(crossings[i].Item2))}L{Svg.N(plotX(crossings[i + 1].Item1))},{Svg.N(plotY(crossings[i + 1].Item2))}");
                }
            }
        }

        return path.ToString();
    }
}
