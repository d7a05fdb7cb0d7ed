using System.Text.Json;
using FluentAssertions;
using XorNet.NumPy;

namespace XorNet.Tests;

/// <summary>
/// Numbers for reading are written in Python's notations, checked against Python itself (python-format.json), and
/// no number shown for reading is wider than a few digits before the point.
/// </summary>
public sealed class NumberFormatTests
{
    [Fact]
    public void Scientific_and_general_print_as_python_format_printed_them()
    {
        JsonElement cases = Fixture.Json("python-format.json");
        cases.GetArrayLength().Should().BeGreaterThan(5000);
        foreach (JsonElement c in cases.EnumerateArray())
        {
            double value = BitConverter.UInt64BitsToDouble(c[0].GetUInt64());
            int n = c[2].GetInt32();
            string actual = c[1].GetString() == "e" ? NumPyFormat.Scientific(value, n) : NumPyFormat.General(value, n);
            actual.Should().Be(c[3].GetString(), "format of the double with bits {0:X} with .{1}{2}", c[0].GetUInt64(), n, c[1].GetString());
        }
    }

    [Theory]
    [InlineData(-9.384349858567082e305, 3, "-9.384e+305")]
    [InlineData(1.5, 3, "1.500")]
    [InlineData(-123456.25, 3, "-123456.250")]
    [InlineData(999999.4, 0, "999999")]
    [InlineData(999999.5, 0, "1e+06")]
    [InlineData(1234567.0, 3, "1.235e+06")]
    [InlineData(double.NegativeInfinity, 3, "-inf")]
    public void Readable_numbers_switch_to_scientific_past_six_digits(double value, int decimals, string expected) =>
        NumPyFormat.Readable(value, decimals).Should().Be(expected);

    [Fact]
    public void Readable_numbers_are_never_wider_than_the_scientific_form_of_the_largest_double()
    {
        var random = new Random(9);
        for (int i = 0; i < 2000; i++)
        {
            double value = BitConverter.Int64BitsToDouble(random.NextInt64());
            if (double.IsFinite(value))
            {
                NumPyFormat.Readable(value, 3).Length.Should().BeLessThanOrEqualTo("-1.798e+308".Length, "for {0:R}", value);
            }
        }
    }
}
