using FluentAssertions;

namespace XorNet.Tests;

/// <summary>The sixteen two-input functions' names against their definitions, and how truth tables are read.</summary>
public sealed class BooleanNamesTests
{
    // Each name with its definition as a formula; the test builds the table over 00, 01, 10, 11 from the formula, so
    // a name filed under the wrong table fails.
    public static TheoryData<string> Names => ["FALSE", "AND", "x1 AND NOT x2", "x1", "NOT x1 AND x2", "x2", "XOR", "OR",
        "NOR", "XNOR", "NOT x2", "x1 OR NOT x2", "NOT x1", "NOT x1 OR x2", "NAND", "TRUE"];

    private static readonly Dictionary<string, Func<bool, bool, bool>> Definitions = new(StringComparer.Ordinal)
    {
        ["FALSE"] = (_, _) => false,
        ["AND"] = (a, b) => a && b,
        ["x1 AND NOT x2"] = (a, b) => a && !b,
        ["x1"] = (a, _) => a,
        ["NOT x1 AND x2"] = (a, b) => !a && b,
        ["x2"] = (_, b) => b,
        ["XOR"] = (a, b) => a != b,
        ["OR"] = (a, b) => a || b,
        ["NOR"] = (a, b) => !(a || b),
        ["XNOR"] = (a, b) => a == b,
        ["NOT x2"] = (_, b) => !b,
        ["x1 OR NOT x2"] = (a, b) => a || !b,
        ["NOT x1"] = (a, _) => !a,
        ["NOT x1 OR x2"] = (a, b) => !a || b,
        ["NAND"] = (a, b) => !(a && b),
        ["TRUE"] = (_, _) => true,
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_truth_table_has_the_name_of_its_function(string name)
    {
        Func<bool, bool, bool> f = Definitions[name];
        string table = string.Concat(new[] { (false, false), (false, true), (true, false), (true, true) }.Select(r => f(r.Item1, r.Item2) ? '1' : '0'));

        BooleanNames.Of(table).Should().Be(name);
    }

    [Theory]
    [InlineData("011")]
    [InlineData("01101")]
    [InlineData("01x0")]
    public void Only_four_bits_name_a_function(string table) =>
        FluentActions.Invoking(() => BooleanNames.Of(table)).Should().Throw<ArgumentException>();

    [Fact]
    public void Rows_are_distinct_in_counting_order_and_read_from_their_first_occurrence()
    {
        // Rows 11, 00, 01, 11 again: distinct rows 00 01 11 in counting order, 11 first at index 0.
        var x = Matrix.FromRows([1, 1], [0, 0], [0, 1], [1, 1]);

        BinaryRows rows = BinaryRows.Of(x)!;

        rows.Labels.Should().Equal("00", "01", "11");
        rows.FirstRow.Should().Equal(1, 2, 0);
        rows.AreAllTwoInputRows.Should().BeFalse();
        rows.TruthTable([0.9, 0.2, 0.5, 0.1], Activation.Sigmoid).Should().Be("011", "00 → 0.2, 01 → 0.5 (counts as 1, as predict's accuracy counts it), 11 → 0.9");
    }

    [Fact]
    public void Inputs_other_than_0_and_1_have_no_truth_table()
    {
        BinaryRows.Of(Matrix.FromRows([0, 0], [0, 0.5])).Should().BeNull();
        BinaryRows.Of(Matrix.FromRows([0, 0], [0, -1])).Should().BeNull();
    }

    [Fact]
    public void A_nan_output_reads_as_0()
    {
        BinaryRows.Of(Matrix.FromRows([0], [1]))!.TruthTable([double.NaN, 0.7], Activation.Sigmoid).Should().Be("01");
    }
}
