using System.Runtime.CompilerServices;

namespace XorNet.NumPy;

/// <summary>
/// Sums in the order NumPy's <c>np.add.reduce</c> uses along a contiguous axis, so that <c>np.sum</c> and
/// <c>np.mean</c> come out to the same bits.
/// </summary>
/// <remarks>
/// NumPy feeds the reduction through its iterator's buffer 8192 elements at a time, sums each piece with
/// pairwise summation (eight running partial sums below 128 elements, halving above) and adds the pieces to
/// the running total in order.
/// </remarks>
public static class NumPySum
{
    private const int BufferSize = 8192;
    private const int PairwiseBlock = 128;

    /// <summary>The sum NumPy's reduction gives for these values, in this order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Sum(ReadOnlySpan<double> values)
    {
        double total = 0.0;
        for (int start = 0; start < values.Length; start += BufferSize)
        {
            total += Pairwise(values.Slice(start, Math.Min(BufferSize, values.Length - start)));
        }

        return total;
    }

    /// <summary>NumPy's pairwise summation of one buffer (its <c>pairwise_sum</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Pairwise(ReadOnlySpan<double> a)
    {
        int n = a.Length;
        if (n < 8)
        {
            double sum = 0.0;
            for (int i = 0; i < n; i++)
            {
                sum += a[i];
            }

            return sum;
        }

        if (n <= PairwiseBlock)
        {
            double r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3], r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7];
            int i;
            for (i = 8; i < n - (n % 8); i += 8)
            {
                r0 += a[i];
                r1 += a[i + 1];
                r2 += a[i + 2];
                r3 += a[i + 3];
                r4 += a[i + 4];
                r5 += a[i + 5];
                r6 += a[i + 6];
                r7 += a[i + 7];
            }

            double sum = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++)
            {
                sum += a[i];
            }

            return sum;
        }

        int half = n / 2;
        half -= half % 8;
        return Pairwise(a[..half]) + Pairwise(a[half..]);
    }
}
