using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace XorNet.Network;

/// <summary>
/// The products of a layer, for a block of rows, vectorised across output columns; both networks use them. Every sum
/// starts from 0 and adds its terms in ascending order, unfused, as the reference BLAS does; vectorising and blocking
/// change only which independent sums run side by side, never a result.
/// </summary>
/// <remarks>
/// The inner loops walk references forward (a row of x, a row of the weights) instead of multiplying indices, so
/// that a register block's step is its loads and its multiplies and adds; the 4 × 8 block keeps eight independent
/// sums in flight, enough to fill both add pipes of the CPU while every sum stays in order.
/// </remarks>
internal static class LayerKernels
{
    /// <summary>
    /// <c>z[r, h] = (Σ_k x[r, k] · w[k, h]) + bias[h]</c> for <paramref name="rows"/> rows: the layer's
    /// <c>a @ W + b</c>; with an empty <paramref name="bias"/>, the plain product <c>a @ W</c>. Row r of
    /// <paramref name="z"/> starts at <c>r · stride</c> (0: the layer's width).
    /// </summary>
    public static void Affine(ReadOnlySpan<double> x, int rows, ReadOnlySpan<double> w, ReadOnlySpan<double> bias, Span<double> z, int stride = 0)
    {
        int inputs = rows <= 0 ? 0 : x.Length / rows;
        int width = inputs == 0 ? (stride == 0 ? z.Length / Math.Max(rows, 1) : bias.Length) : w.Length / inputs;
        Affine(x, rows, inputs, width, w, bias, z, stride == 0 ? width : stride);
    }

    /// <summary>
    /// <see cref="Affine(ReadOnlySpan{double}, int, ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, int)"/>
    /// for a shape the caller knows: the spans must hold exactly <paramref name="rows"/> × <paramref name="inputs"/>
    /// inputs, <paramref name="inputs"/> × <paramref name="width"/> weights and <paramref name="rows"/> rows of
    /// <paramref name="stride"/> outputs.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Affine(
        ReadOnlySpan<double> x, int rows, int inputs, int width, ReadOnlySpan<double> w, ReadOnlySpan<double> bias, Span<double> z, int stride)
    {
        if (rows < 0 || inputs < 0 || width < 0 || stride < width || x.Length != (long)rows * inputs || w.Length != (long)inputs * width
            || z.Length != (long)rows * stride || (bias.Length != 0 && bias.Length != width))
        {
            throw new ArgumentException($"Shapes do not fit: x {x.Length}, w {w.Length}, bias {bias.Length}, z {z.Length} for {rows} rows, stride {stride}.");
        }

        if (width == 1 && stride == 1 && inputs > 0)
        {
            // One output column: the rows' dot products, interleaved.
            RowDots(x, inputs, w, z);
            if (bias.Length != 0)
            {
                for (int r = 0; r < rows; r++)
                {
                    z[r] += bias[0];
                }
            }

            return;
        }

        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double wr = ref MemoryMarshal.GetReference(w);
        ref double zr = ref MemoryMarshal.GetReference(z);
        nint n = inputs, wStep = width;
        int h = 0;
        for (; h <= width - 8; h += 8)
        {
            ref double wh = ref Unsafe.Add(ref wr, h);
            int r = 0;
            for (; r <= rows - 4; r += 4)
            {
                ref double x0 = ref Unsafe.Add(ref xr, r * n);
                ref double x1 = ref Unsafe.Add(ref x0, n);
                ref double x2 = ref Unsafe.Add(ref x1, n);
                ref double x3 = ref Unsafe.Add(ref x2, n);
                ref double wk = ref wh;
                Vector256<double> s00 = default, s01 = default, s10 = default, s11 = default;
                Vector256<double> s20 = default, s21 = default, s30 = default, s31 = default;
                for (nint k = 0; k < n; k++)
                {
                    Vector256<double> w0 = Vector256.LoadUnsafe(ref wk);
                    Vector256<double> w1 = Vector256.LoadUnsafe(ref wk, 4);
                    var a = Vector256.Create(Unsafe.Add(ref x0, k));
                    s00 += a * w0;
                    s01 += a * w1;
                    a = Vector256.Create(Unsafe.Add(ref x1, k));
                    s10 += a * w0;
                    s11 += a * w1;
                    a = Vector256.Create(Unsafe.Add(ref x2, k));
                    s20 += a * w0;
                    s21 += a * w1;
                    a = Vector256.Create(Unsafe.Add(ref x3, k));
                    s30 += a * w0;
                    s31 += a * w1;
                    wk = ref Unsafe.Add(ref wk, wStep);
                }

                ref double z0 = ref Unsafe.Add(ref zr, (r * stride) + h);
                StorePair(ref z0, s00, s01, bias, h);
                StorePair(ref Unsafe.Add(ref z0, stride), s10, s11, bias, h);
                StorePair(ref Unsafe.Add(ref z0, 2 * stride), s20, s21, bias, h);
                StorePair(ref Unsafe.Add(ref z0, 3 * stride), s30, s31, bias, h);
            }

            for (; r < rows; r++)
            {
                ref double x0 = ref Unsafe.Add(ref xr, r * n);
                ref double wk = ref wh;
                Vector256<double> s0 = default, s1 = default;
                for (nint k = 0; k < n; k++)
                {
                    var a = Vector256.Create(Unsafe.Add(ref x0, k));
                    s0 += a * Vector256.LoadUnsafe(ref wk);
                    s1 += a * Vector256.LoadUnsafe(ref wk, 4);
                    wk = ref Unsafe.Add(ref wk, wStep);
                }

                StorePair(ref Unsafe.Add(ref zr, (r * stride) + h), s0, s1, bias, h);
            }
        }

        for (; h <= width - 4; h += 4)
        {
            ref double wh = ref Unsafe.Add(ref wr, h);
            Vector256<double> b = bias.Length != 0 ? Vector256.Create(bias.Slice(h, 4)) : default;
            for (int r = 0; r < rows; r++)
            {
                ref double x0 = ref Unsafe.Add(ref xr, r * n);
                ref double wk = ref wh;
                Vector256<double> s = default;
                for (nint k = 0; k < n; k++)
                {
                    s += Vector256.Create(Unsafe.Add(ref x0, k)) * Vector256.LoadUnsafe(ref wk);
                    wk = ref Unsafe.Add(ref wk, wStep);
                }

                (bias.Length != 0 ? s + b : s).StoreUnsafe(ref zr, (nuint)((r * stride) + h));
            }
        }

        for (; h < width; h++)
        {
            for (int r = 0; r < rows; r++)
            {
                double s = 0;
                for (int k = 0; k < inputs; k++)
                {
                    s += Unsafe.Add(ref xr, (r * inputs) + k) * Unsafe.Add(ref wr, (k * width) + h);
                }

                Unsafe.Add(ref zr, (r * stride) + h) = bias.Length != 0 ? s + bias[h] : s;
            }
        }
    }

    /// <summary>
    /// <c>dW[k, h] += Σ_r a[r, k] · d[r, h]</c>, adding row after row: a block's share of the layer's
    /// <c>dW = a.T @ d</c>, whose sums run over every row of the batch in order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AccumulateOuter(ReadOnlySpan<double> a, int rows, ReadOnlySpan<double> d, Span<double> dW)
    {
        int inputs = rows == 0 ? 0 : a.Length / rows;
        int width = rows == 0 ? 0 : d.Length / rows;
        if (rows <= 0 || a.Length != rows * inputs || d.Length != rows * width || dW.Length != inputs * width)
        {
            if (rows == 0)
            {
                return;
            }

            throw new ArgumentException($"Shapes do not fit: a {a.Length}, d {d.Length}, dW {dW.Length} for {rows} rows.");
        }

        nint n = inputs, m = width;
        ref double ar = ref MemoryMarshal.GetReference(a);
        ref double dr = ref MemoryMarshal.GetReference(d);
        ref double gr = ref MemoryMarshal.GetReference(dW);
        int h = 0;
        for (; h <= width - 8; h += 8)
        {
            int k = 0;
            for (; k <= inputs - 4; k += 4)
            {
                ref double g0 = ref Unsafe.Add(ref gr, (k * m) + h);
                ref double g1 = ref Unsafe.Add(ref g0, m);
                ref double g2 = ref Unsafe.Add(ref g1, m);
                ref double g3 = ref Unsafe.Add(ref g2, m);
                Vector256<double> t00 = Vector256.LoadUnsafe(ref g0), t01 = Vector256.LoadUnsafe(ref g0, 4);
                Vector256<double> t10 = Vector256.LoadUnsafe(ref g1), t11 = Vector256.LoadUnsafe(ref g1, 4);
                Vector256<double> t20 = Vector256.LoadUnsafe(ref g2), t21 = Vector256.LoadUnsafe(ref g2, 4);
                Vector256<double> t30 = Vector256.LoadUnsafe(ref g3), t31 = Vector256.LoadUnsafe(ref g3, 4);
                ref double dRow = ref Unsafe.Add(ref dr, h);
                ref double aRow = ref Unsafe.Add(ref ar, k);
                for (int r = 0; r < rows; r++)
                {
                    Vector256<double> d0 = Vector256.LoadUnsafe(ref dRow);
                    Vector256<double> d1 = Vector256.LoadUnsafe(ref dRow, 4);
                    var ak = Vector256.Create(aRow);
                    t00 += ak * d0;
                    t01 += ak * d1;
                    ak = Vector256.Create(Unsafe.Add(ref aRow, 1));
                    t10 += ak * d0;
                    t11 += ak * d1;
                    ak = Vector256.Create(Unsafe.Add(ref aRow, 2));
                    t20 += ak * d0;
                    t21 += ak * d1;
                    ak = Vector256.Create(Unsafe.Add(ref aRow, 3));
                    t30 += ak * d0;
                    t31 += ak * d1;
                    dRow = ref Unsafe.Add(ref dRow, m);
                    aRow = ref Unsafe.Add(ref aRow, n);
                }

                t00.StoreUnsafe(ref g0);
                t01.StoreUnsafe(ref g0, 4);
                t10.StoreUnsafe(ref g1);
                t11.StoreUnsafe(ref g1, 4);
                t20.StoreUnsafe(ref g2);
                t21.StoreUnsafe(ref g2, 4);
                t30.StoreUnsafe(ref g3);
                t31.StoreUnsafe(ref g3, 4);
            }

            for (; k < inputs; k++)
            {
                ref double g = ref Unsafe.Add(ref gr, (k * m) + h);
                Vector256<double> t0 = Vector256.LoadUnsafe(ref g), t1 = Vector256.LoadUnsafe(ref g, 4);
                ref double dRow = ref Unsafe.Add(ref dr, h);
                ref double aRow = ref Unsafe.Add(ref ar, k);
                for (int r = 0; r < rows; r++)
                {
                    var ak = Vector256.Create(aRow);
                    t0 += ak * Vector256.LoadUnsafe(ref dRow);
                    t1 += ak * Vector256.LoadUnsafe(ref dRow, 4);
                    dRow = ref Unsafe.Add(ref dRow, m);
                    aRow = ref Unsafe.Add(ref aRow, n);
                }

                t0.StoreUnsafe(ref g);
                t1.StoreUnsafe(ref g, 4);
            }
        }

        for (; h <= width - 4; h += 4)
        {
            for (int k = 0; k < inputs; k++)
            {
                ref double g = ref Unsafe.Add(ref gr, (k * m) + h);
                Vector256<double> t = Vector256.LoadUnsafe(ref g);
                ref double dRow = ref Unsafe.Add(ref dr, h);
                ref double aRow = ref Unsafe.Add(ref ar, k);
                for (int r = 0; r < rows; r++)
                {
                    t += Vector256.Create(aRow) * Vector256.LoadUnsafe(ref dRow);
                    dRow = ref Unsafe.Add(ref dRow, m);
                    aRow = ref Unsafe.Add(ref aRow, n);
                }

                t.StoreUnsafe(ref g);
            }
        }

        // Columns left over (a one-wide output layer's only column): vectorised across the inputs instead.
        for (; h < width; h++)
        {
            AccumulateColumn(ref ar, rows, inputs, ref Unsafe.Add(ref dr, h), width, ref Unsafe.Add(ref gr, h));
        }
    }

    /// <summary><c>sums[h] += d[r, h]</c>, row after row: NumPy's <c>np.sum(d, axis=0)</c> down the rows of a wider array.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddRows(ReadOnlySpan<double> d, int rows, Span<double> sums)
    {
        int width = sums.Length;
        if (rows < 0 || d.Length != (long)rows * width)
        {
            throw new ArgumentException($"Shapes do not fit: d {d.Length}, sums {width} for {rows} rows.");
        }

        ref double dr = ref MemoryMarshal.GetReference(d);
        ref double sr = ref MemoryMarshal.GetReference(sums);
        nint m = width;
        int h = 0;
        for (; h <= width - 16; h += 16)
        {
            ref double s = ref Unsafe.Add(ref sr, h);
            Vector256<double> s0 = Vector256.LoadUnsafe(ref s), s1 = Vector256.LoadUnsafe(ref s, 4);
            Vector256<double> s2 = Vector256.LoadUnsafe(ref s, 8), s3 = Vector256.LoadUnsafe(ref s, 12);
            ref double row = ref Unsafe.Add(ref dr, h);
            for (int r = 0; r < rows; r++)
            {
                s0 += Vector256.LoadUnsafe(ref row);
                s1 += Vector256.LoadUnsafe(ref row, 4);
                s2 += Vector256.LoadUnsafe(ref row, 8);
                s3 += Vector256.LoadUnsafe(ref row, 12);
                row = ref Unsafe.Add(ref row, m);
            }

            s0.StoreUnsafe(ref s);
            s1.StoreUnsafe(ref s, 4);
            s2.StoreUnsafe(ref s, 8);
            s3.StoreUnsafe(ref s, 12);
        }

        for (; h < width; h++)
        {
            double s = Unsafe.Add(ref sr, h);
            for (int r = 0; r < rows; r++)
            {
                s += Unsafe.Add(ref dr, (r * m) + h);
            }

            Unsafe.Add(ref sr, h) = s;
        }
    }

    // g[k · width] += Σ_r a[r, k] · d[r · width] for every k, sixteen inputs side by side, then one at a time.
    private static void AccumulateColumn(ref double a, int rows, int inputs, ref double d, int width, ref double g)
    {
        nint n = inputs, m = width;
        int k = 0;
        for (; k <= inputs - 16; k += 16)
        {
            ref double gk = ref Unsafe.Add(ref g, k * m);
            Vector256<double> t0 = Gather(ref gk, m), t1 = Gather(ref Unsafe.Add(ref gk, 4 * m), m);
            Vector256<double> t2 = Gather(ref Unsafe.Add(ref gk, 8 * m), m), t3 = Gather(ref Unsafe.Add(ref gk, 12 * m), m);
            ref double aRow = ref Unsafe.Add(ref a, k);
            ref double dRow = ref d;
            for (int r = 0; r < rows; r++)
            {
                var dr = Vector256.Create(dRow);
                t0 += Vector256.LoadUnsafe(ref aRow) * dr;
                t1 += Vector256.LoadUnsafe(ref aRow, 4) * dr;
                t2 += Vector256.LoadUnsafe(ref aRow, 8) * dr;
                t3 += Vector256.LoadUnsafe(ref aRow, 12) * dr;
                aRow = ref Unsafe.Add(ref aRow, n);
                dRow = ref Unsafe.Add(ref dRow, m);
            }

            Scatter(t0, ref gk, m);
            Scatter(t1, ref Unsafe.Add(ref gk, 4 * m), m);
            Scatter(t2, ref Unsafe.Add(ref gk, 8 * m), m);
            Scatter(t3, ref Unsafe.Add(ref gk, 12 * m), m);
        }

        for (; k < inputs; k++)
        {
            double s = Unsafe.Add(ref g, k * m);
            for (int r = 0; r < rows; r++)
            {
                s += Unsafe.Add(ref a, (r * n) + k) * Unsafe.Add(ref d, r * m);
            }

            Unsafe.Add(ref g, k * m) = s;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Gather(ref double g, nint step) =>
        Vector256.Create(g, Unsafe.Add(ref g, step), Unsafe.Add(ref g, 2 * step), Unsafe.Add(ref g, 3 * step));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Scatter(Vector256<double> t, ref double g, nint step)
    {
        g = t.GetElement(0);
        Unsafe.Add(ref g, step) = t.GetElement(1);
        Unsafe.Add(ref g, 2 * step) = t.GetElement(2);
        Unsafe.Add(ref g, 3 * step) = t.GetElement(3);
    }

    // Adds the bias, when there is one, after the whole sum, as NumPy adds b to the product.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StorePair(ref double z, Vector256<double> s0, Vector256<double> s1, ReadOnlySpan<double> bias, int h)
    {
        if (bias.Length != 0)
        {
            s0 += Vector256.Create(bias.Slice(h, 4));
            s1 += Vector256.Create(bias.Slice(h + 4, 4));
        }

        s0.StoreUnsafe(ref z);
        s1.StoreUnsafe(ref z, 4);
    }

    /// <summary>
    /// <c>dots[j] = Σ_h rows[j, h] · weights[h]</c>, each sum from 0 in ascending h, for the rows of
    /// <paramref name="rows"/> (one per element of <paramref name="dots"/>, row j starting at <c>j · stride</c>).
    /// Four rows run side by side: their sums are independent, so the CPU overlaps them although each must stay in
    /// order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void RowDots(ReadOnlySpan<double> rows, int stride, ReadOnlySpan<double> weights, Span<double> dots)
    {
        int width = weights.Length;
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, width);
        if (rows.Length != (long)dots.Length * stride)
        {
            ThrowShapeMismatch();
        }

        ref double a = ref MemoryMarshal.GetReference(rows);
        ref double w = ref MemoryMarshal.GetReference(weights);
        int j = 0;
        for (; j <= dots.Length - 4; j += 4)
        {
            ref double a0 = ref Unsafe.Add(ref a, j * stride);
            ref double a1 = ref Unsafe.Add(ref a0, stride);
            ref double a2 = ref Unsafe.Add(ref a1, stride);
            ref double a3 = ref Unsafe.Add(ref a2, stride);
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
            ref double row = ref Unsafe.Add(ref a, j * stride);
            double sum = 0;
            for (int h = 0; h < width; h++)
            {
                sum += Unsafe.Add(ref row, h) * Unsafe.Add(ref w, h);
            }

            dots[j] = sum;
        }
    }

    private static void ThrowShapeMismatch() =>
        throw new ArgumentException("The spans' lengths do not fit one shape of rows, inputs, hidden units and stride.");
}
