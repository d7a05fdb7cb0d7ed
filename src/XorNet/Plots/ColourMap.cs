using System.Globalization;
using System.Text;

namespace XorNet.Plots;

/// <summary>
/// A colour map over [0, 1]: colours at equally spaced stops, mixed linearly between them and quantised to 64 steps
/// so that neighbouring equal colours can share one shape.
/// </summary>
internal sealed class ColourMap
{
    private const int Steps = 64;
    private readonly (double R, double G, double B)[] _stops;

    private ColourMap(params (double R, double G, double B)[] stops) => _stops = stops;

    /// <summary>Blue for 0 through near-white at 0.5 to red for 1: a value on either side of a middle (a network's output).</summary>
    public static ColourMap BlueWhiteRed { get; } = new((0.23, 0.30, 0.75), (0.97, 0.97, 0.97), (0.71, 0.02, 0.15));

    /// <summary>Pale yellow for 0 through teal to dark blue for 1: more is darker (a share such as a convergence rate).</summary>
    public static ColourMap PaleToDark { get; } = new((1.0, 1.0, 0.85), (0.25, 0.71, 0.77), (0.03, 0.11, 0.35));

    /// <summary>The colour of <paramref name="value"/> (clamped to [0, 1]) as <c>#rrggbb</c>.</summary>
    public string Colour(double value)
    {
        (double r, double g, double b) = Mix(value);
        return string.Create(CultureInfo.InvariantCulture, $"#{(int)(r * 255):x2}{(int)(g * 255):x2}{(int)(b * 255):x2}");
    }

    /// <summary>Whether text on the colour of <paramref name="value"/> reads better in white than in black.</summary>
    public bool IsDark(double value)
    {
        (double r, double g, double b) = Mix(value);
        return (0.2126 * r) + (0.7152 * g) + (0.0722 * b) < 0.45;
    }

    /// <summary>
    /// Appends <c>&lt;defs&gt;</c> with a vertical gradient named <paramref name="id"/> of this scale from
    /// <paramref name="from"/> at the bottom to <paramref name="to"/> at the top.
    /// </summary>
    public void AppendGradient(StringBuilder svg, string id, double from = 0, double to = 1)
    {
        ArgumentNullException.ThrowIfNull(svg);
        svg.Append(CultureInfo.InvariantCulture, $"<defs><linearGradient id=\"{id}\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">");
        for (int i = 0; i <= 10; i++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<stop offset=\"{i / 10.0:0.0}\" stop-color=\"{Colour(from + ((to - from) * (i / 10.0)))}\"/>");
        }

        svg.Append("</linearGradient></defs>\n");
    }

    private (double R, double G, double B) Mix(double value)
    {
        double v = Math.Round(Math.Clamp(value, 0, 1) * Steps) / Steps;
        int segments = _stops.Length - 1;
        int i = Math.Min((int)(v * segments), segments - 1);
        double t = (v * segments) - i;
        (double R, double G, double B) a = _stops[i], b = _stops[i + 1];
        return (a.R + ((b.R - a.R) * t), a.G + ((b.G - a.G) * t), a.B + ((b.B - a.B) * t));
    }
}
