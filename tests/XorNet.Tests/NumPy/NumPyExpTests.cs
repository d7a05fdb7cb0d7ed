using System.Numerics;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>The vectorised exp and sigmoid against the C library's exp (Math.Exp), bit for bit.</summary>
public sealed class NumPyExpTests
{
    public static TheoryData<double> Ranges => [1e-12, 1e-3, 0.5, 1, 4, 40, 200, 600, 703.9, 720, 760];

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Exp_equals_the_c_library_bit_for_bit(double range)
    {
        // 200 000 uniform draws in [-range, range] cover every table entry hundreds of times for range ≥ 1.
        var random = new NumPyRandom(7);
        double[] x = [.. Enumerable.Range(0, 200_000).Select(_ => ((2 * random.NextDouble()) - 1) * range)];

        ExpShouldBeTheCLibrarys(x);
    }

    [Fact]
    public void Exp_equals_the_c_library_where_the_c_library_takes_its_special_case()
    {
        // 512 ≤ |x| < 704: the C library leaves its fast path here and this one does not, so the two ways must agree.
        var random = new NumPyRandom(11);
        double[] x = [.. Enumerable.Range(0, 400_000).Select(i => (i % 2 == 0 ? 1 : -1) * (512 + (192 * random.NextDouble())))];

        ExpShouldBeTheCLibrarys(x);
    }

    [Fact]
    public void Special_values_and_the_edges_of_the_fast_path_match()
    {
        double[] x =
        [
            0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -double.Epsilon,
            Math.ScaleB(1, -54), Math.BitDecrement(Math.ScaleB(1, -54)), 512, Math.BitDecrement(512), -512, -Math.BitDecrement(512),
            704, Math.BitDecrement(704), -704, -Math.BitDecrement(704), 703.5, -703.5, 650, -650,
            709.782712893384, 709.79, -708.39, -745.2, -745.1, 1e300, -1e300, 1, -1, Math.Log(2), 0.5, -0.5,
        ];
        var result = new double[x.Length];

        NumPyExp.Exp(x, result);

        result.Select(BitConverter.DoubleToInt64Bits).Should().Equal(x.Select(v => BitConverter.DoubleToInt64Bits(Math.Exp(v))));
    }

    [Fact]
    public void Sigmoid_in_place_is_the_notebooks_formula_bit_for_bit()
    {
        var random = new NumPyRandom(11);
        double[] z = [.. Enumerable.Range(0, 100_003).Select(_ => ((2 * random.NextDouble()) - 1) * 50)];
        double[] expected = [.. z.Select(TwoLayerNetwork.Sigmoid)];

        NumPyExp.SigmoidInPlace(z);

        z.Select(BitConverter.DoubleToInt64Bits).Should().Equal(expected.Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Exp_of_one_and_ln_2_are_the_c_librarys()
    {
        // Quick guard on the constants: e and 2 come out exactly as the C library gives them.
        var result = new double[4];
        NumPyExp.Exp([1, 1, Math.Log(2), -Math.Log(2)], result);

        result.Should().Equal(Math.Exp(1), Math.Exp(1), Math.Exp(Math.Log(2)), Math.Exp(-Math.Log(2)));
    }

    [Fact]
    public void Table_holds_correctly_rounded_powers_of_two()
    {
        // Recompute 2^(k/128) to 200 fractional bits with integer arithmetic: R = floor(2^(k/128 + 200)).
        for (int k = 0; k < 128; k++)
        {
            BigInteger r = IntegerRoot(BigInteger.One << (k + (200 * 128)), 128);
            double head = BitConverter.UInt64BitsToDouble(NumPyExp.Pairs[(2 * k) + 1] + ((ulong)k << 52) / 128);
            double tail = BitConverter.UInt64BitsToDouble(NumPyExp.Pairs[2 * k]);

            // head is 2^(k/128) rounded to 53 bits; tail is (2^(k/128) − head) / head rounded to a double.
            ToDouble(r, 200).Should().Be(head, "H[{0}]", k);
            (BigInteger headMantissa, int headExponent) = Exact(head);
            BigInteger difference = r - (headMantissa << (200 + headExponent));
            double expectedTail = ToDouble(difference * (BigInteger.One << 200) / (headMantissa << (200 + headExponent)), 200);
            tail.Should().Be(expectedTail, "T[{0}]", k);
        }
    }

    private static BigInteger IntegerRoot(BigInteger value, int n)
    {
        // Newton's method from above converges to floor(value^(1/n)).
        BigInteger x = BigInteger.One << (int)((value.GetBitLength() / n) + 1);
        while (true)
        {
            BigInteger next = (((n - 1) * x) + (value / BigInteger.Pow(x, n - 1))) / n;
            if (next >= x)
            {
                return x;
            }

            x = next;
        }
    }

    private static (BigInteger Mantissa, int Exponent) Exact(double value)
    {
        long bits = BitConverter.DoubleToInt64Bits(value);
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = (bits & 0xF_FFFF_FFFF_FFFFL) | (1L << 52);
        return (mantissa, exponent - 1075);
    }

    // value / 2^fractionBits rounded to nearest, ties to even, for values whose result is a normal double
    // (or zero); the sign of value is kept.
    private static double ToDouble(BigInteger value, int fractionBits)
    {
        if (value.IsZero)
        {
            return 0;
        }

        int sign = value.Sign;
        value = BigInteger.Abs(value);
        int shift = (int)value.GetBitLength() - 53;
        BigInteger mantissa = value >> shift;
        BigInteger remainder = value - (mantissa << shift);
        BigInteger half = BigInteger.One << (shift - 1);
        if (remainder > half || (remainder == half && !mantissa.IsEven))
        {
            mantissa += 1;
        }

        return sign * Math.ScaleB((double)mantissa, shift - fractionBits);
    }

    private static void ExpShouldBeTheCLibrarys(double[] x)
    {
        var result = new double[x.Length];

        NumPyExp.Exp(x, result);

        for (int i = 0; i < x.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(result[i]) != BitConverter.DoubleToInt64Bits(Math.Exp(x[i])))
            {
                Assert.Fail($"exp({x[i]:R}) gave {result[i]:R}; the C library gives {Math.Exp(x[i]):R}");
            }
        }
    }
}
