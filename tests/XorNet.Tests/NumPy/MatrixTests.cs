using FluentAssertions;

namespace XorNet.Tests;

public sealed class MatrixTests
{
    [Fact]
    public void Product_matches_hand_computed_values()
    {
        var a = Matrix.FromRows([1, 2, 3], [4, 5, 6]);
        var b = Matrix.FromRows([7, 8], [9, 10], [11, 12]);

        // [1·7+2·9+3·11, 1·8+2·10+3·12; 4·7+5·9+6·11, 4·8+5·10+6·12]
        (a * b).ToRows().Should().BeEquivalentTo(new[] { new double[] { 58, 64 }, [139, 154] }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Notebook_first_layer_product_of_xor_inputs()
    {
        Matrix x = Dataset.Xor.X;
        var w = Matrix.FromRows([0.5, -1.5], [2.0, 0.25]);

        (x * w).ToRows().Should().BeEquivalentTo(
            new[] { new double[] { 0, 0 }, [2.0, 0.25], [0.5, -1.5], [2.5, -1.25] }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Transpose_swaps_rows_and_columns()
    {
        var a = Matrix.FromRows([1, 2, 3], [4, 5, 6]);

        Matrix t = a.Transpose();

        t.Shape.Should().Be("(3, 2)");
        t.ToRows().Should().BeEquivalentTo(new[] { new double[] { 1, 4 }, [2, 5], [3, 6] }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Mismatched_product_names_both_shapes()
    {
        var a = new Matrix(4, 2);
        var b = new Matrix(3, 1);

        Action multiply = () => _ = a * b;

        multiply.Should().Throw<ArgumentException>().WithMessage("*(4, 2)*(3, 1)*");
    }

    [Fact]
    public void Mismatched_element_wise_operation_names_both_shapes()
    {
        Action add = () => _ = new Matrix(4, 2) + new Matrix(2, 2);

        add.Should().Throw<ArgumentException>().WithMessage("*(4, 2)*(2, 2)*");
    }

    [Fact]
    public void Wrong_destination_shape_is_rejected()
    {
        Action multiply = () => Matrix.Multiply(new Matrix(2, 3), new Matrix(3, 4), new Matrix(2, 3));

        multiply.Should().Throw<ArgumentException>().WithMessage("*(2, 4)*(2, 3)*");
    }

    [Fact]
    public void A_bias_row_is_broadcast_to_every_row()
    {
        var a = Matrix.FromRows([1, 2], [3, 4], [5, 6]);
        var bias = Matrix.FromRows([10, 20]);

        (a + bias).ToRows().Should().BeEquivalentTo(new[] { new double[] { 11, 22 }, [13, 24], [15, 26] }, o => o.WithStrictOrdering());
        (a - bias).ToRows().Should().BeEquivalentTo(new[] { new double[] { -9, -18 }, [-7, -16], [-5, -14] }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Column_sums_and_mean_match_hand_computed_values()
    {
        var a = Matrix.FromRows([1, 2], [3, 4], [5, 6]);

        a.ColumnSums().ToRows().Should().BeEquivalentTo(new[] { new double[] { 9, 12 } }, o => o.WithStrictOrdering());
        a.Mean().Should().Be(3.5);
    }

    [Fact]
    public void Hadamard_scalar_and_map_work_element_wise()
    {
        var a = Matrix.FromRows([1, -2], [3, 4]);

        a.Hadamard(a).ToRows().Should().BeEquivalentTo(new[] { new double[] { 1, 4 }, [9, 16] }, o => o.WithStrictOrdering());
        (0.5 * a).ToRows().Should().BeEquivalentTo(new[] { new double[] { 0.5, -1 }, [1.5, 2] }, o => o.WithStrictOrdering());
        a.Map(Math.Abs)[0, 1].Should().Be(2);
    }

    [Fact]
    public void Negation_and_subtraction_from_a_scalar_work_element_wise()
    {
        var a = Matrix.FromRows([0.25, -2], [0, 1]);

        (-a).ToRows().Should().BeEquivalentTo(new[] { new double[] { -0.25, 2 }, [0, -1] }, o => o.WithStrictOrdering());
        double.IsNegative((-a)[1, 0]).Should().BeTrue("NumPy's -x of 0.0 is -0.0");
        (1 - a).ToRows().Should().BeEquivalentTo(new[] { new double[] { 0.75, 3 }, [1, 0] }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Ragged_rows_and_out_of_range_indices_are_rejected()
    {
        Action ragged = () => Matrix.FromRows([1, 2], [3]);
        Action index = () => _ = new Matrix(2, 2)[2, 0];

        ragged.Should().Throw<ArgumentException>().WithMessage("*Row 1*");
        index.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*(2, 0)*(2, 2)*");
    }

    public static TheoryData<int> Trials => [.. Enumerable.Range(1, 25)];

    [Theory]
    [MemberData(nameof(Trials))]
    public void Transpose_of_a_product_is_the_product_of_transposes_in_reverse(int trial)
    {
        // Same products summed in the same order on both sides, so equality is exact, not approximate.
        var random = new NumPyRandom((uint)trial);
        int m = 1 + (int)(random.NextUInt32() % 7), k = 1 + (int)(random.NextUInt32() % 7), n = 1 + (int)(random.NextUInt32() % 7);
        Matrix a = Matrix.RandomNormal(m, k, random), b = Matrix.RandomNormal(k, n, random);

        (a * b).Transpose().ToRows().Should().BeEquivalentTo((b.Transpose() * a.Transpose()).ToRows(), o => o.WithStrictOrdering());
    }

    [Fact]
    public void Transpose_twice_is_the_identity()
    {
        Matrix a = Matrix.RandomNormal(5, 3, new NumPyRandom(3));

        a.Transpose().Transpose().ToRows().Should().BeEquivalentTo(a.ToRows(), o => o.WithStrictOrdering());
    }
}
