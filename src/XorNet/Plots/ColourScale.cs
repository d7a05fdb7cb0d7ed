using System.Globalization;
using System.Text;

using XorNet.NumPy;

namespace XorNet.Plots;

/// <summary>
/// The colours of a network output in [0, 1]: blue for 0 through white at 0.5 to red for 1, in 32 steps per side
/// (<see cref="ColourMap.BlueWhiteRed"/>), and the bar that explains them. Every picture of outputs and targets uses these.
/// </summary>
internal static class ColourScale
{
    /// <summary>The id of the gradient <see cref="Definitions"/> defines, which <see cref="Bar"/> fills with.</summary>
    public const string GradientId = "scale";

    /// <summary>The bar's width in pixels.</summary>
    public const int BarWidth = 18;

    /// <summary>What a value that is not a number (an output that overflowed) is drawn in.</summary>
    public const string NotANumber = "#808080";

    private static readonly double[] Ticks = [0, 0.25, 0.5, 0.75, 1];

    /// <summary>The colour of <paramref name="value"/>, clamped to [0, 1] and rounded to a 64th.</summary>
    public static string Colour(double value)
    {
        if (double.IsNaN(value))
        {
            return NotANumber;
        }

        return ColourMap.BlueWhiteRed.Colour(value);
    }

    /// <summary>The <c>&lt;defs&gt;</c> with the vertical gradient, 0 at the bottom, that <see cref="Bar"/> shows.</summary>
    public static void Definitions(StringBuilder svg)
    {
        ArgumentNullException.ThrowIfNull(svg);
        ColourMap.BlueWhiteRed.AppendGradient(svg, GradientId);
    }

    /// <summary>The bar from 0 (bottom) to 1 (top), <paramref name="height"/> pixels tall, with ticks and the heading "output".</summary>
    public static void Bar(StringBuilder svg, double x, double top, double height, string idSuffix)
    {
        ArgumentNullException.ThrowIfNull(svg);
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect id=\"colour-scale{idSuffix}\" x=\"{Svg.N(x)}\" y=\"{Svg.N(top)}\" width=\"{BarWidth}\" height=\"{Svg.N(height)}\" fill=\"url(#{GradientId})\" stroke=\"#444\"/>\n");
        foreach (double value in Ticks)
        {
            Svg.Text(svg, x + BarWidth + 6, top + ((1 - value) * height) + 4, NumPyFormat.General(value, 6), anchor: "start", size: 12);
        }

        Svg.Text(svg, x + (BarWidth / 2.0), top - 10, "output", size: 12);
    }
}
