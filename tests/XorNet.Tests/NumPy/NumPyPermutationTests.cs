using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FluentAssertions;
using XorNet.NumPy;

namespace XorNet.Tests;

/// <summary>
/// <see cref="NumPyRandom.Permutation"/> against NumPy's own <c>np.random.permutation(n)</c> (numpy-permutations.json,
/// made by make_permutations.py): n from 1 to 1000 and beyond 2^16, several seeds, with and without weights drawn first.
/// </summary>
public sealed class NumPyPermutationTests
{
    private static readonly FixtureCases Fixtures = new("numpy-permutations.json");

    public static TheoryData<int> Cases() => Fixtures.Indexes();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_permutation_and_the_stream_after_them_are_NumPys(int index)
    {
        JsonNode c = Fixtures[index];
        var random = new NumPyRandom(c["seed"]!.GetValue<uint>());
        foreach (JsonNode? shape in c["drawn"]!.AsArray())
        {
            random.FillGaussian(new double[shape![0]!.GetValue<int>() * shape[1]!.GetValue<int>()]);
        }

        int[] sizes = [.. c["sizes"]!.AsArray().Select(n => n!.GetValue<int>())];
        string[] digests = [.. c["sha256"]!.AsArray().Select(d => d!.GetValue<string>())];
        JsonArray first = c["first"]!.AsArray();
        for (int i = 0; i < sizes.Length; i++)
        {
            int[] permutation = new int[sizes[i]];
            random.Permutation(permutation);
            if (i < first.Count)
            {
                permutation.Should().Equal(first[i]!.AsArray().Select(v => v!.GetValue<int>()), "permutation({0})", sizes[i]);
            }

            byte[] bytes = new byte[permutation.Length * sizeof(int)];
            Buffer.BlockCopy(permutation, 0, bytes, 0, bytes.Length); // little-endian, as NumPy's '<i4'
            Convert.ToHexStringLower(SHA256.HashData(bytes)).Should().Be(digests[i], "permutation({0})", sizes[i]);
        }

        random.NextDouble().Should().Be(c["thenSample"]!.GetValue<double>());
    }
}
