using System.Globalization;
using System.Text.Json.Nodes;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary><see cref="NumPyTanh"/> against np.tanh's own output (numpy-tanh.json, made by make_tanh_table.py).</summary>
public sealed class NumPyTanhTests
{
    [Fact]
    public void Equals_NumPy_to_the_bit()
    {
        JsonNode fixture = JsonNode.Parse(Fixture.Text("numpy-tanh.json"))!;
        ulong[] x = Bits(fixture["x"]!), expected = Bits(fixture["tanh"]!);

        ulong[] actual = [.. x.Select(v => BitConverter.DoubleToUInt64Bits(NumPyTanh.Tanh(BitConverter.UInt64BitsToDouble(v))))];

        actual.Should().Equal(expected);
    }

    [Fact]
    public void Differs_from_the_C_librarys_tanh_where_NumPy_does()
    {
        // The reason NumPyTanh exists: were Math.Tanh the same function, this test could be deleted with it.
        JsonNode fixture = JsonNode.Parse(Fixture.Text("numpy-tanh.json"))!;
        ulong[] x = Bits(fixture["x"]!), expected = Bits(fixture["tanh"]!);

        int differing = x.Zip(expected).Count(p => BitConverter.DoubleToUInt64Bits(Math.Tanh(BitConverter.UInt64BitsToDouble(p.First))) != p.Second);

        differing.Should().BeGreaterThan(x.Length / 10);
    }

    [Fact]
    public void Keeps_the_special_values()
    {
        foreach (double x in new[] { 0.0, -0.0, double.PositiveInfinity, double.NegativeInfinity })
        {
            BitConverter.DoubleToUInt64Bits(NumPyTanh.Tanh(x)).Should().Be(BitConverter.DoubleToUInt64Bits(Math.Tanh(x)));
        }

        double.IsNaN(NumPyTanh.Tanh(double.NaN)).Should().BeTrue();
    }

    [Fact]
    public void Is_odd_and_bounded()
    {
        var random = new Random(1);
        for (int i = 0; i < 10000; i++)
        {
            double x = (random.NextDouble() - 0.5) * 60;
            double t = NumPyTanh.Tanh(x);
            NumPyTanh.Tanh(-x).Should().Be(-t);
            Math.Abs(t).Should().BeLessThanOrEqualTo(1);
        }
    }

    private static ulong[] Bits(JsonNode array) =>
        [.. array.AsArray().Select(n => ulong.Parse(n!.GetValue<string>(), NumberStyles.HexNumber, CultureInfo.InvariantCulture))];
}
