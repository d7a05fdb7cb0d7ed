using System.Text.Json;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>np.sum and np.mean of columns (NumPy's pairwise order, in 8192-element buffers), bit for bit.</summary>
public sealed class NumPySumTests
{
    public static TheoryData<int> Cases => [.. Enumerable.Range(0, 10)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Column_sum_and_mean_match_numpy_bit_for_bit(int index)
    {
        JsonElement expected = Fixture.Json("numpy-cases.json").GetProperty("sums")[index];
        int count = expected.GetProperty("count").GetInt32();
        var random = new NumPyRandom(expected.GetProperty("seed").GetUInt32());
        var column = new Matrix(count, 1);
        for (int i = 0; i < count; i++)
        {
            column[i, 0] = (random.NextDouble() * 2) - 1;
        }

        column.ColumnSums()[0, 0].Should().Be(expected.GetProperty("sum").GetDouble(), "np.sum over {0} values", count);
        column.Mean().Should().Be(expected.GetProperty("mean").GetDouble(), "np.mean over {0} values", count);
    }

    [Fact]
    public void Pairwise_order_differs_from_a_running_sum_where_it_should()
    {
        // 1e16 + eight 1.0s: a running sum loses every 1.0; eight partial sums keep them together.
        double[] values = [1e16, 1, 1, 1, 1, 1, 1, 1, 1];
        double running = 0;
        foreach (double v in values)
        {
            running += v;
        }

        NumPySum.Sum(values).Should().NotBe(running);
    }
}
