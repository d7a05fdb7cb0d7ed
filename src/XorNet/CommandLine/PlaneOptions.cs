using System.CommandLine;
using System.CommandLine.Parsing;
using XorNet.Data;

namespace XorNet.CommandLine;

/// <summary>
/// How a generated set is drawn: <c>--samples</c>, <c>--noise</c> and <c>--data-seed</c>, shared by training and
/// <c>XorNet data</c>. They draw nothing for a truth table or a <c>--data</c> file, so they are refused there.
/// </summary>
internal sealed class PlaneOptions
{
    public PlaneOptions(CommandLineOptions common)
    {
        ArgumentNullException.ThrowIfNull(common);
        Samples = common.WholeNumber(
            "--samples", $"For a generated set ({Sets}): how many points, the first half (rounded down) of class 1", PlaneRecipe.DefaultSamples, minimum: 1, maximum: PlaneRecipe.MaxSamples);
        Noise = common.NonNegativeNumber("--noise", "For a generated set: the standard deviation of the Gaussian noise added to every coordinate", PlaneRecipe.DefaultNoise);
        DataSeed = common.SeedOption(
            "--data-seed", "For a generated set: the seed of its own generator (the weights' --seed is separate)", "np.random.RandomState", 0);
    }

    public Option<int> Samples { get; }

    public Option<double> Noise { get; }

    public Option<uint> DataSeed { get; }

    /// <summary>The three options, in help order.</summary>
    public IEnumerable<Option> All => [Samples, Noise, DataSeed];

    // The generated sets' names, as messages list them.
    private static string Sets => string.Join(", ", PlaneSets.Names);

    /// <summary>
    /// Refuses these options when what is learned or written is not a generated set: a truth table (<paramref name="name"/>
    /// is its name, given or by default) or a file (<paramref name="file"/> is the option that gives it).
    /// </summary>
    /// <returns>The message, or null when the options are used rightly or not given.</returns>
    public string? Misuse(CommandResult command, string? name, Option? file = null) => Misuse(All, command, name, file);

    /// <summary>
    /// Refuses <paramref name="options"/>, which draw a generated set (these or a sweep's lists of them), when what is
    /// learned is a truth table named <paramref name="name"/> or a file given by <paramref name="file"/>.
    /// </summary>
    /// <returns>The message, or null when the options are used rightly or not given.</returns>
    public static string? Misuse(IEnumerable<Option> options, CommandResult command, string? name, Option? file = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(command);
        if (options.FirstOrDefault(o => command.GetResult(o) is { Implicit: false }) is not { } given)
        {
            return null;
        }

        if (file is not null && command.GetResult(file) is not null)
        {
            return $"{given.Name} draws a generated set ({Sets}); {file.Name} reads its rows from a file, so drop {given.Name}.";
        }

        if (name is not null && !PlaneSets.Contains(name))
        {
            return $"{given.Name} draws a generated set ({Sets}); {name} is a truth table with rows of its own, so drop {given.Name} or choose a generated set.";
        }

        return null;
    }

    /// <summary>The recipe the options give (their defaults where not given).</summary>
    public PlaneRecipe Recipe(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new PlaneRecipe(parse.GetValue(Samples), parse.GetValue(Noise), parse.GetValue(DataSeed));
    }
}
