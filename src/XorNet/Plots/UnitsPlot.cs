using System.Globalization;
using System.Text;
using XorNet.Data;
using XorNet.Explain;
using XorNet.Network;
using XorNet.NumPy;

namespace XorNet.Plots;

/// <summary>
/// What each neuron sees: every hidden unit's output over the plane of a two-input network as a small heatmap, a row
/// per layer, then the network's outputs, each labelled with the function <c>--explain</c> names.
/// </summary>
public static class UnitsPlot
{
    /// <summary>The most units of one layer drawn; the rest are counted in a note.</summary>
    public const int MaxUnitsPerLayer = 16;

    private const int Cells = 60, PanelsPerLine = 8;
    private const int Panel = 120, Gap = 26, LabelWidth = 110, Top = 64, LineHeight = Panel + Gap + 14, ScaleWidth = 14;

    /// <summary>
    /// The picture of <paramref name="network"/> on the plane, with the points of <paramref name="data"/> and the
    /// units' names and functions from <paramref name="explanation"/> (made on those points), over
    /// <paramref name="window"/> (the same as <c>--plot-boundary</c>'s).
    /// </summary>
    /// <exception cref="ArgumentException">The network or the data does not have exactly two inputs.</exception>
    public static string Render(INetwork network, Dataset data, Explanation explanation, string title, PlotWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(explanation);
        if (network.Architecture.Inputs != 2 || data.Inputs != 2)
        {
            throw new ArgumentException($"A units plot needs two inputs; this data has {data.Inputs}.", nameof(data));
        }

        // Only the units drawn are kept: a wide layer's whole grid of outputs could be gigabytes.
        IReadOnlyList<Matrix> layers = DeepNetwork.Of(network).LayerOutputs(OutputGrid.Points(window, Cells), MaxUnitsPerLayer);
        int[] lines = [.. explanation.Layers.Select(l => (Math.Min(l.Units.Count, MaxUnitsPerLayer) + PanelsPerLine - 1) / PanelsPerLine)];
        int widest = Math.Min(explanation.Layers.Max(l => l.Units.Count), PanelsPerLine);
        int width = Math.Max(LabelWidth + (widest * (Panel + Gap)) + 70, 620);
        int height = Top + (lines.Sum() * LineHeight) + (network.Architecture.Activation == Activation.Sigmoid ? 56 : 76);
        StringBuilder svg = Svg.Begin(width, height, title);
        Svg.Text(svg, width / 2.0, 26, title, size: 15);
        Svg.Text(
            svg, width / 2.0, 46, $"Each square: x1 from {Svg.N(window.XMin)} to {Svg.N(window.XMax)} rightwards, x2 from {Svg.N(window.YMin)} to {Svg.N(window.YMax)} upwards; the line is output 0.5", size: 12);
        ColourScale.Definitions(svg);

        int y = Top;
        for (int l = 0; l < explanation.Layers.Count; l++)
        {
            LayerExplanation layer = explanation.Layers[l];
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"layer\" id=\"layer-{layer.Layer}\">\n");
            Svg.Text(svg, 12, y + 14 + (Panel / 2.0), layer.Output ? "output" : $"layer {layer.Layer}", anchor: "start", size: 14);
            Svg.Text(svg, 12, y + 14 + (Panel / 2.0) + 18, layer.Activation, anchor: "start", size: 12);
            int drawn = Math.Min(layer.Units.Count, MaxUnitsPerLayer);
            for (int u = 0; u < drawn; u++)
            {
                double left = LabelWidth + (u % PanelsPerLine * (Panel + Gap)), top = y + 14 + (u / PanelsPerLine * LineHeight);
                UnitPanel(svg, OutputGrid.FromValues(window, Cells, layers[l]), u, layer.Units[u], data, left, top);
            }

            if (layer.Units.Count > drawn)
            {
                Svg.Text(svg, 12, y + 14 + (Panel / 2.0) + 36, $"… {layer.Units.Count - drawn} more", anchor: "start", size: 12);
            }

            svg.Append("</g>\n");
            y += lines[l] * LineHeight;
        }

        // One colour scale for every panel, with the points' legend under the panels.
        int scaleX = width - 52, scaleHeight = Math.Min(Panel, y - Top);
        svg.Append(CultureInfo.InvariantCulture, $"<rect id=\"colour-scale\" x=\"{scaleX}\" y=\"{Top + 14}\" width=\"{ScaleWidth}\" height=\"{scaleHeight}\" fill=\"url(#{ColourScale.GradientId})\" stroke=\"#444\"/>\n");
        foreach (double value in (double[])[0, 0.5, 1])
        {
            Svg.Text(svg, scaleX + ScaleWidth + 4, Top + 14 + ((1 - value) * scaleHeight) + 4, Svg.N(value), anchor: "start", size: 11);
        }

        int legendY = y + 20;
        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{LabelWidth + 6}\" cy=\"{legendY - 4}\" r=\"4\" fill=\"black\" stroke=\"black\"/>\n");
        Svg.Text(svg, LabelWidth + 14, legendY, $"a training row where the unit reads 1 (output ≥ {Svg.N(explanation.Threshold)})", anchor: "start", size: 12);
        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{LabelWidth + 6}\" cy=\"{legendY + 14}\" r=\"4\" fill=\"white\" stroke=\"black\"/>\n");
        Svg.Text(svg, LabelWidth + 14, legendY + 18, "a training row where it reads 0", anchor: "start", size: 12);
        if (network.Architecture.Activation != Activation.Sigmoid)
        {
            Svg.Text(svg, LabelWidth, legendY + 38, $"{explanation.Layers[0].Activation} outputs below 0 are drawn as 0, above 1 as 1", anchor: "start", size: 12);
        }

        return svg.Append("</svg>\n").ToString();
    }

    // One unit's heatmap, its 0.5 line, the training points and its name and function above it.
    private static void UnitPanel(StringBuilder svg, OutputGrid grid, int column, UnitExplanation unit, Dataset data, double left, double top)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"unit\" id=\"unit-{unit.Name}\">\n");
        Svg.Text(svg, left + (Panel / 2.0), top - 6, UnitLabel.Function(unit) is { } function ? $"{unit.Name}: {function}" : unit.Name, size: 12);
        Heatmap.Cells(svg, grid, column, left, top, Panel);
        Heatmap.Contour(svg, grid, column, left, top, Panel, $"contour-{unit.Name}");
        double radius = data.Rows > 100 ? 1.5 : 4;
        for (int i = 0; i < data.Rows; i++)
        {
            PlotWindow window = grid.Window;
            if (data.X[i, 0] < window.XMin || data.X[i, 0] > window.XMax || data.X[i, 1] < window.YMin || data.X[i, 1] > window.YMax)
            {
                continue;
            }

            double x = left + ((data.X[i, 0] - window.XMin) / (window.XMax - window.XMin) * Panel);
            double y = top + ((window.YMax - data.X[i, 1]) / (window.YMax - window.YMin) * Panel);
            bool one = unit.Outputs[i] >= Explainer.Threshold;
            svg.Append(CultureInfo.InvariantCulture,
                $"<circle class=\"point\" cx=\"{Svg.N(x)}\" cy=\"{Svg.N(y)}\" r=\"{Svg.N(radius)}\" fill=\"{(one ? "black" : "white")}\" stroke=\"black\"><title>{Svg.Escape(unit.Name)}({Svg.N(data.X[i, 0])}, {Svg.N(data.X[i, 1])}) = {Svg.N(unit.Outputs[i])}</title></circle>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Svg.N(left)}\" y=\"{Svg.N(top)}\" width=\"{Panel}\" height=\"{Panel}\" fill=\"none\" stroke=\"#444\"/>\n");
        svg.Append("</g>\n");
    }
}
