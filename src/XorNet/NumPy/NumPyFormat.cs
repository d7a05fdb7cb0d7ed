using System.Globalization;
using System.Numerics;
using System.Text;
using XorNet.Network;

namespace XorNet.NumPy;

/// <summary>
/// Python's and NumPy's ways of turning doubles into text, reproduced exactly: <c>f"{x:.4f}"</c>,
/// <c>np.round(x, 3)</c> and <c>print(array)</c> of a 2-D float array.
/// </summary>
public static class NumPyFormat
{
    // NumPy's print options at their defaults.
    private const int Precision = 8;
    private const int SummaryThreshold = 1000;
    private const int EdgeItems = 3;

    /// <summary>
    /// Python's <c>format(value, f".{decimals}f")</c>: the exact binary value rounded half to even at
    /// <paramref name="decimals"/> places.
    /// </summary>
    public static string Fixed(double value, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
        }

        // value = mantissa · 2^exponent exactly; scale by 10^decimals and round the exact quotient half to even.
        long bits = BitConverter.DoubleToInt64Bits(value);
        bool negative = bits < 0;
        int rawExponent = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xF_FFFF_FFFF_FFFFL;
        BigInteger mantissa = rawExponent == 0 ? fraction : fraction | (1L << 52);
        int exponent = (rawExponent == 0 ? 1 : rawExponent) - 1075;

        BigInteger numerator = mantissa * BigInteger.Pow(10, decimals);
        BigInteger scaled;
        if (exponent >= 0)
        {
            scaled = numerator << exponent;
        }
        else
        {
            BigInteger denominator = BigInteger.One << -exponent;
            scaled = BigInteger.DivRem(numerator, denominator, out BigInteger remainder);
            int half = (remainder * 2).CompareTo(denominator);
            if (half > 0 || (half == 0 && !scaled.IsEven))
            {
                scaled += 1;
            }
        }

        string digits = scaled.ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        var text = new StringBuilder();
        if (negative)
        {
            text.Append('-');
        }

        text.Append(digits.AsSpan(0, digits.Length - decimals));
        if (decimals > 0)
        {
            text.Append('.').Append(digits.AsSpan(digits.Length - decimals));
        }

        return text.ToString();
    }

    /// <summary>
    /// Python's <c>repr(value)</c> of a float: the shortest digits that read back as the same double, positional
    /// from 1e-4 up to below 1e16 (<c>0.1</c>, <c>100.0</c>), scientific outside it (<c>1e-05</c>,
    /// <c>8.039823226157152e-06</c>, <c>1e+16</c>), and <c>inf</c>, <c>-inf</c>, <c>nan</c>.
    /// </summary>
    public static string Repr(double value)
    {
        if (!double.IsFinite(value))
        {
            return double.IsNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
        }

        // .NET's "R" gives the same shortest round-trip digits as Python; only the layout differs.
        string shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        int e = shortest.IndexOf('E', StringComparison.Ordinal);
        string mantissa = e < 0 ? shortest : shortest[..e];
        int exponent = e < 0 ? 0 : int.Parse(shortest.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int point = mantissa.IndexOf('.', StringComparison.Ordinal);
        string digits = point < 0 ? mantissa : mantissa.Remove(point, 1);

        // value = 0.digits × 10^decimalPoint, with digits free of leading and trailing zeros (but "0" for zero).
        int decimalPoint = (point < 0 ? mantissa.Length : point) + exponent;
        int leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
        {
            leading++;
        }

        digits = digits[leading..].TrimEnd('0');
        decimalPoint -= leading;
        if (digits.Length == 0)
        {
            digits = "0";
            decimalPoint = 1;
        }

        var text = new StringBuilder();
        if (double.IsNegative(value))
        {
            text.Append('-');
        }

        // CPython's float_repr_style 'short': scientific when the decimal point is before -4 or after 16 digits.
        if (decimalPoint is > -4 and <= 16)
        {
            if (decimalPoint <= 0)
            {
                text.Append("0.").Append('0', -decimalPoint).Append(digits);
            }
            else if (decimalPoint >= digits.Length)
            {
                text.Append(digits).Append('0', decimalPoint - digits.Length).Append(".0");
            }
            else
            {
                text.Append(digits.AsSpan(0, decimalPoint)).Append('.').Append(digits.AsSpan(decimalPoint));
            }
        }
        else
        {
            text.Append(digits[0]);
            if (digits.Length > 1)
            {
                text.Append('.').Append(digits.AsSpan(1));
            }

            int power = decimalPoint - 1;
            text.Append('e').Append(power < 0 ? '-' : '+').Append(Math.Abs(power).ToString("00", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary><c>np.round(value, decimals)</c>: <c>rint(value · 10^decimals) / 10^decimals</c>, ties to even.</summary>
    public static double Round(double value, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        double factor = Math.Pow(10, decimals);
        return Math.Round(value * factor, MidpointRounding.ToEven) / factor;
    }

    /// <summary><c>np.round(matrix, decimals)</c>, as a new matrix.</summary>
    public static Matrix Round(Matrix matrix, int decimals)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return matrix.Map(x => Round(x, decimals));
    }

    /// <summary>
    /// What <c>print(array)</c> shows for a 2-D float array under NumPy's default print options: every element
    /// padded to one width, rows on their own lines, and arrays of more than 1000 elements summarised by their
    /// first and last three rows and columns.
    /// </summary>
    /// <remarks>
    /// Covers NumPy's positional notation, which it uses whenever the non-zero magnitudes lie within
    /// [0.0001, 1e8) and span at most a factor of 1000 (every rounded prediction does), for rows that fit
    /// NumPy's 75-character line.
    /// </remarks>
    /// <exception cref="ArgumentException">The values would make NumPy switch to scientific notation.</exception>
    public static string Array(Matrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        bool summarise = (long)matrix.Rows * matrix.Columns > SummaryThreshold;
        int[] rows = ShownIndices(matrix.Rows, summarise);
        int[] columns = ShownIndices(matrix.Columns, summarise);

        var shown = new List<double>(rows.Length * columns.Length);
        foreach (int r in rows)
        {
            foreach (int c in columns)
            {
                shown.Add(matrix[r, c]);
            }
        }

        var format = ElementFormat.For(shown);
        var text = new StringBuilder("[");
        for (int i = 0; i < rows.Length; i++)
        {
            if (i > 0)
            {
                text.Append("\n ");
                if (summarise && rows[i] != rows[i - 1] + 1)
                {
                    text.Append("...\n ");
                }
            }

            text.Append('[');
            for (int j = 0; j < columns.Length; j++)
            {
                if (j > 0)
                {
                    text.Append(' ');
                    if (summarise && columns[j] != columns[j - 1] + 1)
                    {
                        text.Append("... ");
                    }
                }

                text.Append(format.Format(matrix[rows[i], columns[j]]));
            }

            text.Append(']');
        }

        return text.Append(']').ToString();
    }

    private static int[] ShownIndices(int count, bool summarise) =>
        summarise && count > 2 * EdgeItems
            ? [.. Enumerable.Range(0, EdgeItems), .. Enumerable.Range(count - EdgeItems, EdgeItems)]
            : [.. Enumerable.Range(0, count)];

    /// <summary>
    /// NumPy's <c>dragon4_positional(x, precision=8, unique=True, trim='.')</c> split at the decimal point:
    /// the shortest digits that round-trip, cut to eight decimals if longer.
    /// </summary>
    private static (string Integer, string Fraction) Positional(double value)
    {
        string shortest = ToPlainDecimal(value.ToString("R", CultureInfo.InvariantCulture));
        int point = shortest.IndexOf('.', StringComparison.Ordinal);
        if (point >= 0 && shortest.Length - point - 1 > Precision)
        {
            shortest = Fixed(value, Precision).TrimEnd('0');
            point = shortest.IndexOf('.', StringComparison.Ordinal);
        }

        return point < 0 ? (shortest, "") : (shortest[..point], shortest[(point + 1)..].TrimEnd('0'));
    }

    /// <summary>Rewrites a round-trip string such as <c>1E-05</c> or <c>1.5E+20</c> without an exponent.</summary>
    private static string ToPlainDecimal(string text)
    {
        int e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return text;
        }

        bool negative = text[0] == '-';
        string mantissa = text[(negative ? 1 : 0)..e];
        int exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        int point = mantissa.IndexOf('.', StringComparison.Ordinal);
        string digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        int integerDigits = (point < 0 ? mantissa.Length : point) + exponent;
        string plain = integerDigits <= 0
            ? "0." + new string('0', -integerDigits) + digits
            : integerDigits >= digits.Length
                ? digits + new string('0', integerDigits - digits.Length)
                : digits[..integerDigits] + "." + digits[integerDigits..];
        return negative ? "-" + plain : plain;
    }

    /// <summary>NumPy's <c>FloatingFormat</c> for one printed array: a shared left and right padding.</summary>
    private sealed class ElementFormat(int padLeft, int padRight)
    {
        public static ElementFormat For(List<double> values)
        {
            double[] finite = [.. values.Where(double.IsFinite)];
            double[] nonZero = [.. finite.Where(x => x != 0).Select(Math.Abs)];
            if (nonZero.Length > 0)
            {
                double max = nonZero.Max(), min = nonZero.Min();
                if (max >= 1e8 || min < 0.0001 || max / min > 1000.0)
                {
                    throw new ArgumentException("NumPy prints these values in scientific notation, which is not supported.", nameof(values));
                }
            }

            int padLeft = 0, padRight = 0;
            foreach (double x in finite)
            {
                (string integer, string fraction) = Positional(x);
                padLeft = Math.Max(padLeft, integer.Length);
                padRight = Math.Max(padRight, fraction.Length);
            }

            if (finite.Length != values.Count)
            {
                // Room for "nan", "inf" or "-inf" beside the decimal point.
                int infLength = values.Any(x => double.IsNegativeInfinity(x)) ? 4 : 3;
                padLeft = Math.Max(padLeft, Math.Max(3, infLength) - (padRight + 1));
            }

            return new ElementFormat(padLeft, padRight);
        }

        public string Format(double x)
        {
            if (!double.IsFinite(x))
            {
                string word = double.IsNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
                return word.PadLeft(padLeft + padRight + 1);
            }

            (string integer, string fraction) = Positional(x);
            return integer.PadLeft(padLeft) + "." + fraction.PadRight(padRight);
        }
    }
}
