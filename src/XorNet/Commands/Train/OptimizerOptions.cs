using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using XorNet.CommandLine;
using XorNet.Text;
using XorNet.Network;
using XorNet.Network.Optimizers;

namespace XorNet.Commands.Train;

/// <summary>
/// The training command's update-rule options: <c>--optimizer</c>, <c>--momentum</c>, <c>--betas</c>,
/// <c>--weight-decay</c> and <c>--batch-size</c>, each parsed to one value, and refused where the rule does not use it.
/// </summary>
internal sealed class OptimizerOptions
{
    /// <summary>What <c>--momentum</c> accepts.</summary>
    public const string MomentumAccepted = OptimizerValues.Momentum;

    /// <summary>What <c>--betas</c> accepts.</summary>
    public const string BetasAccepted = OptimizerValues.Betas;

    /// <summary>What <c>--weight-decay</c> accepts.</summary>
    public const string WeightDecayAccepted = OptimizerValues.WeightDecay;

    /// <summary>What <c>--batch-size</c> accepts.</summary>
    public static readonly string BatchSizeAccepted = $"a whole number from 1 to {int.MaxValue} (more than the rows makes one shuffled batch)";

    public OptimizerOptions(CommandLineOptions common)
    {
        ArgumentNullException.ThrowIfNull(common);
        Optimizer = common.Choice("--optimizer", "The update rule after each backward pass (sgd is the notebook's)", OptimizerSettings.Names, "sgd");
        Momentum = Number(common, "--momentum", "momentum and nesterov: the fraction of the last step kept (default 0.9)", "mu", MomentumAccepted, ParseMomentum);
        Betas = common.Register(
            new Option<(double, double)>("--betas")
            {
                Description = $"adam: the decay rates of its two moment averages (default 0.9,0.999): {BetasAccepted}",
                HelpName = "b1,b2",
                CustomParser = result => Parse(result, "--betas", BetasAccepted, ParseBetas),
            },
            BetasAccepted);
        WeightDecay = Number(common, "--weight-decay", "Add this times the weights to their gradients (not the biases'), L2 regularisation", "wd", WeightDecayAccepted, ParseWeightDecay);
        BatchSize = common.Register(
            new Option<int>("--batch-size")
            {
                Description = $"Shuffle the rows every epoch with np.random.permutation and update once per batch of this many (default: the whole data in order, the notebook): {BatchSizeAccepted}",
                HelpName = "n",
                CustomParser = result => Parse(result, "--batch-size", BatchSizeAccepted, ParseBatchSize),
            },
            BatchSizeAccepted);
    }

    public Option<string> Optimizer { get; }

    public Option<double> Momentum { get; }

    public Option<(double, double)> Betas { get; }

    public Option<double> WeightDecay { get; }

    public Option<int> BatchSize { get; }

    /// <summary>The options, for the command's list.</summary>
    public IEnumerable<Option> All => [Optimizer, Momentum, Betas, WeightDecay, BatchSize];

    /// <summary>A momentum in [0, 1), or null.</summary>
    public static double? ParseMomentum(string text) => Fraction(text);

    /// <summary>A weight decay, finite and at least 0, or null.</summary>
    public static double? ParseWeightDecay(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) && value >= 0 ? value : null;

    /// <summary>A batch size of at least 1, or null.</summary>
    public static int? ParseBatchSize(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= 1 ? value : null;

    /// <summary>Adam's two betas written <c>B1,B2</c>, each in [0, 1), or null.</summary>
    public static (double, double)? ParseBetas(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] parts = text.Split(',');
        return parts.Length == 2 && Fraction(parts[0]) is { } b1 && Fraction(parts[1]) is { } b2 ? (b1, b2) : null;
    }

    /// <summary>Refuses an option the chosen rule does not use (<c>--momentum</c> with adam), in one line.</summary>
    public void Validate(CommandResult command)
    {
        ArgumentNullException.ThrowIfNull(command);
        // Read from the tokens: a value that does not parse reports its own error, and that one comes first.
        string name = command.GetResult(Optimizer) is { Tokens: [.., var last] } ? last.Value : "sgd";
        if (OptimizerSettings.Parse(name) is not { } kind)
        {
            return;
        }

        var settings = new OptimizerSettings(kind);
        if (Given(command, Momentum, ParseMomentum) && !settings.UsesMomentum)
        {
            command.AddError($"--momentum is used by --optimizer momentum and nesterov, not {name}; drop it or choose one of those.");
        }
        else if (Given(command, Betas, ParseBetas) && !settings.UsesBetas)
        {
            command.AddError($"--betas is used by --optimizer adam, not {name}; drop it or choose adam.");
        }
    }

    // Whether the option was given with a value that parses.
    private static bool Given<T>(CommandResult command, Option option, Func<string, T?> parse)
        where T : struct => command.GetResult(option) is { Tokens: [.., var last] } && parse(last.Value) is not null;

    /// <summary><paramref name="settings"/> with the update rule and batch size the options give.</summary>
    public TrainingSettings Apply(ParseResult parse, TrainingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(settings);
        (double b1, double b2) = parse.GetResult(Betas) is null ? (OptimizerSettings.DefaultBeta1, OptimizerSettings.DefaultBeta2) : parse.GetValue(Betas);
        var optimizer = new OptimizerSettings(
            OptimizerSettings.Parse(parse.GetValue(Optimizer)!)!.Value,
            parse.GetResult(Momentum) is null ? OptimizerSettings.DefaultMomentum : parse.GetValue(Momentum),
            b1,
            b2,
            parse.GetResult(WeightDecay) is null ? 0 : parse.GetValue(WeightDecay));
        return settings with { Optimizer = optimizer, BatchSize = parse.GetResult(BatchSize) is null ? null : parse.GetValue(BatchSize) };
    }

    private static double? Fraction(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= 0 && value < 1 ? value : null;

    private static Option<double> Number(CommandLineOptions common, string name, string description, string helpName, string accepted, Func<string, double?> parse) =>
        common.Register(
            new Option<double>(name)
            {
                Description = $"{description}: {accepted}",
                HelpName = helpName,
                CustomParser = result => Parse(result, name, accepted, parse),
            },
            accepted);

    private static T Parse<T>(ArgumentResult result, string name, string accepted, Func<string, T?> parse)
        where T : struct
    {
        string? text = result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;
        if (text is not null && parse(text) is { } value)
        {
            return value;
        }

        result.AddError(text is null ? $"{name} needs a value: {accepted}." : $"{name} does not accept '{Excerpt.Of(text)}': expected {accepted}.");
        return default;
    }
}
