namespace XorNet.NumPy;

/// <summary>
/// NumPy's <c>np.tanh</c> for float64 on CPUs with FMA3: not the C library's <c>tanh</c>, but a degree-16
/// polynomial per subinterval of |x|, evaluated by fused multiply-adds (<see cref="NumPyTanhTable"/>). The two
/// differ in the last bit for about a quarter of inputs, which training soon makes visible.
/// </summary>
public static class NumPyTanh
{
    private const ulong SignBit = 0x8000_0000_0000_0000;

    // The table as doubles, decoded once.
    private static readonly double[] Table = [.. NumPyTanhTable.Bits.ToArray().Select(BitConverter.UInt64BitsToDouble)];

    /// <summary><c>np.tanh(x)</c>, to the bit.</summary>
    public static double Tanh(double x)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(x);

        // The exponent and the top mantissa bit pick the subinterval; NaN, infinities and |x| ≥ 2^1022 go to the
        // C library, as NumPy sends them.
        ulong scale = bits & 0x7ff8_0000_0000_0000;
        if (scale > 0x7fe0_0000_0000_0000)
        {
            return Math.Tanh(x);
        }

        int index = Math.Clamp((int)(scale >> 32) - 0x3fc0_0000, 0, 0x78_0000) >> 19;
        double[] table = Table;
        double y = Math.Abs(x) - table[index];
        double r = Math.FusedMultiplyAdd(table[(17 * 16) + index], y, table[(16 * 16) + index]);
        for (int row = 15; row >= 1; row--)
        {
            r = Math.FusedMultiplyAdd(r, y, table[(row * 16) + index]);
        }

        return BitConverter.UInt64BitsToDouble(BitConverter.DoubleToUInt64Bits(r) | (bits & SignBit));
    }

    /// <summary><c>values = np.tanh(values)</c>, element by element.</summary>
    public static void TanhInPlace(Span<double> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = Tanh(values[i]);
        }
    }
}
