using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace XorNet.Network.Optimizers;

/// <summary>
/// iRPROP−: <c>s = np.sign(g * g_prev); step = np.clip(step * np.where(s &gt; 0, 1.2, np.where(s &lt; 0, 0.5, 1.0)), 1e-6, 50);
/// g = np.where(s &lt; 0, 0.0, g); p -= np.sign(g) * step; g_prev = g</c>; the state is <c>step</c> and <c>g_prev</c>.
/// </summary>
internal readonly struct RpropStep : IUpdateStep
{
    private const double Grow = 1.2;
    private const double Shrink = 0.5;
    private const double MinStep = 1e-6;
    private const double MaxStep = 50;
    private const double TwoTo537 = 4.4989137945431964e161;
    private const double TwoTo52 = 4503599627370496.0;

    /// <inheritdoc/>
    public static int StateArrays => 2;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> Step(Vector256<double> parameters, Vector256<double> gradient, ref Vector256<double> first, ref Vector256<double> second)
    {
        // s > 0 and s < 0 where s = np.sign(g * g_prev): the product's own sign, so it is compared directly (a NaN
        // product is neither, as its sign, NaN, is neither).
        Vector256<double> zero = Vector256<double>.Zero;
        Vector256<double> product = SignedProduct(gradient, second);
        Vector256<double> rising = Vector256.GreaterThan(product, zero), flipped = Vector256.LessThan(product, zero);
        Vector256<double> factor = Vector256.ConditionalSelect(rising, Vector256.Create(Grow), Vector256.ConditionalSelect(flipped, Vector256.Create(Shrink), Vector256<double>.One));
        Vector256<double> step = Clip(first * factor);
        Vector256<double> g = Vector256.ConditionalSelect(flipped, zero, gradient);
        first = step;
        second = g;
        return parameters - (Sign(g) * step);
    }

    // g * g_prev where that is at least 2^-1000; elsewhere ±1 or ±0 with the product's sign, zero exactly where the
    // product rounds to zero. A product that underflows costs a hundred cycles or more, and a saturated network's
    // gradients (Rprop's reach 1e-255 on XOR) make such products at every step, so those lanes, found from the
    // exponents alone (a biased sum below 1046), are not multiplied. Their product rounds to zero when the exact
    // product is at most 2^-1075, that is when |g|·2^537 · |g_prev|·2^537 + 2^52, rounded once (fused), is 2^52:
    // adding 2^52 rounds to whole numbers, halves to even, as the subnormal range rounds to multiples of 2^-1074.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> SignedProduct(Vector256<double> g, Vector256<double> previous)
    {
        Vector256<long> exponentMask = Vector256.Create(0x7FFL);
        Vector256<long> exponents = ((g.AsInt64() >> 52) & exponentMask) + ((previous.AsInt64() >> 52) & exponentMask);
        Vector256<double> tiny = Vector256.LessThan(exponents, Vector256.Create(1046L)).AsDouble();
        Vector256<double> one = Vector256<double>.One;
        Vector256<double> product = Vector256.ConditionalSelect(tiny, one, g) * Vector256.ConditionalSelect(tiny, one, previous);
        if (tiny == Vector256<double>.Zero)
        {
            return product;
        }

        Vector256<double> scale = Vector256.Create(TwoTo537), wholeNumbers = Vector256.Create(TwoTo52);
        Vector256<double> rounded = Vector256.FusedMultiplyAdd(Vector256.Abs(g) * scale, Vector256.Abs(previous) * scale, wholeNumbers);
        Vector256<double> sign = (g ^ previous) & Vector256.Create(-0.0);
        Vector256<double> small = (Vector256.GreaterThan(rounded, wholeNumbers) & one) | sign;
        return Vector256.ConditionalSelect(tiny, small, product);
    }

    // np.clip(x, 1e-6, 50) as np.minimum(np.maximum(x, 1e-6), 50): a NaN stays NaN, as it does there.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Clip(Vector256<double> x)
    {
        Vector256<double> low = Vector256.Create(MinStep), high = Vector256.Create(MaxStep);
        Vector256<double> raised = Vector256.ConditionalSelect(Vector256.LessThan(x, low), low, x);
        return Vector256.ConditionalSelect(Vector256.GreaterThan(raised, high), high, raised);
    }

    // np.sign: 1, -1, +0 for either zero, NaN for NaN. The three cases are masks taken side by side and merged,
    // rather than chosen one after another.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Sign(Vector256<double> x)
    {
        Vector256<double> zero = Vector256<double>.Zero;
        Vector256<double> positive = Vector256.GreaterThan(x, zero) & Vector256<double>.One;
        Vector256<double> negative = Vector256.LessThan(x, zero) & Vector256.Create(-1.0);
        Vector256<double> nan = Vector256.AndNot(x, Vector256.Equals(x, x));
        return positive | negative | nan;
    }
}
