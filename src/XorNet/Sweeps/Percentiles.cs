namespace XorNet.Sweeps;

/// <summary>NumPy's <c>np.percentile</c> (linear interpolation, its default) and <c>np.median</c>, to the bit.</summary>
public static class Percentiles
{
    /// <summary>
    /// <c>np.percentile(values, percent)</c>: the value at index <c>(n − 1) · percent / 100</c> of the sorted values,
    /// interpolated linearly between its neighbours as NumPy's <c>_lerp</c> does; NaN when any value is NaN or there
    /// are none.
    /// </summary>
    public static double Linear(IReadOnlyList<double> values, double percent)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        double[]? sorted = Sorted(values);
        if (sorted is null)
        {
            return double.NaN;
        }

        double index = (sorted.Length - 1) * (percent / 100);
        double previous = Math.Floor(index);
        int below = (int)previous;
        int above = Math.Min(below + 1, sorted.Length - 1);
        double gamma = index - previous;
        double a = sorted[below], b = sorted[above], difference = b - a;

        // NumPy interpolates from the nearer end, so that a weight of 1 gives exactly the upper value.
        return gamma >= 0.5 ? b - (difference * (1 - gamma)) : a + (difference * gamma);
    }

    /// <summary><c>np.median(values)</c>: the middle value, or the mean of the two middle ones; NaN when any value is NaN or there are none.</summary>
    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double[]? sorted = Sorted(values);
        if (sorted is null)
        {
            return double.NaN;
        }

        int half = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }

    private static double[]? Sorted(IReadOnlyList<double> values)
    {
        if (values.Count == 0 || values.Any(double.IsNaN))
        {
            return null;
        }

        double[] sorted = [.. values];
        Array.Sort(sorted);
        return sorted;
    }
}
