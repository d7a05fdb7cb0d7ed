using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace XorNet.Network;

/// <summary>
/// Element-wise loops over spans, four doubles at a time: the update <c>W -= lr * dW</c> both networks make. Each
/// element gets exactly the scalar operations the comment shows, unfused and in that order, so vectorising never
/// changes a result.
/// </summary>
/// <remarks>
/// The loops read and write without bounds checks (<c>Unsafe.Add</c>, <c>LoadUnsafe</c>). Each method therefore
/// checks once, on entry, that the spans' lengths are equal; every offset the loops form is then inside its span. A
/// mismatch throws before any element is touched.
/// </remarks>
internal static class SpanMath
{
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

    /// <summary>The length of <paramref name="destination"/>, after checking that <paramref name="source"/> has the same.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int CheckLengths(ReadOnlySpan<double> destination, ReadOnlySpan<double> source)
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
