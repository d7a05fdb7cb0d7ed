using System.Globalization;

namespace XorNet.Plots;

/// <summary>Round tick values for an axis, 1, 2, 2.5 or 5 times a power of ten apart, and their labels.</summary>
internal static class AxisTicks
{
    private static readonly double[] Steps = [1, 2, 2.5, 5, 10];

    /// <summary>
    /// The ticks within [<paramref name="low"/>, <paramref name="high"/>], about <paramref name="count"/> of them
    /// (at least two), each with its label: as many decimals as the step needs, or scientific notation for values
    /// of a million or more, or all below 1e-4.
    /// </summary>
    public static IReadOnlyList<(double Value, string Label)> For(double low, double high, int count = 6)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 2);
        if (!(double.IsFinite(low) && double.IsFinite(high) && low < high))
        {
            throw new ArgumentException($"[{low}, {high}] is not an axis range.", nameof(low));
        }

        double raw = (high - low) / count;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = Steps.Select(m => m * magnitude).First(s => s >= raw * 0.999);
        // Fixed decimals as the step needs; very large or small values in scientific notation, with as many
        // significant digits as it takes to tell neighbouring ticks apart.
        double largest = Math.Max(Math.Abs(low), Math.Abs(high));
        bool scientific = largest >= 1e6 || largest < 1e-4;
        int decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step) + 1e-9)) + (step / magnitude == 2.5 ? 1 : 0);
        int digits = Math.Clamp((int)Math.Ceiling(Math.Log10(largest / step)) + 1, 1, 15);
        string format = scientific ? "0." + new string('#', digits) + "e0" : "F" + decimals.ToString(CultureInfo.InvariantCulture);

        var ticks = new List<(double, string)>();
        double first = Math.Ceiling((low / step) - 1e-6);
        for (double k = first; (k * step) <= high + (step * 1e-6) && ticks.Count <= 2 * count; k++)
        {
            double value = k == 0 ? 0 : k * step;
            string label = value == 0 ? "0" : value.ToString(format, CultureInfo.InvariantCulture);
            ticks.Add((value, TrimZeros(label, scientific)));
        }

        return ticks;
    }

    // "0.50" → "0.5", "1.00" → "1", as the truth tables' axes have always been labelled.
    private static string TrimZeros(string label, bool scientific) =>
        scientific || !label.Contains('.', StringComparison.Ordinal) ? label : label.TrimEnd('0').TrimEnd('.');
}
