using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using XorNet.CommandLine;
using XorNet.Data;

namespace XorNet.Commands.Sweep;

/// <summary>
/// The sweep's lists of how a generated set is drawn: <c>--samples</c>, <c>--noise</c> and <c>--data-seed</c> take
/// values separated by commas (whole numbers also ranges, <c>--data-seed 0-9</c>), each meaning what the training
/// option of that name means. Every combination is a set of its own, learned by every other setting of the sweep.
/// </summary>
internal sealed class SweepPlaneOptions
{
    private readonly SweepOptions _sweep;

    public SweepPlaneOptions(SweepOptions sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        _sweep = sweep;
        string defaultSamples = PlaneRecipe.DefaultSamples.ToString(CultureInfo.InvariantCulture);
        Samples = sweep.List<int>(
            "--samples", null, $"For a generated set ({string.Join(", ", PlaneSets.Names)}): how many points, the first half (rounded down) of class 1 (default {defaultSamples})",
            $"whole numbers from 1 to {PlaneRecipe.MaxSamples} separated by commas, or ranges such as 50-60", defaultSamples,
            (string text, out int samples) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out samples) && samples is >= 1 and <= PlaneRecipe.MaxSamples,
            (1, PlaneRecipe.MaxSamples, n => (int)n));
        Noise = sweep.List<double>(
            "--noise", null, $"For a generated set: the standard deviations of the Gaussian noise added to every coordinate (default {PlaneRecipe.DefaultNoise.ToString(CultureInfo.InvariantCulture)})",
            "finite numbers of 0 or more separated by commas, such as 0,0.1,0.2", PlaneRecipe.DefaultNoise.ToString(CultureInfo.InvariantCulture),
            (string text, out double noise) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out noise) && double.IsFinite(noise) && noise >= 0,
            null);
        DataSeeds = sweep.List<uint>(
            "--data-seed", null, "For a generated set: the seeds of its own generator, as np.random.RandomState takes them; the weights' --seed is separate (default 0)",
            $"seeds from 0 to {uint.MaxValue} separated by commas, or ranges such as 0-9", "0",
            (string text, out uint seed) => uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seed),
            (0, uint.MaxValue, n => (uint)n));
    }

    public Option<int[]> Samples { get; }

    public Option<double[]> Noise { get; }

    public Option<uint[]> DataSeeds { get; }

    /// <summary>The options, in the order help lists them.</summary>
    public IEnumerable<Option> All => [Samples, Noise, DataSeeds];

    /// <summary>Refuses the lists with a truth table or <c>--data</c>, as training refuses its single values.</summary>
    public void Validate(CommandResult command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (PlaneOptions.Misuse(All, command, _sweep.Training.GivenDataset(command), _sweep.Training.Data) is { } misuse)
        {
            command.AddError(misuse);
        }
    }

    /// <summary>
    /// The sets the lists draw, every combination, data seeds varying fastest, then noises, then samples; null when
    /// the sweep does not learn a generated set.
    /// </summary>
    public IReadOnlyList<PlaneRecipe>? Planes(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.GetValue(_sweep.Training.Data) is not null || !PlaneSets.Contains(parse.GetValue(_sweep.Training.DatasetName)!))
        {
            return null;
        }

        return [.. from samples in _sweep.Values(parse, Samples) from noise in _sweep.Values(parse, Noise) from seed in _sweep.Values(parse, DataSeeds) select new PlaneRecipe(samples, noise, seed)];
    }
}
