using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace XorNet.Network;

/// <summary>
/// The two products of a layer, for a block of rows, vectorised across output columns. Every sum starts from 0 and
/// adds its terms in ascending order, unfused, as the reference BLAS does; vectorising and blocking change only which
/// independent sums run side by side, never a result.
/// </summary>
internal static class LayerKernels
{
    /// <summary>
    /// <c>z[r, h] = (Σ_k x[r, k] · w[k, h]) + bias[h]</c> for <paramref name="rows"/> rows: the layer's
    /// <c>a @ W + b</c>; with an empty <paramref name="bias"/>, the plain product <c>a @ W</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Affine(ReadOnlySpan<double> x, int rows, ReadOnlySpan<double> w, ReadOnlySpan<double> bias, Span<double> z)
    {
        int inputs = rows == 0 ? 0 : x.Length / rows;
        int width = inputs == 0 ? z.Length / Math.Max(rows, 1) : w.Length / inputs;
        if (rows < 0 || x.Length != rows * inputs || w.Length != inputs * width || z.Length != rows * width
            || (bias.Length != 0 && bias.Length != width))
        {
            throw new ArgumentException($"Shapes do not fit: x {x.Length}, w {w.Length}, bias {bias.Length}, z {z.Length} for {rows} rows.");
        }

        ref double xr = ref MemoryMarshal.GetReference(x);
        ref double wr = ref MemoryMarshal.GetReference(w);
        ref double zr = ref MemoryMarshal.GetReference(z);
        int h = 0;
        for (; h <= width - 8; h += 8)
        {
            int r = 0;
            for (; r <= rows - 4; r += 4)
            {
                Vector256<double> s00 = default, s01 = default, s10 = default, s11 = default;
                Vector256<double> s20 = default, s21 = default, s30 = default, s31 = default;
                for (int k = 0; k < inputs; k++)
                {
                    Vector256<double> w0 = Vector256.LoadUnsafe(ref wr, (nuint)((k * width) + h));
                    Vector256<double> w1 = Vector256.LoadUnsafe(ref wr, (nuint)((k * width) + h + 4));
                    var x0 = Vector256.Create(Unsafe.Add(ref xr, (r * inputs) + k));
                    var x1 = Vector256.Create(Unsafe.Add(ref xr, ((r + 1) * inputs) + k));
                    var x2 = Vector256.Create(Unsafe.Add(ref xr, ((r + 2) * inputs) + k));
                    var x3 = Vector256.Create(Unsafe.Add(ref xr, ((r + 3) * inputs) + k));
                    s00 += x0 * w0;
                    s01 += x0 * w1;
                    s10 += x1 * w0;
                    s11 += x1 * w1;
                    s20 += x2 * w0;
                    s21 += x2 * w1;
                    s30 += x3 * w0;
                    s31 += x3 * w1;
                }

                StorePair(ref zr, (r * width) + h, s00, s01, bias, h);
                StorePair(ref zr, ((r + 1) * width) + h, s10, s11, bias, h);
                StorePair(ref zr, ((r + 2) * width) + h, s20, s21, bias, h);
                StorePair(ref zr, ((r + 3) * width) + h, s30, s31, bias, h);
            }

            for (; r < rows; r++)
            {
                Vector256<double> s0 = default, s1 = default;
                for (int k = 0; k < inputs; k++)
                {
                    var xk = Vector256.Create(Unsafe.Add(ref xr, (r * inputs) + k));
                    s0 += xk * Vector256.LoadUnsafe(ref wr, (nuint)((k * width) + h));
                    s1 += xk * Vector256.LoadUnsafe(ref wr, (nuint)((k * width) + h + 4));
                }

                StorePair(ref zr, (r * width) + h, s0, s1, bias, h);
            }
        }

        for (; h <= width - 4; h += 4)
        {
            for (int r = 0; r < rows; r++)
            {
                Vector256<double> s = default;
                for (int k = 0; k < inputs; k++)
                {
                    s += Vector256.Create(Unsafe.Add(ref xr, (r * inputs) + k)) * Vector256.LoadUnsafe(ref wr, (nuint)((k * width) + h));
                }

                if (bias.Length != 0)
                {
                    s += Vector256.Create(bias.Slice(h, 4));
                }

                s.StoreUnsafe(ref zr, (nuint)((r * width) + h));
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

                Unsafe.Add(ref zr, (r * width) + h) = bias.Length != 0 ? s + bias[h] : s;
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

        ref double ar = ref MemoryMarshal.GetReference(a);
        ref double dr = ref MemoryMarshal.GetReference(d);
        ref double gr = ref MemoryMarshal.GetReference(dW);
        int h = 0;
        for (; h <= width - 8; h += 8)
        {
            int k = 0;
            for (; k <= inputs - 4; k += 4)
            {
                nuint g0 = (nuint)((k * width) + h), g1 = g0 + (nuint)width, g2 = g1 + (nuint)width, g3 = g2 + (nuint)width;
                Vector256<double> t00 = Vector256.LoadUnsafe(ref gr, g0), t01 = Vector256.LoadUnsafe(ref gr, g0 + 4);
                Vector256<double> t10 = Vector256.LoadUnsafe(ref gr, g1), t11 = Vector256.LoadUnsafe(ref gr, g1 + 4);
                Vector256<double> t20 = Vector256.LoadUnsafe(ref gr, g2), t21 = Vector256.LoadUnsafe(ref gr, g2 + 4);
                Vector256<double> t30 = Vector256.LoadUnsafe(ref gr, g3), t31 = Vector256.LoadUnsafe(ref gr, g3 + 4);
                for (int r = 0; r < rows; r++)
                {
                    Vector256<double> d0 = Vector256.LoadUnsafe(ref dr, (nuint)((r * width) + h));
                    Vector256<double> d1 = Vector256.LoadUnsafe(ref dr, (nuint)((r * width) + h + 4));
                    ref double ark = ref Unsafe.Add(ref ar, (r * inputs) + k);
                    var a0 = Vector256.Create(ark);
                    var a1 = Vector256.Create(Unsafe.Add(ref ark, 1));
                    var a2 = Vector256.Create(Unsafe.Add(ref ark, 2));
                    var a3 = Vector256.Create(Unsafe.Add(ref ark, 3));
                    t00 += a0 * d0;
                    t01 += a0 * d1;
                    t10 += a1 * d0;
                    t11 += a1 * d1;
                    t20 += a2 * d0;
                    t21 += a2 * d1;
                    t30 += a3 * d0;
                    t31 += a3 * d1;
                }

                t00.StoreUnsafe(ref gr, g0);
                t01.StoreUnsafe(ref gr, g0 + 4);
                t10.StoreUnsafe(ref gr, g1);
                t11.StoreUnsafe(ref gr, g1 + 4);
                t20.StoreUnsafe(ref gr, g2);
                t21.StoreUnsafe(ref gr, g2 + 4);
                t30.StoreUnsafe(ref gr, g3);
                t31.StoreUnsafe(ref gr, g3 + 4);
            }

            for (; k < inputs; k++)
            {
                nuint g = (nuint)((k * width) + h);
                Vector256<double> t0 = Vector256.LoadUnsafe(ref gr, g), t1 = Vector256.LoadUnsafe(ref gr, g + 4);
                for (int r = 0; r < rows; r++)
                {
                    var ak = Vector256.Create(Unsafe.Add(ref ar, (r * inputs) + k));
                    t0 += ak * Vector256.LoadUnsafe(ref dr, (nuint)((r * width) + h));
                    t1 += ak * Vector256.LoadUnsafe(ref dr, (nuint)((r * width) + h + 4));
                }

                t0.StoreUnsafe(ref gr, g);
                t1.StoreUnsafe(ref gr, g + 4);
            }
        }

        for (; h <= width - 4; h += 4)
        {
            for (int k = 0; k < inputs; k++)
            {
                nuint g = (nuint)((k * width) + h);
                Vector256<double> t = Vector256.LoadUnsafe(ref gr, g);
                for (int r = 0; r < rows; r++)
                {
                    t += Vector256.Create(Unsafe.Add(ref ar, (r * inputs) + k)) * Vector256.LoadUnsafe(ref dr, (nuint)((r * width) + h));
                }

                t.StoreUnsafe(ref gr, g);
            }
        }

        for (; h < width; h++)
        {
            for (int k = 0; k < inputs; k++)
            {
                double t = Unsafe.Add(ref gr, (k * width) + h);
                for (int r = 0; r < rows; r++)
                {
                    t += Unsafe.Add(ref ar, (r * inputs) + k) * Unsafe.Add(ref dr, (r * width) + h);
                }

                Unsafe.Add(ref gr, (k * width) + h) = t;
            }
        }
    }

    // Adds the bias, when there is one, after the whole sum, as NumPy adds b to the product.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StorePair(ref double z, int at, Vector256<double> s0, Vector256<double> s1, ReadOnlySpan<double> bias, int h)
    {
        if (bias.Length != 0)
        {
            s0 += Vector256.Create(bias.Slice(h, 4));
            s1 += Vector256.Create(bias.Slice(h + 4, 4));
        }

        s0.StoreUnsafe(ref z, (nuint)at);
        s1.StoreUnsafe(ref z, (nuint)at + 4);
    }
}
