using XorNet.NumPy;


namespace XorNet.Network;

/// <summary>
/// Whether outputs are on their targets' side of 0.5: <c>|ŷ − y| &lt; 0.5</c>, for 0/1 targets the rounded output
/// equal to the target.
/// </summary>
public static class Accuracy
{
    /// <summary>Whether every output is within 0.5 of its target (<paramref name="yHat"/> and <paramref name="y"/> of the same shape).</summary>
    public static bool AllOnTargetSide(ReadOnlySpan<double> yHat, ReadOnlySpan<double> y)
    {
        if (yHat.Length != y.Length)
        {
            throw new ArgumentException($"{yHat.Length} outputs against {y.Length} targets.", nameof(yHat));
        }

        for (int i = 0; i < yHat.Length; i++)
        {
            // Written so that a NaN output counts as wrong.
            if (!(Math.Abs(yHat[i] - y[i]) < 0.5))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The share of rows with every one of their <paramref name="outputs"/> outputs within 0.5 of its target.</summary>
    public static double Of(ReadOnlySpan<double> yHat, ReadOnlySpan<double> y, int outputs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(outputs, 1);
        if (yHat.Length != y.Length || yHat.Length % outputs != 0)
        {
            throw new ArgumentException($"{yHat.Length} outputs against {y.Length} targets in rows of {outputs}.", nameof(yHat));
        }

        int rows = yHat.Length / outputs;
        if (rows == 0)
        {
            return double.NaN;
        }

        int right = 0;
        for (int r = 0; r < rows; r++)
        {
            if (AllOnTargetSide(yHat.Slice(r * outputs, outputs), y.Slice(r * outputs, outputs)))
            {
                right++;
            }
        }

        return (double)right / rows;
    }

    /// <summary>The share of rows of <paramref name="y"/> whose outputs in <paramref name="yHat"/> are all within 0.5 of their targets.</summary>
    public static double Of(Matrix yHat, Matrix y)
    {
        ArgumentNullException.ThrowIfNull(yHat);
        ArgumentNullException.ThrowIfNull(y);
        return Of(yHat.AsSpan(), y.AsSpan(), y.Columns);
    }
}
