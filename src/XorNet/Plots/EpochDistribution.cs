using System.Globalization;
using System.Text;
using XorNet.Sweeps;

namespace XorNet.Plots;

/// <summary>
/// How many epochs one setting's converged runs took, as a row on an <see cref="EpochAxis"/>: the runs counted in
/// bins of equal width on the log axis and drawn as a strip as thick as each bin is full (thousands of runs stay a
/// few dozen path points; empty bins are left blank), a line from the 10th to the 90th percentile, and the median as a bar across.
/// </summary>
internal static class EpochDistribution
{
    /// <summary>Bins across the whole axis.</summary>
    public const int Bins = 64;

    /// <summary>The colour the strips are filled with.</summary>
    public const string Fill = "#9ecae1", Stroke = "#3a7fb5";

    /// <summary>Draws <paramref name="summary"/>'s epochs around the line at <paramref name="centre"/>, at most <paramref name="halfHeight"/> above and below it.</summary>
    public static void DrawRow(StringBuilder svg, SettingSummary summary, EpochAxis axis, double centre, double halfHeight)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(axis);
        if (summary.Epochs is not { } epochs || summary.ConvergenceEpochs.Count == 0)
        {
            Svg.Text(svg, axis.Left + 6, centre + 4, "none converged", anchor: "start", size: 12, extra: " class=\"none-converged\" fill=\"#777\" font-style=\"italic\"");
            return;
        }

        int[] counts = new int[Bins];
        foreach (double epoch in summary.ConvergenceEpochs)
        {
            counts[axis.Bin(epoch, Bins)]++;
        }

        double fullest = counts.Max();
        svg.Append(CultureInfo.InvariantCulture, $"<path class=\"density\" d=\"{Strip(counts, fullest, axis, centre, halfHeight)}\" fill=\"{Fill}\" stroke=\"{Stroke}\" stroke-width=\"0.8\"/>\n");
        svg.Append(CultureInfo.InvariantCulture,
            $"<line class=\"p10-p90\" x1=\"{Svg.N(axis.X(epochs.P10))}\" y1=\"{Svg.N(centre)}\" x2=\"{Svg.N(axis.X(epochs.P90))}\" y2=\"{Svg.N(centre)}\" stroke=\"#222\" stroke-width=\"2\"/>\n");
        svg.Append(CultureInfo.InvariantCulture,
            $"<line class=\"median\" x1=\"{Svg.N(axis.X(epochs.Median))}\" y1=\"{Svg.N(centre - halfHeight)}\" x2=\"{Svg.N(axis.X(epochs.Median))}\" y2=\"{Svg.N(centre + halfHeight)}\" stroke=\"#c0392b\" stroke-width=\"3\"/>\n");
    }

    /// <summary>How wide the key to the marks is.</summary>
    public static double KeyWidth => KeyItems.Sum(ItemWidth) - Spacing;

    private const int Spacing = 20, MarkWidth = 26;

    private static readonly string[] KeyItems = ["converged runs per bin (each row scaled to its fullest)", "10th–90th percentile", "median"];

    /// <summary>Draws the key to the marks, starting at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public static void DrawKey(StringBuilder svg, double x, double y)
    {
        ArgumentNullException.ThrowIfNull(svg);
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Svg.N(x)}\" y=\"{Svg.N(y - 9)}\" width=\"18\" height=\"10\" fill=\"{Fill}\" stroke=\"{Stroke}\" stroke-width=\"0.8\"/>\n");
        Svg.Text(svg, x + MarkWidth, y, KeyItems[0], anchor: "start", size: 11);
        x += ItemWidth(KeyItems[0]);
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Svg.N(x)}\" y1=\"{Svg.N(y - 4)}\" x2=\"{Svg.N(x + 20)}\" y2=\"{Svg.N(y - 4)}\" stroke=\"#222\" stroke-width=\"2\"/>\n");
        Svg.Text(svg, x + MarkWidth, y, KeyItems[1], anchor: "start", size: 11);
        x += ItemWidth(KeyItems[1]);
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Svg.N(x + 10)}\" y1=\"{Svg.N(y - 10)}\" x2=\"{Svg.N(x + 10)}\" y2=\"{Svg.N(y + 2)}\" stroke=\"#c0392b\" stroke-width=\"3\"/>\n");
        Svg.Text(svg, x + MarkWidth, y, KeyItems[2], anchor: "start", size: 11);
    }

    // A mark, its text (11-pixel text averages about 6 pixels a character) and the space after it.
    private static double ItemWidth(string text) => MarkWidth + (text.Length * 6.0) + Spacing;

    // Each run of non-empty bins as the outline of bars as tall as their counts (an outlier's at least a pixel or two),
    // mirrored about the centre line: along the top left to right, back along the bottom; a corner only where the
    // height changes.
    private static string Strip(int[] counts, double fullest, EpochAxis axis, double centre, double halfHeight)
    {
        var path = new StringBuilder();
        var corners = new List<(double X, double H)>();
        for (int bin = 0; bin < Bins; bin++)
        {
            if (counts[bin] > 0)
            {
                double h = Math.Max(counts[bin] / fullest * halfHeight, 1);
                if (corners.Count > 0 && corners[^1].H == h)
                {
                    corners[^1] = (axis.BinEdge(bin + 1, Bins), h);
                }
                else
                {
                    corners.Add((axis.BinEdge(bin, Bins), h));
                    corners.Add((axis.BinEdge(bin + 1, Bins), h));
                }
            }

            if ((counts[bin] == 0 || bin == Bins - 1) && corners.Count > 0)
            {
                for (int i = 0; i < corners.Count; i++)
                {
                    path.Append(i == 0 ? 'M' : 'L').Append(Svg.N(corners[i].X)).Append(',').Append(Svg.N(centre - corners[i].H));
                }

                for (int i = corners.Count - 1; i >= 0; i--)
                {
                    path.Append('L').Append(Svg.N(corners[i].X)).Append(',').Append(Svg.N(centre + corners[i].H));
                }

                path.Append('Z');
                corners.Clear();
            }
        }

        return path.ToString();
    }
}
