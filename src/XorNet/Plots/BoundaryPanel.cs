using System.Globalization;
using System.Text;
using XorNet.Data;

using XorNet.NumPy;

namespace XorNet.Plots;

/// <summary>
/// One output's panel of a picture over the plane: the surface (heatmap and 0.5 contour) and what is drawn over and
/// around it (training points, frame, axes, legend, colour scale). <see cref="BoundaryPlot"/> draws one surface per
/// panel, <see cref="TrainingAnimation"/> one per frame under the same overlay.
/// </summary>
internal static class BoundaryPanel
{
    /// <summary>The side of the square plot area in pixels.</summary>
    public const int Size = 480;

    /// <summary>Room left of the plot area for the x2 ticks and label.</summary>
    public const int Left = 60;

    /// <summary>The width of a panel: the margin, the plot area and the colour scale with its labels.</summary>
    public const int Width = Left + Size + 110;

    // How far an x label may reach past the plot area (the colour scale is 30 px to its right), and how wide a y label
    // may be (right of the x2 label).
    private const double XLabelRoom = 24, YLabelRoom = 34;

    /// <summary>Room below the plot area for the x1 ticks, the x1 label and the legend, each on its own row.</summary>
    public const int Below = 80;

    /// <summary>The plot area's surface for output <paramref name="k"/> of <paramref name="grid"/>: its cells and its 0.5 contour.</summary>
    public static void Surface(StringBuilder svg, OutputGrid grid, int k, double left, double top, string contourId)
    {
        Heatmap.Cells(svg, grid, k, left, top, Size);
        Heatmap.Contour(svg, grid, k, left, top, Size, contourId);
    }

    /// <summary>
    /// Everything over and around the surface of output <paramref name="k"/>: the training points of
    /// <paramref name="data"/> inside <paramref name="window"/>, the frame, axes, the legend and the colour scale.
    /// </summary>
    /// <remarks>
    /// Targets that are all 0 or 1 are drawn filled (1) or hollow (0), or in a crowd (see <see cref="PointMarks"/>) in
    /// their colours on the output's scale; any other target (soft labels such as 0.3) makes
    /// every point of the panel take its target's colour on the colour scale, so that a point matches its background
    /// where the network fits it.
    /// </remarks>
    public static void Overlay(StringBuilder svg, Dataset data, int k, PlotWindow window, double left, double top, string idSuffix)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(window);
        double PlotX(double x1) => left + ((x1 - window.XMin) / (window.XMax - window.XMin) * Size);
        double PlotY(double x2) => top + ((window.YMax - x2) / (window.YMax - window.YMin) * Size);

        bool binary = true;
        for (int i = 0; i < data.Rows; i++)
        {
            binary &= data.Y[i, k] is 0 or 1;
        }

        bool crowded = PointMarks.Crowded(data);
        string Fill(double target) => binary && !crowded ? (target == 1 ? "black" : "white") : PointMarks.CrowdFill(target);
        (int radius, string stroke, string strokeWidth) = crowded ? (3, PointMarks.CrowdStroke, "1") : (7, "black", "1.5");
        for (int i = 0; i < data.Rows; i++)
        {
            (double x1, double x2, double target) = (data.X[i, 0], data.X[i, 1], data.Y[i, k]);
            if (x1 < window.XMin || x1 > window.XMax || x2 < window.YMin || x2 > window.YMax)
            {
                continue;
            }

            svg.Append(CultureInfo.InvariantCulture,
                $"<circle class=\"point\" cx=\"{Svg.N(PlotX(x1))}\" cy=\"{Svg.N(PlotY(x2))}\" r=\"{radius}\" fill=\"{Fill(target)}\" stroke=\"{stroke}\" stroke-width=\"{strokeWidth}\"><title>({NumPyFormat.GeneralExact(x1)}, {NumPyFormat.GeneralExact(x2)}) target {NumPyFormat.GeneralExact(target)}</title></circle>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Svg.N(left)}\" y=\"{Svg.N(top)}\" width=\"{Size}\" height=\"{Size}\" fill=\"none\" stroke=\"#444\"/>\n");
        AxisTicks xTicks = AxisTicks.Linear(window.XMin, window.XMax, Size, horizontal: true, room: XLabelRoom);
        foreach ((double value, string label) in xTicks.Ticks)
        {
            Svg.Text(svg, PlotX(value), top + Size + 18, label, size: AxisTicks.FontSize);
        }

        AxisTicks yTicks = AxisTicks.Linear(window.YMin, window.YMax, Size, horizontal: false, room: YLabelRoom);
        foreach ((double value, string label) in yTicks.Ticks)
        {
            Svg.Text(svg, left - 8, PlotY(value) + 4, label, anchor: "end", size: AxisTicks.FontSize);
        }

        Svg.Text(svg, left + (Size / 2.0), top + Size + 38, xTicks.Name("x1"));
        Svg.Text(svg, left - 50, top + (Size / 2.0), yTicks.Name("x2"), extra: $" transform=\"rotate(-90 {Svg.N(left - 50)} {Svg.N(top + (Size / 2.0))})\"");

        // The legend has a row of its own under the x1 label.
        double legendY = top + Size + 64;
        if (binary)
        {
            Legend(svg, left + 8, legendY, crowded ? PointMarks.CrowdFill(1) : "black", "target 1");
            Legend(svg, left + 88, legendY, crowded ? PointMarks.CrowdFill(0) : "white", "target 0");
        }
        else
        {
            Legend(svg, left + 8, legendY, ColourScale.Colour(0), null);
            Legend(svg, left + 22, legendY, ColourScale.Colour(0.5), null);
            Legend(svg, left + 36, legendY, ColourScale.Colour(1), "target, on the colour scale");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Svg.N(left + Size - 150)}\" y1=\"{Svg.N(legendY - 4)}\" x2=\"{Svg.N(left + Size - 130)}\" y2=\"{Svg.N(legendY - 4)}\" stroke=\"black\" stroke-width=\"2\"/>\n");
        Svg.Text(svg, left + Size - 124, legendY, "output 0.5", anchor: "start", size: 12);

        ColourScale.Bar(svg, left + Size + 30, top, Size, idSuffix);
    }

    private static void Legend(StringBuilder svg, double x, double y, string fill, string? label)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{Svg.N(x)}\" cy=\"{Svg.N(y - 4)}\" r=\"5\" fill=\"{fill}\" stroke=\"black\"/>\n");
        if (label is not null)
        {
            Svg.Text(svg, x + 10, y, label, anchor: "start", size: 12);
        }
    }
}
