using System.Text.Json;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>Python's .4f and NumPy's print of a rounded column, against what NumPy itself printed (numpy-cases.json).</summary>
public sealed class NumPyFormatTests
{
    private static readonly JsonElement Cases = Fixture.Json("numpy-cases.json");

    public static TheoryData<int> Columns => [.. Enumerable.Range(0, Cases.GetProperty("columns").GetArrayLength())];

    public static TheoryData<int> Fixed4 => [.. Enumerable.Range(0, Cases.GetProperty("fixed4").GetArrayLength())];

    [Theory]
    [MemberData(nameof(Columns))]
    public void Rounded_columns_print_as_numpy_prints_them(int index)
    {
        JsonElement column = Cases.GetProperty("columns")[index];
        double[] values = [.. column.GetProperty("values").EnumerateArray().Select(v => v.GetDouble())];

        string printed = NotebookTranscript.Predictions(Matrix.FromRows([.. values.Select(v => new[] { v })]));

        printed.Should().Be(column.GetProperty("printed").GetString());
    }

    [Fact]
    public void Hand_picked_column_pads_every_element_to_one_width()
    {
        // np.round: 0.0005 and 0.0015 are ties at the third decimal and go to the even neighbour.
        var column = Matrix.FromRows([0.5], [1.0], [0.0], [0.0005], [0.9995], [0.0015], [0.12]);

        NotebookTranscript.Predictions(column).Should().Be("[[0.5  ]\n [1.   ]\n [0.   ]\n [0.   ]\n [1.   ]\n [0.002]\n [0.12 ]]");
    }

    [Fact]
    public void Whole_numbers_print_with_a_bare_point()
    {
        NotebookTranscript.Predictions(Matrix.FromRows([1.0], [0.0], [1.0], [0.0])).Should().Be("[[1.]\n [0.]\n [1.]\n [0.]]");
    }

    [Fact]
    public void More_than_a_thousand_values_are_summarised_by_their_first_and_last_three()
    {
        JsonElement expected = Cases.GetProperty("summarisedColumn");
        var random = new NumPyRandom(expected.GetProperty("seed").GetUInt32());
        var column = new Matrix(expected.GetProperty("count").GetInt32(), 1);
        for (int i = 0; i < column.Rows; i++)
        {
            column[i, 0] = random.NextDouble();
        }

        NotebookTranscript.Predictions(column).Should().Be(expected.GetProperty("printed").GetString());
    }

    [Theory]
    [MemberData(nameof(Fixed4))]
    public void Four_decimals_round_the_exact_value_half_to_even_as_python_does(int index)
    {
        JsonElement c = Cases.GetProperty("fixed4")[index];

        NumPyFormat.Fixed(c.GetProperty("value").GetDouble(), 4).Should().Be(c.GetProperty("text").GetString());
    }

    [Fact]
    public void Exact_ties_go_to_the_even_digit()
    {
        // 0.03125 and 0.5 are exact in binary, so these are true ties.
        NumPyFormat.Fixed(0.03125, 4).Should().Be("0.0312");
        NumPyFormat.Fixed(0.09375, 4).Should().Be("0.0938");
        NumPyFormat.Fixed(2.5, 0).Should().Be("2");
        NumPyFormat.Fixed(-0.00001, 4).Should().Be("-0.0000");
    }

    [Fact]
    public void Values_below_one_ten_thousandth_switch_the_whole_array_to_scientific_notation()
    {
        NumPyFormat.Array(Matrix.FromRows([1e-5], [0.5])).Should().Be("[[1.e-05]\n [5.e-01]]");
    }

    [Fact]
    public void Non_finite_values_are_padded_like_numpy()
    {
        NumPyFormat.Array(Matrix.FromRows([double.NaN], [0.5])).Should().Be("[[nan]\n [0.5]]");
    }
}
