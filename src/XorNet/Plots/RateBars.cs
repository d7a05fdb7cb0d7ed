using System.Globalization;
using System.Text;
using XorNet.Sweeps;

namespace XorNet.Plots;

/// <summary>
/// The convergence rate of a setting as a horizontal bar from 0 to 100%, the percentage written at its end (inside
/// a long bar, after a short one); used when fewer or more than two options vary.
/// </summary>
internal static class RateBars
{
    private const string Colour = "#2c7fb8";

    /// <summary>Draws the bar of <paramref name="summary"/> from <paramref name="left"/>, 100% being <paramref name="width"/>, in the row from <paramref name="top"/>.</summary>
    public static void DrawRow(StringBuilder svg, SettingSummary summary, double left, double width, double top, double height)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ArgumentNullException.ThrowIfNull(summary);
        double length = SweepPlot.Rate(summary) * width, barTop = top + 4, barHeight = height - 8, baseline = top + (height / 2) + 4;
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect class=\"rate\" x=\"{Svg.N(left)}\" y=\"{Svg.N(barTop)}\" width=\"{Svg.N(length)}\" height=\"{Svg.N(barHeight)}\" fill=\"{Colour}\"/>\n");
        string percent = SweepPlot.Percent(summary);
        // Digits and "%" run wider than average text: judge by a generous width.
        bool inside = length > (percent.Length * 8.5) + 10;
        Svg.Text(svg, inside ? left + length - 5 : left + length + 5, baseline, percent, anchor: inside ? "end" : "start", size: 12,
            extra: inside ? " class=\"percent\" fill=\"white\"" : " class=\"percent\"");
    }

    /// <summary>Draws the 0–100% scale under bars from <paramref name="left"/>, with lines up through the rows from <paramref name="top"/> to <paramref name="bottom"/>.</summary>
    public static void DrawAxis(StringBuilder svg, double left, double width, double top, double bottom)
    {
        ArgumentNullException.ThrowIfNull(svg);
        for (int percent = 0; percent <= 100; percent += 25)
        {
            double x = left + (percent / 100.0 * width);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Svg.N(x)}\" y1=\"{Svg.N(top)}\" x2=\"{Svg.N(x)}\" y2=\"{Svg.N(bottom + 4)}\" stroke=\"{(percent == 0 ? "#444" : "#ddd")}\"/>\n");
            Svg.Text(svg, x, bottom + 17, $"{percent}%", size: 11);
        }

        Svg.Text(svg, left + (width / 2), bottom + 35, "runs converged");
    }
}
