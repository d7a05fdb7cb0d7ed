using System.Globalization;
using System.Text.Json;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>
/// print() of float64 arrays and scalars, against what NumPy 1.24 printed for the same bits (numpy-print.json, made
/// by make_print_cases.py): every notation, padding, wrap and summary, byte for byte.
/// </summary>
public sealed class NumPyPrintTests
{
    private static readonly JsonElement Cases = Fixture.Json("numpy-print.json");

    [Fact]
    public void Every_array_prints_as_numpy_printed_it()
    {
        JsonElement arrays = Cases.GetProperty("arrays");
        arrays.GetArrayLength().Should().BeGreaterThan(500);
        var mismatches = new List<string>();
        foreach (JsonElement c in arrays.EnumerateArray())
        {
            string expected = c.GetProperty("printed").GetString()!;
            string printed = Print(c);
            if (printed != expected)
            {
                mismatches.Add($"{c.GetProperty("label").GetString()}:\n{expected}\nbut printed\n{printed}");
            }
        }

        mismatches.Should().BeEmpty();
    }

    [Fact]
    public void Every_scalar_prints_as_numpy_printed_it()
    {
        JsonElement scalars = Cases.GetProperty("scalars");
        scalars.GetArrayLength().Should().BeGreaterThan(500);
        foreach (JsonElement pair in scalars.EnumerateArray())
        {
            double value = BitConverter.UInt64BitsToDouble(ulong.Parse(pair[0].GetString()!, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            NumPyFormat.Scalar(value).Should().Be(pair[1].GetString(), "str(np.float64) of the double with bits {0}", pair[0].GetString());
        }
    }

    [Fact]
    public void Predictions_of_several_outputs_print_as_the_notebook_prints_them()
    {
        // Unrounded y_hat: the rounding to three places is XorNet's own, then the print.
        JsonElement predictions = Cases.GetProperty("predictions");
        predictions.GetArrayLength().Should().BeGreaterThan(5);
        foreach (JsonElement c in predictions.EnumerateArray())
        {
            int[] shape = [.. c.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32())];
            var yHat = Matrix.FromArray(shape[0], shape[1], Values(c));

            NotebookTranscript.Predictions(yHat).Should().Be(c.GetProperty("printed").GetString(), "y_hat of shape {0}", yHat.Shape);
        }
    }

    [Fact]
    public void Summarised_arrays_choose_their_notation_from_the_shown_elements_only()
    {
        // The hidden middle holds 1e12, which would make NumPy switch to scientific notation if it were shown.
        double[] values = [.. Enumerable.Range(0, 1500).Select(i => i is >= 3 and < 1497 ? 1e12 : 0.5)];

        NumPyFormat.Array(values).Should().Be("[0.5 0.5 0.5 ... 0.5 0.5 0.5]");
    }

    [Fact]
    public void A_long_row_wraps_before_the_element_that_would_pass_75_characters()
    {
        // Eight eight-character elements fit on one line; of fourteen-character ones a line of a 2-D array holds four:
        // a fifth would end at column 2 + 4 × 15 + 14 = 76, past the 73 that leave room for "]]".
        var row = Matrix.FromRows([.. Enumerable.Range(1, 8).Select(i => i * 1.25e-5)]);

        NumPyFormat.Array(row).Should().Be(
            "[[1.25e-05 2.50e-05 3.75e-05 5.00e-05 6.25e-05 7.50e-05 8.75e-05 1.00e-04]]");
        NumPyFormat.Array(Matrix.FromRows([.. Enumerable.Range(1, 8).Select(i => -i * 1.0000001e-5)])).Should().Be(
            "[[-1.0000001e-05 -2.0000002e-05 -3.0000003e-05 -4.0000004e-05\n" +
            "  -5.0000005e-05 -6.0000006e-05 -7.0000007e-05 -8.0000008e-05]]");
    }

    private static string Print(JsonElement c)
    {
        int[] shape = [.. c.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32())];
        double[] values = Values(c);
        return shape.Length == 1 ? NumPyFormat.Array(values) : NumPyFormat.Array(Matrix.FromArray(shape[0], shape[1], values));
    }

    /// <summary>The elements of a case, stored as 16 hex digits of IEEE-754 bits each.</summary>
    private static double[] Values(JsonElement c)
    {
        string hex = c.GetProperty("bits").GetString()!;
        double[] values = new double[hex.Length / 16];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = BitConverter.UInt64BitsToDouble(ulong.Parse(hex.AsSpan(16 * i, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }

        return values;
    }
}
