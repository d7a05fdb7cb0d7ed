using System.Text.Json;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>Numbers for people print as Python's repr prints a float, checked against Python itself (python-repr.json).</summary>
public sealed class ReprTests
{
    [Fact]
    public void Every_case_prints_as_python_repr_printed_it()
    {
        JsonElement cases = Fixture.Json("python-repr.json");
        cases.GetArrayLength().Should().BeGreaterThan(600);
        foreach (JsonElement pair in cases.EnumerateArray())
        {
            double value = BitConverter.UInt64BitsToDouble(pair[0].GetUInt64());
            NumPyFormat.Repr(value).Should().Be(pair[1].GetString(), "repr of the double with bits {0:X}", pair[0].GetUInt64());
        }
    }

    [Theory]
    [InlineData(8.039823226157152e-06, "8.039823226157152e-06")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1e308, "1e+308")]
    [InlineData(2.0, "2.0")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NaN, "nan")]
    public void Hand_picked_values(double value, string expected) => NumPyFormat.Repr(value).Should().Be(expected);

    [Theory]
    [InlineData(0, "0 values")]
    [InlineData(1, "1 value")]
    [InlineData(2, "2 values")]
    public void Counts_take_the_noun_in_their_number(long count, string expected) => Words.Count(count, "value").Should().Be(expected);
}
