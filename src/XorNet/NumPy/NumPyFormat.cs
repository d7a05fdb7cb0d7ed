using System.Globalization;
using System.Numerics;
using System.Text;

namespace XorNet.NumPy;

/// <summary>
/// Python's and NumPy's ways of turning doubles into text, reproduced exactly: <c>f"{x:.4f}"</c>,
/// <c>np.round(x, 3)</c>, and <c>print</c> of a float64 array (1-D or 2-D) or scalar.
/// </summary>
public static class NumPyFormat
{
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

        bool negative = double.IsNegative(value);
        BigInteger scaled = NumPyFloatFormat.RoundScaled(Math.Abs(value), decimals);
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

        (string digits, int decimalPoint) = value == 0 ? ("0", 1) : NumPyFloatFormat.Shortest(Math.Abs(value));

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

    /// <summary>
    /// Python's <c>format(value, f".{decimals}e")</c>: the exact binary value rounded half to even to one digit, the
    /// point and <paramref name="decimals"/> more, then <c>e</c>, the exponent's sign and at least two of its digits
    /// (<c>-9.384e+305</c>, <c>1.000e-05</c>).
    /// </summary>
    public static string Scientific(double value, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        if (!double.IsFinite(value))
        {
            return Repr(value);
        }

        (string digits, int exponent) = SignificantDigits(Math.Abs(value), decimals + 1);
        var text = new StringBuilder();
        if (double.IsNegative(value))
        {
            text.Append('-');
        }

        text.Append(digits[0]);
        if (decimals > 0)
        {
            text.Append('.').Append(digits.AsSpan(1));
        }

        return text.Append('e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture)).ToString();
    }

    /// <summary>
    /// Python's <c>format(value, f".{significant}g")</c>: <paramref name="significant"/> significant digits, positional
    /// when the exponent is from -4 to below <paramref name="significant"/> and scientific otherwise, trailing zeros
    /// dropped (<c>0.127</c>, <c>5.464e-06</c>, <c>1e+06</c>).
    /// </summary>
    public static string General(double value, int significant)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(significant, 1);
        if (!double.IsFinite(value))
        {
            return Repr(value);
        }

        int exponent = value == 0 ? 0 : SignificantDigits(Math.Abs(value), significant).Exponent;
        if (exponent >= -4 && exponent < significant)
        {
            string positional = Fixed(value, significant - 1 - exponent);
            return positional.Contains('.', StringComparison.Ordinal) ? positional.TrimEnd('0').TrimEnd('.') : positional;
        }

        string scientific = Scientific(value, significant - 1);
        int e = scientific.IndexOf('e', StringComparison.Ordinal);
        string mantissa = scientific[..e];
        return (mantissa.Contains('.', StringComparison.Ordinal) ? mantissa.TrimEnd('0').TrimEnd('.') : mantissa) + scientific[e..];
    }

    /// <summary>
    /// <see cref="General"/> with six significant digits, or as many more as <paramref name="value"/> needs to read
    /// back exactly: <c>0.3</c>, <c>0.30000001</c>, <c>1</c>, <c>1e+06</c>, <c>1000000.5</c>. For values a reader
    /// must tell apart from their neighbours, such as the bounds of a plot window.
    /// </summary>
    public static string GeneralExact(double value)
    {
        if (!double.IsFinite(value) || value == 0)
        {
            return General(value, 6);
        }

        return General(value, Math.Max(6, NumPyFloatFormat.Shortest(Math.Abs(value)).Digits.Length));
    }

    /// <summary>
    /// A number for a person to read, in every text and picture that shows one: <see cref="Fixed"/> with
    /// <paramref name="decimals"/> places while that is at most <see cref="ReadableIntegerDigits"/> digits before the
    /// point, else <see cref="Scientific"/> with as many decimals, so that a huge weight reads <c>-9.384e+305</c>
    /// rather than three hundred digits.
    /// </summary>
    public static string Readable(double value, int decimals)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        string positional = Fixed(value, decimals);
        int point = positional.IndexOf('.', StringComparison.Ordinal);
        int integerDigits = (point < 0 ? positional.Length : point) - (positional.StartsWith('-') ? 1 : 0);
        return integerDigits <= ReadableIntegerDigits || !double.IsFinite(value) ? positional : Scientific(value, decimals);
    }

    /// <summary>The most digits before the point <see cref="Readable"/> writes out (999999.5 and up goes scientific).</summary>
    public const int ReadableIntegerDigits = 6;

    // The first `count` significant digits of `magnitude` (finite, not negative), rounded half to even, and the
    // power of ten of the first.
    private static (string Digits, int Exponent) SignificantDigits(double magnitude, int count)
    {
        if (magnitude == 0)
        {
            return (new string('0', count), 0);
        }

        int exponent = (int)Math.Floor(Math.Log10(magnitude));
        while (true)
        {
            string digits = NumPyFloatFormat.RoundScaled(magnitude, count - 1 - exponent).ToString(CultureInfo.InvariantCulture);
            if (digits.Length == count)
            {
                return (digits, exponent);
            }

            // log10 was off by one near a power of ten, or the rounding carried into a new digit.
            exponent += digits.Length > count ? 1 : -1;
        }
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
    /// What <c>print(array)</c> shows for a 2-D float64 array under NumPy 1.24's default print options: every
    /// element in one notation and padded to one width, rows on their own lines and wrapped at 75 characters,
    /// and arrays of more than 1000 elements summarised by their first and last three rows and columns.
    /// </summary>
    public static string Array(Matrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        return NumPyArrayPrinter.Print(matrix.AsSpan(), matrix.Rows, matrix.Columns, twoDimensional: true);
    }

    /// <summary>
    /// What <c>print(vector)</c> shows for a 1-D float64 array under NumPy 1.24's default print options (as
    /// <see cref="Array(Matrix)"/>, on one row wrapped at 75 characters).
    /// </summary>
    public static string Array(ReadOnlySpan<double> vector) =>
        NumPyArrayPrinter.Print(vector, 1, vector.Length, twoDimensional: false);

    /// <summary>
    /// What <c>print(x)</c> shows for an <c>np.float64</c> scalar (NumPy 1.24's <c>str</c>): the same text as
    /// Python's <c>repr</c> of the float, see <see cref="Repr"/>.
    /// </summary>
    public static string Scalar(double value) => Repr(value);
}
