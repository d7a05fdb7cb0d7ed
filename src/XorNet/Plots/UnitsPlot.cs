using System.Globalization;
using System.Text;
using XorNet.Data;
using XorNet.Explain;
using XorNet.Network;
using XorNet.NumPy;
using XorNet.Text;


namespace XorNet.Plots;

/// <summary>
/// What each neuron sees: every hidden unit's output over the plane of a two-input network as a small heatmap, a row
/// per layer, then the network's outputs, each labelled with the function <c>--explain</c> names and coloured over its
/// activation's range (<see cref="UnitColours"/>).
/// </summary>
public static class UnitsPlot
{
    /// <summary>The most units of one layer drawn; the rest are counted in a note.</summary>
    public const int MaxUnitsPerLayer = 16;

    private const string UpperGradientId = "scale-upper";
    private const int Cells = 60, PanelsPerLine = 8;
    private const int Panel = 120, Gap = 26, LabelWidth = 110, Top = 64, LineHeight = Panel + Gap + 14, ScaleWidth = 14, NoteSize = 12;

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
        if (network.Architecture.RawInputs != 2 || data.Inputs != 2)
        {
            throw new ArgumentException($"A units plot needs two inputs; this data has {data.Inputs}.", nameof(data));
        }

        // Only the units drawn are kept: a wide layer's whole grid of outputs could be gigabytes. Each point of the
        // plane goes in as the network's inputs (its features, when it has them).
        IReadOnlyList<Matrix> layers = DeepNetwork.Of(network).LayerOutputs(network.Architecture.InputsOf(OutputGrid.Points(window, Cells)), MaxUnitsPerLayer);
        int[] lines = [.. explanation.Layers.Select(l => (Math.Min(l.Units.Count, MaxUnitsPerLayer) + PanelsPerLine - 1) / PanelsPerLine)];
        int widest = Math.Min(explanation.Layers.Max(l => l.Units.Count), PanelsPerLine);
        int width = Math.Max(LabelWidth + (widest * (Panel + Gap)) + 70, 620);
        var heading = PlotTitle.Layout(title, width, width / 2.0);
        var note = PlotTitle.Layout(
            $"Each square: x1 from {NumPyFormat.GeneralExact(window.XMin)} to {NumPyFormat.GeneralExact(window.XMax)} rightwards, x2 from {NumPyFormat.GeneralExact(window.YMin)} to {NumPyFormat.GeneralExact(window.YMax)} upwards; {Lines(explanation)}",
            width,
            width / 2.0,
            NoteSize);
        int contentTop = Top + heading.ExtraHeight + note.ExtraHeight;
        int height = contentTop + (lines.Sum() * LineHeight) + (network.Architecture.Activation == Activation.Sigmoid ? 56 : 76);
        StringBuilder svg = Svg.Begin(width, height, title);
        heading.Draw(svg, 26);
        note.Draw(svg, 46 + heading.ExtraHeight);
        ColourScale.Definitions(svg);
        if (explanation.Layers.Any(l => l.ActivationFunction == Activation.Relu))
        {
            ColourMap.BlueWhiteRed.AppendGradient(svg, UpperGradientId, 0.5, 1);
        }

        var bars = new List<(int Top, string IdSuffix, Activation Activation)>();

        int y = contentTop;
        for (int l = 0; l < explanation.Layers.Count; l++)
        {
            LayerExplanation layer = explanation.Layers[l];
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"layer\" id=\"layer-{layer.Layer}\">\n");
            Svg.Text(svg, 12, y + 14 + (Panel / 2.0), layer.Output ? "output" : $"layer {layer.Layer}", anchor: "start", size: 14);
            Svg.Text(svg, 12, y + 14 + (Panel / 2.0) + 18, layer.Activation, anchor: "start", size: 12);
            int drawn = Math.Min(layer.Units.Count, MaxUnitsPerLayer);
            var grid = OutputGrid.FromValues(window, Cells, layers[l]);
            for (int u = 0; u < drawn; u++)
            {
                double left = LabelWidth + (u % PanelsPerLine * (Panel + Gap)), top = y + 14 + (u / PanelsPerLine * LineHeight);
                UnitPanel(svg, grid, u, layer, layer.Units[u], data, left, top);
            }

            if (layer.Units.Count > drawn)
            {
                Svg.Text(svg, 12, y + 14 + (Panel / 2.0) + 36, $"… {layer.Units.Count - drawn} more", anchor: "start", size: 12);
            }

            svg.Append("</g>\n");

            // A colour bar where the layers' activation changes: one for a network all of sigmoid units.
            if (bars.Count == 0 || bars[^1].Activation != layer.ActivationFunction)
            {
                bars.Add((y + 14, bars.Count == 0 ? "" : $"-{layer.Layer}", layer.ActivationFunction));
            }

            y += lines[l] * LineHeight;
        }

        foreach ((int top, string idSuffix, Activation activation) in bars)
        {
            Bar(svg, width - 52, top, idSuffix, activation);
        }

        // The points' legend under the panels.

        int legendY = y + 20;
        bool crowd = PointMarks.Crowded(data);
        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{LabelWidth + 6}\" cy=\"{legendY - 4}\" r=\"4\" fill=\"{(crowd ? PointMarks.CrowdFill(1) : "black")}\" stroke=\"black\"/>\n");
        Svg.Text(svg, LabelWidth + 14, legendY, crowd ? "a training row of target 1" : $"a training row where the unit reads 1 ({Readings.Outputs(explanation, article: false)})", anchor: "start", size: 12);
        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{LabelWidth + 6}\" cy=\"{legendY + 14}\" r=\"4\" fill=\"{(crowd ? PointMarks.CrowdFill(0) : "white")}\" stroke=\"black\"/>\n");
        Svg.Text(svg, LabelWidth + 14, legendY + 18, crowd ? "a training row of target 0" : "a training row where it reads 0", anchor: "start", size: 12);
        if (network.Architecture.Activation != Activation.Sigmoid)
        {
            Svg.Text(svg, LabelWidth, legendY + 38, network.Architecture.Activation == Activation.Tanh
                ? "colours: tanh over -1…1, sigmoid over 0…1, white at the middle"
                : "colours: relu from 0 (white) to its max on the plane, sigmoid over 0…1", anchor: "start", size: 12);
        }

        return svg.Append("</svg>\n").ToString();
    }

    // One unit's heatmap over its activation's range, the line where it turns to 1, the training points, and its name
    // and function above it (and, for a ReLU, the output its red stands for under it).
    private static void UnitPanel(StringBuilder svg, OutputGrid grid, int column, LayerExplanation layer, UnitExplanation unit, Dataset data, double left, double top)
    {
        Activation activation = layer.ActivationFunction;
        UnitColours colours = UnitColours.For(activation, activation == Activation.Relu ? Largest(grid, column) : 0);
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"unit\" id=\"unit-{unit.Name}\">\n");
        Svg.Text(svg, left + (Panel / 2.0), top - 6, UnitLabel.Function(unit) is { } function ? $"{unit.Name}: {function}" : unit.Name, size: 12);
        Heatmap.Cells(svg, grid, column, left, top, Panel, colours.Position);
        Heatmap.Contour(svg, grid, column, left, top, Panel, $"contour-{unit.Name}", activation);
        if (activation == Activation.Relu)
        {
            Svg.Text(svg, left + (Panel / 2.0), top + Panel + 13, $"max {NumPyFormat.General(colours.High, 4)}", size: 11, extra: " class=\"max\"");
        }

        // A crowd of points is marked by target, as the output's panel marks them: hundreds of black and white
        // readings would hide the heatmap they repeat.
        bool crowded = PointMarks.Crowded(data);
        double radius = crowded ? 1.8 : 4;
        for (int i = 0; i < data.Rows; i++)
        {
            PlotWindow window = grid.Window;
            if (data.X[i, 0] < window.XMin || data.X[i, 0] > window.XMax || data.X[i, 1] < window.YMin || data.X[i, 1] > window.YMax)
            {
                continue;
            }

            double x = left + ((data.X[i, 0] - window.XMin) / (window.XMax - window.XMin) * Panel);
            double y = top + ((window.YMax - data.X[i, 1]) / (window.YMax - window.YMin) * Panel);
            bool one = layer.ReadsAsOne(unit.Outputs[i]);
            string mark = crowded
                ? $"fill=\"{PointMarks.CrowdFill(data.Y[i, 0])}\" stroke=\"{PointMarks.CrowdStroke}\" stroke-width=\"0.6\""
                : $"fill=\"{(one ? "black" : "white")}\" stroke=\"black\"";
            svg.Append(CultureInfo.InvariantCulture,
                $"<circle class=\"point\" cx=\"{Svg.N(x)}\" cy=\"{Svg.N(y)}\" r=\"{Svg.N(radius)}\" {mark}><title>{Svg.Escape(unit.Name)}({NumPyFormat.GeneralExact(data.X[i, 0])}, {NumPyFormat.GeneralExact(data.X[i, 1])}) = {NumPyFormat.General(unit.Outputs[i], 4)}</title></circle>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Svg.N(left)}\" y=\"{Svg.N(top)}\" width=\"{Panel}\" height=\"{Panel}\" fill=\"none\" stroke=\"#444\"/>\n");
        svg.Append("</g>\n");
    }

    // The colour bar of units of one activation, the top of its scale level with a row's panels.
    private static void Bar(StringBuilder svg, int x, int top, string idSuffix, Activation activation)
    {
        UnitColours colours = UnitColours.For(activation);
        double from = colours.LowestPosition;
        string gradient = from == 0 ? ColourScale.GradientId : UpperGradientId;
        svg.Append(CultureInfo.InvariantCulture, $"<rect id=\"colour-scale{idSuffix}\" x=\"{x}\" y=\"{top}\" width=\"{ScaleWidth}\" height=\"{Panel}\" fill=\"url(#{gradient})\" stroke=\"#444\"/>\n");
        foreach ((double position, string label) in colours.Ticks)
        {
            Svg.Text(svg, x + ScaleWidth + 4, top + ((1 - ((position - from) / (1 - from))) * Panel) + 4, label, anchor: "start", size: 11);
        }
    }

    // What the panels' lines are: the output each unit turns to 1 at.
    private static string Lines(Explanation explanation)
    {
        var levels = explanation.Layers.Select(l => (l.Activation, Level: NumPyFormat.General(l.Threshold, 6))).Distinct().ToList();
        string line = levels.Select(l => l.Level).Distinct().Count() == 1
            ? $"the line is output {levels[0].Level}"
            : $"the line is output {string.Join(", ", levels.Select(l => $"{l.Level} for {l.Activation} units"))}";
        return line + Identical(explanation);
    }

    // Units with the same weights and bias draw the same square: say so, so that the repetition reads as what it is.
    private static string Identical(Explanation explanation)
    {
        string[] groups = [.. explanation.Layers.SelectMany(l => l.IdenticalUnits ?? []).Select(g => $"{Words.List(g)} are identical (same weights and bias)")];
        return groups.Length == 0 ? "" : $"; {string.Join("; ", groups)}";
    }

    // The largest output of a unit over the grid, ignoring NaN.
    private static double Largest(OutputGrid grid, int column)
    {
        double largest = 0;
        for (int r = 0; r < grid.Cells; r++)
        {
            for (int c = 0; c < grid.Cells; c++)
            {
                largest = grid[r, c, column] > largest ? grid[r, c, column] : largest;
            }
        }

        return largest;
    }
}
