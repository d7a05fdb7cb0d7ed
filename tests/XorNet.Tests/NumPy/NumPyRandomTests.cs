using System.Text.Json;
using FluentAssertions;

namespace XorNet.Tests;

/// <summary>Every value in numpy-random.json must come out of <see cref="NumPyRandom"/> bit for bit.</summary>
public sealed class NumPyRandomTests
{
    public static TheoryData<uint> Seeds => [0u, 42u];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Raw_outputs_match_numpy(uint seed)
    {
        JsonElement expected = SeedCase(seed).GetProperty("next_uint32");
        var random = new NumPyRandom(seed);

        foreach (JsonElement value in expected.EnumerateArray())
        {
            random.NextUInt32().Should().Be(value.GetUInt32());
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_sample_matches_numpy_bit_for_bit(uint seed)
    {
        var random = new NumPyRandom(seed);

        foreach (JsonElement value in SeedCase(seed).GetProperty("random_sample").EnumerateArray())
        {
            BitConverter.DoubleToInt64Bits(random.NextDouble()).Should().Be(BitConverter.DoubleToInt64Bits(value.GetDouble()));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Randn_keeps_the_cached_gaussian_across_calls(uint seed)
    {
        // randn(3) then randn(3): the sixth value is the cached partner of the fifth, so the stream must carry over.
        var random = new NumPyRandom(seed);
        double[][] expected = Fixture.Rows(SeedCase(seed).GetProperty("randn_3_then_randn_3"));

        foreach (double[] call in expected)
        {
            var drawn = new double[call.Length];
            random.FillGaussian(drawn);
            drawn.Select(BitConverter.DoubleToInt64Bits).Should().Equal(call.Select(BitConverter.DoubleToInt64Bits));
        }
    }

    [Fact]
    public void Initial_weights_are_numpys_seed_42_draws()
    {
        JsonElement initial = Fixture.Json("notebook-seed42-weights.json").GetProperty("initial");

        var network = TwoLayerNetwork.Initialize(inputs: 2, hidden: 4, new NumPyRandom(42));

        network.W1.ToRows().Should().BeEquivalentTo(Fixture.Rows(initial.GetProperty("W1")), o => o.WithStrictOrdering());
        network.W2.ToRows().Should().BeEquivalentTo(Fixture.Rows(initial.GetProperty("W2")), o => o.WithStrictOrdering());
        network.B1.AsSpan().ToArray().Should().OnlyContain(b => b == 0);
    }

    [Fact]
    public void Different_seeds_give_different_streams()
    {
        new NumPyRandom(1).NextUInt32().Should().NotBe(new NumPyRandom(2).NextUInt32());
    }

    [Fact]
    public void The_largest_seed_is_accepted_and_regenerates_after_624_draws()
    {
        var random = new NumPyRandom(uint.MaxValue);
        var seen = new HashSet<uint>();
        for (int i = 0; i < 2000; i++)
        {
            seen.Add(random.NextUInt32());
        }

        seen.Should().HaveCountGreaterThan(1990, "a broken regeneration would repeat the first 624 outputs");
    }

    private static JsonElement SeedCase(uint seed) =>
        Fixture.Json("numpy-random.json").GetProperty("seeds").EnumerateArray().Single(s => s.GetProperty("seed").GetUInt32() == seed);
}
