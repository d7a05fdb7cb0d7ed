using System.Globalization;
using System.Text;
using XorNet.Explain;
using XorNet.NumPy;

namespace XorNet.Plots;

/// <summary>
/// A network as a diagram: its inputs and each layer's units as columns of nodes, every weight as an edge whose width
/// grows with |w| and whose colour is its sign, every bias under its unit, and each unit labelled with the function
/// <c>--explain</c> names.
/// </summary>
public static class NetworkDiagram
{
    /// <summary>The most nodes drawn in one column; a wider layer shows its first units and a node counting the rest.</summary>
    public const int MaxNodes = 16;

    // Weights are written on a layer's edges only where there are few enough to read and they stand this far apart (pixels).
    private const int MostLabels = 16;
    private const double LabelSpacing = 13;
    private const double LabelAt = 0.65;
    private const int ColumnGap = 230, RowGap = 74, Radius = 19, Left = 70, Top = 70, Bottom = 90, NoteSize = 12;

    /// <summary>The diagram of the network <paramref name="explanation"/> describes.</summary>
    public static string Render(Explanation explanation, string title)
    {
        ArgumentNullException.ThrowIfNull(explanation);
        ArgumentNullException.ThrowIfNull(title);
        IReadOnlyList<string>[] columns = [explanation.Layers[0].Inputs, .. explanation.Layers.Select(l => l.Units.Select(u => u.Name).ToArray())];
        int tallest = columns.Max(c => Math.Min(c.Count, MaxNodes));
        int width = Math.Max((2 * Left) + ((columns.Length - 1) * ColumnGap), 780);
        var heading = PlotTitle.Layout(title, width, width / 2.0);
        var note = PlotTitle.Layout(HeaderNote(explanation), width, width / 2.0, NoteSize);
        int top = Top + heading.ExtraHeight + note.ExtraHeight;
        int height = top + (tallest * RowGap) + Bottom;
        double maxWeight = explanation.Layers.SelectMany(l => l.Units.Take(MaxNodes)).SelectMany(u => u.Weights.Take(MaxNodes))
            .Select(Math.Abs).Where(double.IsFinite).DefaultIfEmpty(0).Max();

        double X(int column) => Left + (column * ColumnGap) + ((width - (2 * Left) - ((columns.Length - 1) * ColumnGap)) / 2.0);
        double Y(int column, int node) => top + ((tallest - Math.Min(columns[column].Count, MaxNodes)) * RowGap / 2.0) + (node * RowGap) + (RowGap / 2.0) - 10;

        StringBuilder svg = Svg.Begin(width, height, title);
        heading.Draw(svg, 28);
        note.Draw(svg, 48 + heading.ExtraHeight);

        // Edges first, so that the nodes are drawn over their ends.
        for (int l = 0; l < explanation.Layers.Count; l++)
        {
            LayerExplanation layer = explanation.Layers[l];
            int sources = Drawn(layer.Inputs.Count), targets = Drawn(layer.Units.Count);
            // Every label of a layer sits at the same x, so they are readable when their heights are apart.
            double[] heights = [.. Enumerable.Range(0, targets).SelectMany(u => Enumerable.Range(0, sources).Select(i => Y(l, i) + ((Y(l + 1, u) - Y(l, i)) * LabelAt))).Order()];
            bool labelled = heights.Length <= MostLabels && heights.Zip(heights.Skip(1), (a, b) => b - a).All(gap => gap >= LabelSpacing);
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"edges\" id=\"edges-{layer.Layer}\">\n");
            for (int u = 0; u < targets; u++)
            {
                UnitExplanation unit = layer.Units[u];
                for (int i = 0; i < sources; i++)
                {
                    Edge(svg, unit.Weights[i], maxWeight, (X(l), Y(l, i)), (X(l + 1), Y(l + 1, u)), $"{layer.Inputs[i]} → {unit.Name}", labelled);
                }
            }

            svg.Append("</g>\n");
        }

        for (int c = 0; c < columns.Length; c++)
        {
            LayerExplanation? layer = c == 0 ? null : explanation.Layers[c - 1];
            string columnHeading = layer is null ? "inputs" : layer.Output ? "output" : $"layer {layer.Layer} ({layer.Activation})";
            Svg.Text(svg, X(c), top - 4, columnHeading, size: 13);
            for (int n = 0; n < Drawn(columns[c].Count); n++)
            {
                Node(svg, X(c), Y(c, n), columns[c][n], layer?.Units[n]);
            }

            if (columns[c].Count > MaxNodes)
            {
                Svg.Text(svg, X(c), Y(c, MaxNodes - 1) + 5, $"… {columns[c].Count - (MaxNodes - 1)} more", size: 13);
            }
        }

        Legend(svg, height - 40, width);
        return svg.Append("</svg>\n").ToString();
    }

    // Columns wider than MaxNodes keep their last place for the "… more" note.
    private static int Drawn(int count) => count > MaxNodes ? MaxNodes - 1 : count;

    private static string HeaderNote(Explanation explanation) => explanation.TruthTableRows switch
    {
        null => "Under each unit: its bias (the inputs are not all 0 or 1, so the units have no Boolean functions)",

        // Tables longer than a node's width are left to --explain, which prints them whole.
        { Count: > 16 } => $"Under each unit: its bias (its truth table over {explanation.TruthTableRows.Count} rows is in --explain)",
        { } rows => $"Under each unit: the Boolean function it computes on the rows {(rows.Count <= 8 ? string.Join(' ', rows) : $"{rows[0]} … {rows[^1]}")} ({Readings.Outputs(explanation, article: false)} read as 1), and its bias",
    };

    private static void Edge(StringBuilder svg, double weight, double maxWeight, (double X, double Y) from, (double X, double Y) to, string name, bool labelled)
    {
        double strength = maxWeight > 0 && double.IsFinite(weight) ? Math.Abs(weight) / maxWeight : 0;
        string colour = weight >= 0 ? ColourScale.Colour(1) : ColourScale.Colour(0);
        string value = NumPyFormat.Readable(weight, 3);
        svg.Append(CultureInfo.InvariantCulture,
            $"<line class=\"edge\" x1=\"{Svg.N(from.X + Radius)}\" y1=\"{Svg.N(from.Y)}\" x2=\"{Svg.N(to.X - Radius)}\" y2=\"{Svg.N(to.Y)}\" stroke=\"{colour}\" stroke-width=\"{Svg.N(0.6 + (7 * strength))}\" stroke-opacity=\"0.8\"><title>{Svg.Escape(name)}: {value}</title></line>\n");
        if (labelled)
        {
            // Past the middle, where edges from different sources are apart.
            Svg.Text(svg, from.X + Radius + ((to.X - from.X - (2 * Radius)) * LabelAt), from.Y + ((to.Y - from.Y) * LabelAt) - 4, value, size: 11,
                extra: $" fill=\"{colour}\" stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\"");
        }
    }

    private static void Node(StringBuilder svg, double x, double y, string name, UnitExplanation? unit)
    {
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"node\" id=\"node-{Svg.Escape(name)}\">\n");
        svg.Append(CultureInfo.InvariantCulture,
            $"<circle cx=\"{Svg.N(x)}\" cy=\"{Svg.N(y)}\" r=\"{Radius}\" fill=\"{(unit is null ? "#e8e8e8" : "white")}\" stroke=\"#333\" stroke-width=\"1.5\"/>\n");
        Svg.Text(svg, x, y + 5, name, size: 13);
        if (unit is not null)
        {
            string? function = UnitLabel.Function(unit);
            if (function is not null)
            {
                Svg.Text(svg, x, y + Radius + 15, function, size: 12, extra: " font-weight=\"bold\"");
            }

            Svg.Text(svg, x, y + Radius + (function is null ? 15 : 29), $"b = {NumPyFormat.Readable(unit.Bias, 3)}", size: 11, extra: " fill=\"#555\"");
        }

        svg.Append("</g>\n");
    }

    private static void Legend(StringBuilder svg, double y, int width)
    {
        double x = (width / 2.0) - 250;
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Svg.N(x)}\" y1=\"{Svg.N(y)}\" x2=\"{Svg.N(x + 30)}\" y2=\"{Svg.N(y)}\" stroke=\"{ColourScale.Colour(1)}\" stroke-width=\"4\"/>\n");
        Svg.Text(svg, x + 36, y + 4, "positive weight", anchor: "start", size: 12);
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Svg.N(x + 150)}\" y1=\"{Svg.N(y)}\" x2=\"{Svg.N(x + 180)}\" y2=\"{Svg.N(y)}\" stroke=\"{ColourScale.Colour(0)}\" stroke-width=\"4\"/>\n");
        Svg.Text(svg, x + 186, y + 4, "negative weight", anchor: "start", size: 12);
        Svg.Text(svg, x + 300, y + 4, "width ∝ |weight|", anchor: "start", size: 12);
    }
}
