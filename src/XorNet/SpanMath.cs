using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace XorNet;

/// <summary>
/// Element-wise loops over spans, four doubles at a time. Each element gets exactly the scalar operations the
/// comment shows, unfused and in that order, so vectorising never changes a result.
/// </summary>
internal static class SpanMath
{
    /// <summary><c>destination[i] += scale * source[i]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaled(Span<double> destination, double scale, ReadOnlySpan<double> source)
    {
        int n = CheckLengths(destination, source);
        ref double d = ref MemoryMarshal.GetReference(destination);
        ref double s = ref MemoryMarshal.GetReference(source);
        int i = 0;
        var s4 = Vector256.Create(scale);
        for (; i <= n - 4; i += 4)
        {
            (Vector256.LoadUnsafe(ref d, (nuint)i) + (s4 * Vector256.LoadUnsafe(ref s, (nuint)i))).StoreUnsafe(ref d, (nuint)i);
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref d, i) += scale * Unsafe.Add(ref s, i);
        }
    }

    /// <summary><c>destination[i] -= scale * source[i]</c>: the notebook's update <c>W -= lr * dW</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SubtractScaled(Span<double> destination, double scale, ReadOnlySpan<double> source)
    {
        int n = CheckLengths(destination, source);
        ref double d = ref MemoryMarshal.GetReference(destination);
        ref double s = ref MemoryMarshal.GetReference(source);
        int i = 0;
        var s4 = Vector256.Create(scale);
        for (; i <= n - 4; i += 4)
        {
            (Vector256.LoadUnsafe(ref d, (nuint)i) - (s4 * Vector256.LoadUnsafe(ref s, (nuint)i))).StoreUnsafe(ref d, (nuint)i);
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref d, i) -= scale * Unsafe.Add(ref s, i);
        }
    }

    /// <summary><c>destination[i] += source[i]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(Span<double> destination, ReadOnlySpan<double> source)
    {
        int n = CheckLengths(destination, source);
        ref double d = ref MemoryMarshal.GetReference(destination);
        ref double s = ref MemoryMarshal.GetReference(source);
        int i = 0;
        for (; i <= n - 4; i += 4)
        {
            (Vector256.LoadUnsafe(ref d, (nuint)i) + Vector256.LoadUnsafe(ref s, (nuint)i)).StoreUnsafe(ref d, (nuint)i);
        }

        for (; i < n; i++)
        {
            Unsafe.Add(ref d, i) += Unsafe.Add(ref s, i);
        }
    }

    /// <summary>
    /// <c>z[h] = (Σ_k inputs[k] · weights[k, h]) + bias[h]</c>, the sum from 0 in ascending k: one row of the
    /// notebook's <c>X @ W1 + b1</c>, with <paramref name="weights"/> row-major, one row per input.
    /// </summary>
    public static void Affine(ReadOnlySpan<double> inputs, ReadOnlySpan<double> weights, ReadOnlySpan<double> bias, Span<double> z)
    {
        int width = CheckLengths(z, bias);
        if (weights.Length != inputs.Length * width)
        {
            ThrowLengthMismatch(weights.Length, inputs.Length * width);
        }

        ref double x = ref MemoryMarshal.GetReference(inputs);
        ref double w = ref MemoryMarshal.GetReference(weights);
        ref double b = ref MemoryMarshal.GetReference(bias);
        ref double d = ref MemoryMarshal.GetReference(z);
        int h = 0;
        for (; h <= width - 4; h += 4)
        {
            Vector256<double> sum = Vector256<double>.Zero;
            for (int k = 0; k < inputs.Length; k++)
            {
                sum += Vector256.Create(Unsafe.Add(ref x, k)) * Vector256.LoadUnsafe(ref w, (nuint)((k * width) + h));
            }

            (sum + Vector256.LoadUnsafe(ref b, (nuint)h)).StoreUnsafe(ref d, (nuint)h);
        }

        for (; h < width; h++)
        {
            double sum = 0;
            for (int k = 0; k < inputs.Length; k++)
            {
                sum += Unsafe.Add(ref x, k) * Unsafe.Add(ref w, (k * width) + h);
            }

            Unsafe.Add(ref d, h) = sum + Unsafe.Add(ref b, h);
        }
    }

    /// <summary>
    /// <c>dots[j] = Σ_h rows[j, h] · weights[h]</c>, each sum from 0 in ascending h, for the rows of the row-major
    /// <paramref name="rows"/> (one per element of <paramref name="dots"/>). Four rows run side by side: their sums
    /// are independent, so the CPU overlaps them although each must stay in order.
    /// </summary>
    public static void RowDots(ReadOnlySpan<double> rows, ReadOnlySpan<double> weights, Span<double> dots)
    {
        int width = weights.Length;
        if (rows.Length != dots.Length * width)
        {
            ThrowLengthMismatch(rows.Length, dots.Length * width);
        }

        ref double a = ref MemoryMarshal.GetReference(rows);
        ref double w = ref MemoryMarshal.GetReference(weights);
        int j = 0;
        for (; j <= dots.Length - 4; j += 4)
        {
            ref double a0 = ref Unsafe.Add(ref a, j * width);
            ref double a1 = ref Unsafe.Add(ref a0, width);
            ref double a2 = ref Unsafe.Add(ref a1, width);
            ref double a3 = ref Unsafe.Add(ref a2, width);
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int h = 0; h < width; h++)
            {
                double wh = Unsafe.Add(ref w, h);
                s0 += Unsafe.Add(ref a0, h) * wh;
                s1 += Unsafe.Add(ref a1, h) * wh;
                s2 += Unsafe.Add(ref a2, h) * wh;
                s3 += Unsafe.Add(ref a3, h) * wh;
            }

            dots[j] = s0;
            dots[j + 1] = s1;
            dots[j + 2] = s2;
            dots[j + 3] = s3;
        }

        for (; j < dots.Length; j++)
        {
            ref double row = ref Unsafe.Add(ref a, j * width);
            double sum = 0;
            for (int h = 0; h < width; h++)
            {
                sum += Unsafe.Add(ref row, h) * Unsafe.Add(ref w, h);
            }

            dots[j] = sum;
        }
    }

    /// <summary>
    /// One row's share of the notebook's backward pass, in one sweep over the hidden units:
    /// <c>d1[h] = (d2 · w2[h]) · (a1[h] · (1 − a1[h]))</c>, then <c>dW2[h] += d2 · a1[h]</c>,
    /// <c>dW1[k, h] += inputs[k] · d1[h]</c> and, when <paramref name="addToBiasGradient"/>, <c>db1[h] += d1[h]</c>.
    /// </summary>
    public static void BackwardRow(
        double d2, ReadOnlySpan<double> a1, ReadOnlySpan<double> w2, ReadOnlySpan<double> inputs,
        Span<double> d1, Span<double> dW2, Span<double> dW1, Span<double> db1, bool addToBiasGradient)
    {
        int width = CheckLengths(d1, a1);
        CheckLengths(d1, w2);
        CheckLengths(d1, dW2);
        CheckLengths(d1, db1);
        if (dW1.Length != inputs.Length * width)
        {
            ThrowLengthMismatch(dW1.Length, inputs.Length * width);
        }

        ref double a = ref MemoryMarshal.GetReference(a1);
        ref double w = ref MemoryMarshal.GetReference(w2);
        ref double x = ref MemoryMarshal.GetReference(inputs);
        ref double g1 = ref MemoryMarshal.GetReference(d1);
        ref double gw2 = ref MemoryMarshal.GetReference(dW2);
        ref double gw1 = ref MemoryMarshal.GetReference(dW1);
        ref double gb1 = ref MemoryMarshal.GetReference(db1);
        var d2v = Vector256.Create(d2);
        int h = 0;
        for (; h <= width - 4; h += 4)
        {
            Vector256<double> av = Vector256.LoadUnsafe(ref a, (nuint)h);
            Vector256<double> d1v = (d2v * Vector256.LoadUnsafe(ref w, (nuint)h)) * (av * (Vector256<double>.One - av));
            d1v.StoreUnsafe(ref g1, (nuint)h);
            (Vector256.LoadUnsafe(ref gw2, (nuint)h) + (d2v * av)).StoreUnsafe(ref gw2, (nuint)h);
            for (int k = 0; k < inputs.Length; k++)
            {
                nuint at = (nuint)((k * width) + h);
                (Vector256.LoadUnsafe(ref gw1, at) + (Vector256.Create(Unsafe.Add(ref x, k)) * d1v)).StoreUnsafe(ref gw1, at);
            }

            if (addToBiasGradient)
            {
                (Vector256.LoadUnsafe(ref gb1, (nuint)h) + d1v).StoreUnsafe(ref gb1, (nuint)h);
            }
        }

        for (; h < width; h++)
        {
            double ah = Unsafe.Add(ref a, h);
            double d1h = (d2 * Unsafe.Add(ref w, h)) * (ah * (1 - ah));
            Unsafe.Add(ref g1, h) = d1h;
            Unsafe.Add(ref gw2, h) += d2 * ah;
            for (int k = 0; k < inputs.Length; k++)
            {
                Unsafe.Add(ref gw1, (k * width) + h) += Unsafe.Add(ref x, k) * d1h;
            }

            if (addToBiasGradient)
            {
                Unsafe.Add(ref gb1, h) += d1h;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int CheckLengths(ReadOnlySpan<double> destination, ReadOnlySpan<double> source)
    {
        if (source.Length != destination.Length)
        {
            ThrowLengthMismatch(destination.Length, source.Length);
        }

        return destination.Length;
    }

    private static void ThrowLengthMismatch(int destination, int source) =>
        throw new ArgumentException($"Spans of {destination} and {source} elements cannot be combined element-wise.");
}
