using XorNet.Network;

namespace XorNet.Plots;

/// <summary>
/// How a unit's outputs are coloured: its activation's range laid on the blue-white-red scale with the middle of the
/// range, where the unit reads 1 from, white. The sigmoid's 0..1 is the scale itself; tanh's -1..1 runs from blue
/// through white at 0 to red; a ReLU's 0..its largest output on the plane runs from white to red, as it has no side below
/// its middle.
/// </summary>
internal sealed class UnitColours
{
    private UnitColours(double low, double middle, double high, IReadOnlyList<(double Position, string Label)> ticks)
    {
        Low = low;
        Middle = middle;
        High = high;
        Ticks = ticks;
    }

    /// <summary>The output drawn at the scale's blue end (or white, for a ReLU, whose lowest output is its middle).</summary>
    public double Low { get; }

    /// <summary>The output drawn white: the middle of the activation's range.</summary>
    public double Middle { get; }

    /// <summary>The output drawn at the scale's red end.</summary>
    public double High { get; }

    /// <summary>The labelled ticks of the colour bar, each at its position on the scale (0 blue, 1 red).</summary>
    public IReadOnlyList<(double Position, string Label)> Ticks { get; }

    /// <summary>The lowest position on the scale these colours reach: 0, or 0.5 when nothing is below the middle.</summary>
    public double LowestPosition => Low < Middle ? 0 : 0.5;

    /// <summary>
    /// The colours of units of <paramref name="activation"/>; for a ReLU, <paramref name="largest"/> is the unit's
    /// largest output on the plane (ignored otherwise).
    /// </summary>
    public static UnitColours For(Activation activation, double largest = 0) => activation switch
    {
        Activation.Sigmoid => new UnitColours(0, 0.5, 1, [(0, "0"), (0.5, "0.5"), (1, "1")]),
        Activation.Tanh => new UnitColours(-1, 0, 1, [(0, "-1"), (0.5, "0"), (1, "1")]),
        Activation.Relu => new UnitColours(0, 0, Math.Max(largest, 0), [(0.5, "0"), (1, "max")]),
        _ => throw new ArgumentOutOfRangeException(nameof(activation)),
    };

    /// <summary>
    /// Where <paramref name="output"/> falls on the scale: <see cref="Low"/> at 0, <see cref="Middle"/> at 0.5,
    /// <see cref="High"/> at 1, linearly between (a sigmoid output is its own position, exactly); NaN stays NaN.
    /// </summary>
    public double Position(double output) => double.IsNaN(output) ? output : output <= Middle
        ? (Middle > Low ? 0.5 * ((output - Low) / (Middle - Low)) : 0.5)
        : (High > Middle ? 0.5 + (0.5 * ((output - Middle) / (High - Middle))) : 1);
}
