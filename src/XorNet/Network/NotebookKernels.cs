using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using XorNet.NumPy;

namespace XorNet.Network;

/// <summary>
/// The notebook network's block kernels: its forward pass to the hidden layer and its backward pass, for a block of
/// rows (the products themselves are <see cref="LayerKernels"/>'). Each element gets exactly the scalar operations
/// the comment shows, unfused and in that order, so vectorising never changes a result.
/// </summary>
/// <remarks>
/// The loops read and write without bounds checks (<c>Unsafe.Add</c>, <c>LoadUnsafe</c>). Each method therefore
/// checks once, on entry, that the spans' lengths fit one shape (products taken in 64 bits, so an overflow cannot
/// pass); every offset the loops form is then inside its span. A mismatch throws before any element is touched.
/// </remarks>
internal static class NotebookKernels
{
    /// <summary>The most rows a block kernel takes at once.</summary>
    public const int MaxBlockRows = 8;

    /// <summary>
    /// <c>a1[j, h] = sigmoid((Σ_k x[j, k] · W1[k, h]) + b1[h])</c> for the rows of a block, the sum from 0 in
    /// ascending k: the notebook's <c>a1 = sigmoid(X @ W1 + b1)</c>, a block of rows at a time, by the layer kernel
    /// every network shares. Row j of <paramref name="a1"/> starts at <c>j · stride</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void HiddenActivations(ReadOnlySpan<double> x, ReadOnlySpan<double> w1, ReadOnlySpan<double> b1, Span<double> a1, int stride)
    {
        int width = b1.Length;
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, width);
        int inputs = w1.Length / Math.Max(width, 1);
        int rows = x.Length / Math.Max(inputs, 1);
        if (inputs < 1 || w1.Length != (long)inputs * width || x.Length != (long)rows * inputs || a1.Length != (long)rows * stride)
        {
            ThrowShapeMismatch();
        }

        LayerKernels.Affine(x, rows, inputs, width, w1, b1, a1, stride);

        // The exponentials run in tight passes after the sums, where the CPU overlaps them best: the whole block at
        // once, or row by row when rows are padded.
        if (stride == width)
        {
            NumPyExp.SigmoidInPlace(a1);
        }
        else
        {
            for (int j = 0; j < rows; j++)
            {
                NumPyExp.SigmoidInPlace(a1.Slice(j * stride, width));
            }
        }
    }

    /// <summary>
    /// A block of rows' share of the notebook's backward pass, one sweep over the hidden units:
    /// <c>d1[j, h] = (d2[j] · W2[h]) · (a1[j, h] · (1 − a1[j, h]))</c>, then, adding row after row,
    /// <c>dW2[h] += d2[j] · a1[j, h]</c>, <c>db1[h] += d1[j, h]</c> and <c>dW1[k, h] += x[j, k] · d1[j, h]</c>.
    /// With one hidden unit <c>db1</c> is left alone and <c>d1</c> is written to <paramref name="d1Column"/> instead,
    /// because NumPy sums a single column pairwise. Rows of <paramref name="a1"/> and <paramref name="dW1"/> start
    /// every <paramref name="stride"/> elements.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void BackwardBlock(
        ReadOnlySpan<double> d2, ReadOnlySpan<double> a1, ReadOnlySpan<double> w2, ReadOnlySpan<double> x,
        Span<double> dW2, Span<double> dW1, Span<double> db1, Span<double> d1Column, int stride)
    {
        int width = SameLength(w2, dW2);
        SameLength(w2, db1);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, width);
        int rows = d2.Length;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, MaxBlockRows, nameof(d2));
        int inputs = dW1.Length / Math.Max(stride, 1);

        // The few-inputs path touches dW1's first row and each row's first input whatever the count, so there must
        // be at least one input.
        if (inputs < 1 || a1.Length != (long)rows * stride || x.Length != (long)rows * inputs || dW1.Length != (long)inputs * stride
            || (width == 1 && d1Column.Length != rows))
        {
            ThrowShapeMismatch();
        }

        ref double g = ref MemoryMarshal.GetReference(d2);
        ref double a = ref MemoryMarshal.GetReference(a1);
        ref double v = ref MemoryMarshal.GetReference(w2);
        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double gw2 = ref MemoryMarshal.GetReference(dW2);
        ref double gw1 = ref MemoryMarshal.GetReference(dW1);
        ref double gb1 = ref MemoryMarshal.GetReference(db1);
        int h = 0;
        if (inputs <= 2)
        {
            // Few inputs (the notebook has two): every dW1 sum stays in a register while the rows go by, and d1 never
            // goes through memory.
            for (; h <= width - 4; h += 4)
            {
                Vector256<double> weights = Vector256.LoadUnsafe(ref v, (nuint)h);
                Vector256<double> sumW2 = Vector256.LoadUnsafe(ref gw2, (nuint)h);
                Vector256<double> sumB1 = Vector256.LoadUnsafe(ref gb1, (nuint)h);
                Vector256<double> sumW10 = Vector256.LoadUnsafe(ref gw1, (nuint)h);
                Vector256<double> sumW11 = inputs == 2 ? Vector256.LoadUnsafe(ref gw1, (nuint)(stride + h)) : default;
                for (int j = 0; j < rows; j++)
                {
                    var d2j = Vector256.Create(Unsafe.Add(ref g, j));
                    Vector256<double> aj = Vector256.LoadUnsafe(ref a, (nuint)((j * stride) + h));
                    Vector256<double> d1j = (d2j * weights) * (aj * (Vector256<double>.One - aj));
                    sumW2 += d2j * aj;
                    sumB1 += d1j;
                    sumW10 += Vector256.Create(Unsafe.Add(ref xr, j * inputs)) * d1j;
                    if (inputs == 2)
                    {
                        sumW11 += Vector256.Create(Unsafe.Add(ref xr, (j * 2) + 1)) * d1j;
                    }
                }

                sumW2.StoreUnsafe(ref gw2, (nuint)h);
                sumB1.StoreUnsafe(ref gb1, (nuint)h);
                sumW10.StoreUnsafe(ref gw1, (nuint)h);
                if (inputs == 2)
                {
                    sumW11.StoreUnsafe(ref gw1, (nuint)(stride + h));
                }
            }
        }

        Span<Vector256<double>> d1 = stackalloc Vector256<double>[MaxBlockRows];
        for (; h <= width - 4; h += 4)
        {
            Vector256<double> weights = Vector256.LoadUnsafe(ref v, (nuint)h);
            Vector256<double> sumW2 = Vector256.LoadUnsafe(ref gw2, (nuint)h);
            Vector256<double> sumB1 = Vector256.LoadUnsafe(ref gb1, (nuint)h);
            for (int j = 0; j < rows; j++)
            {
                var d2j = Vector256.Create(Unsafe.Add(ref g, j));
                Vector256<double> aj = Vector256.LoadUnsafe(ref a, (nuint)((j * stride) + h));
                Vector256<double> d1j = (d2j * weights) * (aj * (Vector256<double>.One - aj));
                d1[j] = d1j;
                sumW2 += d2j * aj;
                sumB1 += d1j;
            }

            sumW2.StoreUnsafe(ref gw2, (nuint)h);
            sumB1.StoreUnsafe(ref gb1, (nuint)h);
            for (int k = 0; k < inputs; k++)
            {
                nuint at = (nuint)((k * stride) + h);
                Vector256<double> sumW1 = Vector256.LoadUnsafe(ref gw1, at);
                for (int j = 0; j < rows; j++)
                {
                    sumW1 += Vector256.Create(Unsafe.Add(ref xr, (j * inputs) + k)) * d1[j];
                }

                sumW1.StoreUnsafe(ref gw1, at);
            }
        }

        for (; h < width; h++)
        {
            double weight = Unsafe.Add(ref v, h);
            for (int j = 0; j < rows; j++)
            {
                double d2j = Unsafe.Add(ref g, j);
                double aj = Unsafe.Add(ref a, (j * stride) + h);
                double d1j = (d2j * weight) * (aj * (1 - aj));
                Unsafe.Add(ref gw2, h) += d2j * aj;
                if (width == 1)
                {
                    d1Column[j] = d1j;
                }
                else
                {
                    Unsafe.Add(ref gb1, h) += d1j;
                }

                for (int k = 0; k < inputs; k++)
                {
                    Unsafe.Add(ref gw1, (k * stride) + h) += Unsafe.Add(ref xr, (j * inputs) + k) * d1j;
                }
            }
        }
    }

    private static void ThrowShapeMismatch() =>
        throw new ArgumentException("The spans' lengths do not fit one shape of rows, inputs, hidden units and stride.");

    // The length of 'expected', after checking that 'other' has the same: the loops index both without bounds checks.
    private static int SameLength(ReadOnlySpan<double> expected, ReadOnlySpan<double> other) =>
        other.Length == expected.Length
            ? expected.Length
            : throw new ArgumentException($"Spans of {expected.Length} and {other.Length} elements cannot be combined element-wise.");
}
