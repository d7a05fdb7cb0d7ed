using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace XorNet.Network.Optimizers;

/// <summary>
/// Runs an <see cref="IUpdateStep"/> over a parameter array four elements at a time, with weight decay added to the
/// gradient first: the one loop every update rule shares. The step is a struct type argument, so each rule's loop
/// is compiled with its step inlined and the state it does not keep neither loaded nor stored.
/// </summary>
/// <remarks>
/// The loop reads and writes without bounds checks; it checks once, on entry, that every span has the parameters'
/// length (state spans only where the rule keeps them), so every offset it forms is inside its span. A last group of
/// fewer than four elements is gathered into vectors whose other lanes are zero, stepped, and scattered back: the
/// zero lanes' results are discarded.
/// </remarks>
internal static class ElementwiseUpdate
{
    private const int Width = 4;

    /// <summary>
    /// <c>g = gradient + decay * parameters</c> (just <c>gradient</c> when <paramref name="decay"/> is 0), then the
    /// rule's step for every element.
    /// </summary>
    /// <exception cref="ArgumentException">A span's length differs from the parameters'.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run<TStep>(
        ref TStep step, Span<double> parameters, ReadOnlySpan<double> gradient, Span<double> first, Span<double> second, double decay)
        where TStep : struct, IUpdateStep
    {
        int n = parameters.Length;
        if (gradient.Length != n || (TStep.StateArrays > 0 && first.Length != n) || (TStep.StateArrays > 1 && second.Length != n))
        {
            throw new ArgumentException("The gradient, the parameters and the optimiser's state differ in length.", nameof(gradient));
        }

        ref double p = ref MemoryMarshal.GetReference(parameters);
        ref double g = ref MemoryMarshal.GetReference(gradient);
        ref double f = ref MemoryMarshal.GetReference(first);
        ref double s = ref MemoryMarshal.GetReference(second);
        bool decays = decay != 0;
        Vector256<double> wd = Vector256.Create(decay);
        for (int i = 0; i < n; i += Width)
        {
            int count = Math.Min(Width, n - i);
            Vector256<double> pv = Load(ref p, i, count);
            Vector256<double> gv = Load(ref g, i, count);
            if (decays)
            {
                gv += wd * pv;
            }

            Vector256<double> fv = TStep.StateArrays > 0 ? Load(ref f, i, count) : default;
            Vector256<double> sv = TStep.StateArrays > 1 ? Load(ref s, i, count) : default;
            Store(step.Step(pv, gv, ref fv, ref sv), ref p, i, count);
            if (TStep.StateArrays > 0)
            {
                Store(fv, ref f, i, count);
            }

            if (TStep.StateArrays > 1)
            {
                Store(sv, ref s, i, count);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Load(ref double source, int i, int count)
    {
        if (count == Width)
        {
            return Vector256.LoadUnsafe(ref source, (nuint)i);
        }

        Vector256<double> v = Vector256<double>.Zero;
        for (int k = 0; k < count; k++)
        {
            v = v.WithElement(k, Unsafe.Add(ref source, i + k));
        }

        return v;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector256<double> value, ref double destination, int i, int count)
    {
        if (count == Width)
        {
            value.StoreUnsafe(ref destination, (nuint)i);
            return;
        }

        for (int k = 0; k < count; k++)
        {
            Unsafe.Add(ref destination, i + k) = value.GetElement(k);
        }
    }
}
