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
/// length (state spans only where the rule keeps them), so every offset it forms is inside its span. The last
/// elements after the whole groups of four go through the same loop one at a time, each in the first lane of a
/// vector whose other lanes are zero and discarded: cheaper, for arrays as short as the notebook's, than gathering
/// them into one vector and scattering them back.
/// </remarks>
internal static class ElementwiseUpdate
{
    /// <summary>
    /// <c>g = gradient + decay * parameters</c> (just <c>gradient</c> when <paramref name="decay"/> is 0), then the
    /// rule's step for every element.
    /// </summary>
    /// <exception cref="ArgumentException">A span's length differs from the parameters'.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
        nuint whole = (nuint)(n - (n % Vector256<double>.Count));
        Loop<TStep, Groups>(ref step, ref p, ref g, ref f, ref s, 0, whole, decay);
        Loop<TStep, Singles>(ref step, ref p, ref g, ref f, ref s, whole, (nuint)n, decay);
    }

    // Elements [start, end) of each array, TLanes.Width at a time; `end - start` is a multiple of the width.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Loop<TStep, TLanes>(ref TStep step, ref double p, ref double g, ref double f, ref double s, nuint start, nuint end, double decay)
        where TStep : struct, IUpdateStep
        where TLanes : struct, ILanes
    {
        bool decays = decay != 0;
        Vector256<double> wd = Vector256.Create(decay);
        for (nuint i = start; i < end; i += TLanes.Width)
        {
            Vector256<double> pv = TLanes.Load(ref p, i);
            Vector256<double> gv = TLanes.Load(ref g, i);
            if (decays)
            {
                gv += wd * pv;
            }

            Vector256<double> fv = TStep.StateArrays > 0 ? TLanes.Load(ref f, i) : default;
            Vector256<double> sv = TStep.StateArrays > 1 ? TLanes.Load(ref s, i) : default;
            TLanes.Store(step.Step(pv, gv, ref fv, ref sv), ref p, i);
            if (TStep.StateArrays > 0)
            {
                TLanes.Store(fv, ref f, i);
            }

            if (TStep.StateArrays > 1)
            {
                TLanes.Store(sv, ref s, i);
            }
        }
    }

    // How many elements of an array go into a vector at a time, and how they are loaded and stored.
    private interface ILanes
    {
        static abstract nuint Width { get; }

        static abstract Vector256<double> Load(ref double source, nuint i);

        static abstract void Store(Vector256<double> value, ref double destination, nuint i);
    }

    // Four elements in the four lanes.
    private readonly struct Groups : ILanes
    {
        public static nuint Width => (nuint)Vector256<double>.Count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Load(ref double source, nuint i) => Vector256.LoadUnsafe(ref source, i);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(Vector256<double> value, ref double destination, nuint i) => value.StoreUnsafe(ref destination, i);
    }

    // One element in the first lane, the others zero.
    private readonly struct Singles : ILanes
    {
        public static nuint Width => 1;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Vector256<double> Load(ref double source, nuint i) => Vector256.CreateScalar(Unsafe.Add(ref source, i));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store(Vector256<double> value, ref double destination, nuint i) => Unsafe.Add(ref destination, i) = value.ToScalar();
    }
}
