using System.Globalization;

namespace XorNet.Data;

/// <summary>
/// How a generated two-input set is drawn: how many rows, the standard deviation of the Gaussian noise added to the
/// points, and the seed of the set's own generator (<c>np.random.RandomState(DataSeed)</c>), which is separate from
/// the weights' seed.
/// </summary>
public sealed record PlaneRecipe
{
    /// <summary>The rows drawn when <c>--samples</c> is not given.</summary>
    public const int DefaultSamples = 200;

    /// <summary>The noise when <c>--noise</c> is not given.</summary>
    public const double DefaultNoise = 0.1;

    /// <summary>
    /// The most rows a set may have: the points of this many fit in one array (two doubles a row) with room to spare,
    /// and writing them out takes a few minutes at most.
    /// </summary>
    public const int MaxSamples = 100_000_000;

    /// <summary>A recipe of <paramref name="samples"/> rows, noise <paramref name="noise"/> and data seed <paramref name="dataSeed"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The samples are outside 1..<see cref="MaxSamples"/>, or the noise is negative or not finite.</exception>
    public PlaneRecipe(int samples = DefaultSamples, double noise = DefaultNoise, uint dataSeed = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(samples, MaxSamples);
        if (!double.IsFinite(noise) || noise < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(noise), noise, "The noise is a finite standard deviation of 0 or more.");
        }

        Samples = samples;
        Noise = noise;
        DataSeed = dataSeed;
    }

    /// <summary>The recipe of the options' defaults: 200 rows, noise 0.1, data seed 0.</summary>
    public static PlaneRecipe Default { get; } = new();

    /// <summary>The number of rows, the first half (rounded down) of class 1 and the rest of class 0.</summary>
    public int Samples { get; }

    /// <summary>The standard deviation of the noise added to both coordinates of every point; 0 adds none and draws none.</summary>
    public double Noise { get; }

    /// <summary>The seed of the set's generator, 0 to 4294967295 as <c>np.random.RandomState</c> takes.</summary>
    public uint DataSeed { get; }

    /// <summary>The recipe in words, as the options give it: "200 samples, noise 0.1, data seed 0".</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Samples} {(Samples == 1 ? "sample" : "samples")}, noise {Noise:R}, data seed {DataSeed}");
}
