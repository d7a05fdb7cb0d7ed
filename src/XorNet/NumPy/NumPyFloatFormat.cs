using System.Globalization;
using System.Numerics;
using System.Text;

namespace XorNet.NumPy;

/// <summary>
/// NumPy 1.24's <c>FloatingFormat</c> at the default print options (precision 8, floatmode 'maxprec',
/// suppress False, sign '-'): one notation, one left and one right padding for every element of a printed array.
/// </summary>
/// <remarks>
/// The notation is chosen from the finite non-zero magnitudes of the elements that will be shown: scientific when
/// the largest is at least 1e8, the smallest below 0.0001, or their ratio above 1000; positional otherwise. Each
/// element then shows its shortest round-trip digits cut (with exact rounding) to eight places after the point:
/// positional elements are padded with spaces to the longest integer and fraction parts, scientific ones with
/// zeros to the longest fraction and exponent.
/// </remarks>
internal sealed class NumPyFloatFormat
{
    private const int Precision = 8;

    private readonly bool _scientific;
    private readonly int _padLeft;
    private readonly int _padRight;
    private readonly int _fractionDigits;
    private readonly int _exponentDigits;

    private NumPyFloatFormat(bool scientific, int padLeft, int padRight, int fractionDigits, int exponentDigits)
    {
        _scientific = scientific;
        _padLeft = padLeft;
        _padRight = padRight;
        _fractionDigits = fractionDigits;
        _exponentDigits = exponentDigits;
    }

    /// <summary>The number of characters every element takes.</summary>
    public int Width => _padLeft + _padRight + 1;

    /// <summary>The format NumPy picks for an array whose shown elements (after summarising) are <paramref name="shown"/>.</summary>
    public static NumPyFloatFormat For(ReadOnlySpan<double> shown)
    {
        int finite = 0;
        bool negativeInfinity = false;
        double max = 0, min = double.PositiveInfinity;
        foreach (double x in shown)
        {
            if (!double.IsFinite(x))
            {
                negativeInfinity |= double.IsNegativeInfinity(x);
                continue;
            }

            finite++;
            double magnitude = Math.Abs(x);
            if (magnitude != 0)
            {
                max = Math.Max(max, magnitude);
                min = Math.Min(min, magnitude);
            }
        }

        // max / min may overflow to infinity, which NumPy also counts as above 1000.
        bool scientific = max != 0 && (max >= 1e8 || min < 0.0001 || max / min > 1000.0);
        int padLeft = 0, padRight = 0, fractionDigits = 0, exponentDigits = 0;
        if (finite > 0)
        {
            foreach (double x in shown)
            {
                if (!double.IsFinite(x))
                {
                    continue;
                }

                if (scientific)
                {
                    var parts = ScientificParts.Of(x);
                    padLeft = Math.Max(padLeft, parts.Negative ? 2 : 1);
                    fractionDigits = Math.Max(fractionDigits, parts.Digits.Length - 1);
                    exponentDigits = Math.Max(exponentDigits, ExponentDigits(parts.Exponent));
                }
                else
                {
                    var parts = PositionalParts.Of(x);
                    padLeft = Math.Max(padLeft, parts.IntegerLength);
                    padRight = Math.Max(padRight, parts.FractionLength);
                }
            }

            if (scientific)
            {
                // '.', the fraction, 'e', the exponent's sign and digits.
                padRight = fractionDigits + 2 + exponentDigits;
            }
        }

        if (finite != shown.Length)
        {
            // Room for "nan", "inf" or "-inf", which are right-aligned in the element's width.
            int offset = padRight + 1;
            padLeft = Math.Max(padLeft, Math.Max(3, negativeInfinity ? 4 : 3) - offset);
        }

        return new NumPyFloatFormat(scientific, padLeft, padRight, fractionDigits, exponentDigits);
    }

    /// <summary>Appends <paramref name="x"/> as NumPy prints it in this array: exactly <see cref="Width"/> characters.</summary>
    public void Append(StringBuilder text, double x)
    {
        if (!double.IsFinite(x))
        {
            string word = double.IsNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
            text.Append(' ', Width - word.Length).Append(word);
        }
        else if (_scientific)
        {
            var parts = ScientificParts.Of(x);
            text.Append(' ', _padLeft - (parts.Negative ? 2 : 1));
            if (parts.Negative)
            {
                text.Append('-');
            }

            text.Append(parts.Digits[0]).Append('.').Append(parts.Digits.AsSpan(1)).Append('0', _fractionDigits - (parts.Digits.Length - 1));
            string exponent = Math.Abs(parts.Exponent).ToString(CultureInfo.InvariantCulture);
            text.Append('e').Append(parts.Exponent < 0 ? '-' : '+').Append('0', _exponentDigits - exponent.Length).Append(exponent);
        }
        else
        {
            var parts = PositionalParts.Of(x);
            text.Append(' ', _padLeft - parts.IntegerLength);
            parts.AppendTo(text);
            text.Append(' ', _padRight - parts.FractionLength);
        }
    }

    // Dragon4 writes at least two exponent digits.
    private static int ExponentDigits(int exponent) => Math.Max(2, Math.Abs(exponent).ToString(CultureInfo.InvariantCulture).Length);

    /// <summary>
    /// The exact value of <paramref name="magnitude"/> (finite, not negative) times 10^<paramref name="decimals"/>,
    /// rounded half to even to an integer; <paramref name="decimals"/> may be negative.
    /// </summary>
    internal static BigInteger RoundScaled(double magnitude, int decimals)
    {
        long bits = BitConverter.DoubleToInt64Bits(magnitude);
        int rawExponent = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xF_FFFF_FFFF_FFFFL;
        BigInteger numerator = rawExponent == 0 ? fraction : fraction | (1L << 52);
        int exponent = (rawExponent == 0 ? 1 : rawExponent) - 1075;

        // magnitude · 10^decimals = numerator / denominator exactly.
        BigInteger denominator = BigInteger.One;
        if (decimals >= 0)
        {
            numerator *= BigInteger.Pow(10, decimals);
        }
        else
        {
            denominator = BigInteger.Pow(10, -decimals);
        }

        if (exponent >= 0)
        {
            numerator <<= exponent;
        }
        else
        {
            denominator <<= -exponent;
        }

        BigInteger quotient = BigInteger.DivRem(numerator, denominator, out BigInteger remainder);
        int half = (remainder * 2).CompareTo(denominator);
        return half > 0 || (half == 0 && !quotient.IsEven) ? quotient + 1 : quotient;
    }

    /// <summary>
    /// The shortest decimal digits that read back as <paramref name="magnitude"/> (finite, positive):
    /// magnitude = 0.<c>Digits</c> × 10^<c>Point</c>, the digits free of leading and trailing zeros.
    /// </summary>
    internal static (string Digits, int Point) Shortest(double magnitude)
    {
        // .NET's "R" gives the same shortest round-trip digits as Python and NumPy; only the layout differs.
        string shortest = magnitude.ToString("R", CultureInfo.InvariantCulture);
        int e = shortest.IndexOf('E', StringComparison.Ordinal);
        string mantissa = e < 0 ? shortest : shortest[..e];
        int exponent = e < 0 ? 0 : int.Parse(shortest.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int point = mantissa.IndexOf('.', StringComparison.Ordinal);
        string digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        int decimalPoint = (point < 0 ? mantissa.Length : point) + exponent;
        int leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
        {
            leading++;
        }

        return (digits[leading..].TrimEnd('0'), decimalPoint - leading);
    }

    /// <summary>Digits of an integer rounded at some decimal place, as (digits without trailing zeros, point).</summary>
    private static (string Digits, int Point) FromScaled(BigInteger scaled, int decimals)
    {
        if (scaled.IsZero)
        {
            return ("", 0);
        }

        string text = scaled.ToString(CultureInfo.InvariantCulture);
        return (text.TrimEnd('0'), text.Length - decimals);
    }

    /// <summary>
    /// <c>dragon4_scientific(x, precision=8, unique=True, trim='.')</c> in parts: <c>d.ddd</c> × 10^Exponent with
    /// the digits (at most nine, no trailing zeros beyond the first) and the sign.
    /// </summary>
    private readonly record struct ScientificParts(bool Negative, string Digits, int Exponent)
    {
        public static ScientificParts Of(double x)
        {
            bool negative = double.IsNegative(x);
            if (x == 0)
            {
                return new ScientificParts(negative, "0", 0);
            }

            double magnitude = Math.Abs(x);
            (string digits, int point) = Shortest(magnitude);
            if (digits.Length > Precision + 1)
            {
                // More than nine significant digits: round the exact value at the ninth (a carry may add a digit).
                int decimals = Precision + 1 - point;
                (digits, point) = FromScaled(RoundScaled(magnitude, decimals), decimals);
            }

            return new ScientificParts(negative, digits, point - 1);
        }
    }

    /// <summary>
    /// <c>dragon4_positional(x, precision=8, unique=True, fractional=True, trim='.')</c> in parts: the shortest digits
    /// cut to eight places after the point, split there.
    /// </summary>
    private readonly record struct PositionalParts(bool Negative, string Digits, int Point)
    {
        /// <summary>Characters before the point, the sign included.</summary>
        public int IntegerLength => (Negative ? 1 : 0) + Math.Max(Point, 1);

        /// <summary>Digits after the point.</summary>
        public int FractionLength => Math.Max(Digits.Length - Point, 0);

        public static PositionalParts Of(double x)
        {
            bool negative = double.IsNegative(x);
            if (x == 0)
            {
                return new PositionalParts(negative, "", 0);
            }

            double magnitude = Math.Abs(x);
            (string digits, int point) = Shortest(magnitude);
            if (digits.Length - point > Precision)
            {
                (digits, point) = FromScaled(RoundScaled(magnitude, Precision), Precision);
            }

            return new PositionalParts(negative, digits, point);
        }

        /// <summary>Appends the sign, the integer part, the point and the fraction, unpadded.</summary>
        public void AppendTo(StringBuilder text)
        {
            if (Negative)
            {
                text.Append('-');
            }

            if (Point <= 0)
            {
                text.Append("0.").Append('0', Digits.Length == 0 ? 0 : -Point).Append(Digits);
            }
            else if (Point >= Digits.Length)
            {
                text.Append(Digits).Append('0', Point - Digits.Length).Append('.');
            }
            else
            {
                text.Append(Digits.AsSpan(0, Point)).Append('.').Append(Digits.AsSpan(Point));
            }
        }
    }
}
