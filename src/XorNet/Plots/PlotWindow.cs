using System.Globalization;
using XorNet.NumPy;
using XorNet.Data;

namespace XorNet.Plots;

/// <summary>
/// The part of the input plane a two-input picture shows: x1 from <see cref="XMin"/> to <see cref="XMax"/>, x2 from
/// <see cref="YMin"/> to <see cref="YMax"/>. Every picture over the plane (<c>--plot-boundary</c>, <c>--animate</c>,
/// and any other) takes its window from <see cref="For"/>, so that they all show the same part of it.
/// </summary>
public sealed record PlotWindow
{
    /// <summary>What <c>--plot-range</c> accepts, as its messages say it.</summary>
    public const string Accepted = "four finite numbers XMIN,XMAX,YMIN,YMAX with XMIN < XMAX and YMIN < YMAX (each range less than 1.7e308 wide), such as -1,2,-1,2";

    /// <summary>The window of a truth table: the unit square and a quarter on every side.</summary>
    public static readonly PlotWindow TruthTable = new(-0.25, 1.25, -0.25, 1.25);

    // A share of the data's extent added on each side, so that no point sits on the frame.
    private const double Margin = 0.1;

    /// <summary>A window; each range must be finite, non-empty and narrower than the largest double.</summary>
    /// <exception cref="ArgumentException">A bound is not finite, a minimum is not below its maximum, or a width overflows.</exception>
    public PlotWindow(double xMin, double xMax, double yMin, double yMax)
    {
        if (!IsRange(xMin, xMax) || !IsRange(yMin, yMax))
        {
            throw new ArgumentException($"[{xMin}, {xMax}] × [{yMin}, {yMax}] is not a window: each range needs finite bounds, the lower one smaller.");
        }

        (XMin, XMax, YMin, YMax) = (xMin, xMax, yMin, yMax);
    }

    /// <summary>The left edge, the smallest x1 shown.</summary>
    public double XMin { get; }

    /// <summary>The right edge, the largest x1 shown.</summary>
    public double XMax { get; }

    /// <summary>The bottom edge, the smallest x2 shown.</summary>
    public double YMin { get; }

    /// <summary>The top edge, the largest x2 shown.</summary>
    public double YMax { get; }

    /// <summary>
    /// The window for <paramref name="data"/>: <paramref name="range"/> when given (<c>--plot-range</c>); else
    /// <see cref="TruthTable"/> when every input is 0 or 1; else the inputs' extent plus a tenth of it on each side
    /// (at least half a unit either side of a column whose values are all the same).
    /// </summary>
    /// <exception cref="ArgumentException">The data does not have two inputs.</exception>
    public static PlotWindow For(Dataset data, PlotWindow? range = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Inputs != 2)
        {
            throw new ArgumentException($"A picture over the plane needs two inputs; {data.Name} has {data.Inputs}.", nameof(data));
        }

        if (range is not null)
        {
            return range;
        }

        ReadOnlySpan<double> x = data.X.AsSpan();
        bool binary = true;
        foreach (double value in x)
        {
            binary &= value is 0 or 1;
        }

        if (binary)
        {
            return TruthTable;
        }

        (double xLow, double xHigh) = Padded(x, 0);
        (double yLow, double yHigh) = Padded(x, 1);
        return new PlotWindow(xLow, xHigh, yLow, yHigh);
    }

    /// <summary>The window in <paramref name="text"/> (<c>XMIN,XMAX,YMIN,YMAX</c>), or null when it is not one (see <see cref="Accepted"/>).</summary>
    public static PlotWindow? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] cells = text.Split(',');
        var values = new double[4];
        if (cells.Length != 4)
        {
            return null;
        }

        for (int i = 0; i < 4; i++)
        {
            if (!double.TryParse(cells[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
            {
                return null;
            }
        }

        return IsRange(values[0], values[1]) && IsRange(values[2], values[3]) ? new PlotWindow(values[0], values[1], values[2], values[3]) : null;
    }

    /// <summary>The window as <c>--plot-range</c> takes it.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{NumPyFormat.Repr(XMin)},{NumPyFormat.Repr(XMax)},{NumPyFormat.Repr(YMin)},{NumPyFormat.Repr(YMax)}");

    // Finite, ordered, and with a width that is itself finite (so that cells and ticks can be computed).
    private static bool IsRange(double low, double high) => double.IsFinite(low) && double.IsFinite(high) && low < high && double.IsFinite(high - low);

    private static (double Low, double High) Padded(ReadOnlySpan<double> x, int column)
    {
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        for (int i = column; i < x.Length; i += 2)
        {
            low = Math.Min(low, x[i]);
            high = Math.Max(high, x[i]);
        }

        double pad = high > low ? (high - low) * Margin : Math.Max(0.5, Math.Abs(low) * Margin);
        (double paddedLow, double paddedHigh) = (low - pad, high + pad);

        // Inputs near the largest doubles (which no network trains on without overflowing): keep the width finite.
        return IsRange(paddedLow, paddedHigh) ? (paddedLow, paddedHigh) : IsRange(low, high) ? (low, high) : (low / 2, high / 2);
    }
}
