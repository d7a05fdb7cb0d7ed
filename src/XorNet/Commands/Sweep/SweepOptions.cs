using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using XorNet.CommandLine;
using XorNet.Commands.Train;
using XorNet.Data;
using XorNet.Files;
using XorNet.Network;
using XorNet.Sweeps;
using XorNet.Text;

namespace XorNet.Commands.Sweep;

/// <summary>
/// The options of <c>XorNet sweep</c>: the training options, those that can vary taking lists (and, for seeds and
/// hidden sizes, ranges), plus how to run, record and summarise the runs.
/// </summary>
internal sealed class SweepOptions
{
    /// <summary>The seeds a sweep runs when none are given.</summary>
    public const string DefaultSeeds = "0-99";

    /// <summary>The most runs at once.</summary>
    public const int MaxJobs = 1024;

    // Each list option's values when it is not given. Not the options' own defaults, which help would print expanded;
    // read only when a sweep runs, so that other commands never expand the default seeds.
    private readonly Dictionary<Option, Func<object>> _defaults = [];

    public SweepOptions(TrainOptions training)
    {
        ArgumentNullException.ThrowIfNull(training);
        Training = training;
        Seeds = List<uint>(
            "--seed", null, $"Seeds of the runs, as np.random.seed takes them (default {DefaultSeeds})",
            $"seeds from 0 to {uint.MaxValue} separated by commas, or ranges such as 0-999", DefaultSeeds,
            (string text, out uint seed) => uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out seed),
            (0, uint.MaxValue, n => (uint)n));
        Hidden = List<int>(
            "--hidden", null, "Hidden sizes of one hidden layer (default 4)",
            "whole numbers from 1 separated by commas, or ranges such as 1-8", "4",
            (string text, out int size) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out size) && size >= 1,
            (1, int.MaxValue, n => (int)n));
        LearningRates = List<double>(
            "--learning-rate", "--lr", "Learning rates (default 0.1)", "finite numbers greater than 0 separated by commas, such as 0.1,0.5,1", "0.1",
            (string text, out double rate) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out rate) && double.IsFinite(rate) && rate > 0,
            null);
        Activations = Choices("--activation", "The hidden layers' activations", Network.Activations.Names, "sigmoid");
        Inits = Choices("--init", "The initial weights' scales", Network.Initializations.Names, "normal");
        Losses = Choices("--loss", "The losses", Network.Losses.Names, "mse");
        Updates = new SweepUpdateOptions(this);
        Planes = new SweepPlaneOptions(this);
        string layersAccepted = $"{LayerSizes.Accepted}; repeat it for more (--layers 4 --layers 4,4)";
        Layers = training.Common.Register(
            new Option<string[]>("--layers")
            {
                Description = $"The hidden layers of one architecture, first to last: {layersAccepted}",
                HelpName = "n,n,…",
                AllowMultipleArgumentsPerToken = false,
                Arity = ArgumentArity.OneOrMore,
                CustomParser = result =>
                {
                    var architectures = new List<string>();
                    foreach (Token token in result.Tokens)
                    {
                        if (HiddenSizesText.Parse(token.Value) is not { } sizes)
                        {
                            result.AddError($"--layers does not accept '{token.Value}': expected {LayerSizes.Accepted}.");
                            return null;
                        }

                        string text = HiddenSizesText.Of(sizes);
                        if (architectures.Contains(text))
                        {
                            result.AddError($"--layers lists {text} twice.");
                            return null;
                        }

                        architectures.Add(text);
                    }

                    return [.. architectures];
                },
            },
            layersAccepted);
        Full = new Option<bool>("--full") { Description = "Run every epoch even after a run converges (its convergence epoch is still recorded)" };
        Out = training.Common.PathOption(
            "--out", "Write one line per run, in run order, each flushed as it is done: CSV, or JSON lines for a .jsonl name", "PATH.csv", "a file path ending in .csv or .jsonl, such as runs.csv");
        Out.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && RecordFormat.FromPath(result.Tokens[^1].Value) is null && !result.Tokens[^1].Value.StartsWith('-'))
            {
                result.AddError($"--out needs a name ending in .csv or .jsonl (the format of its lines), not '{Excerpt.Of(result.Tokens[^1].Value)}'.");
            }
        });
        Resume = new Option<bool>("--resume") { Description = "Continue the sweep recorded in --out: skip the runs it holds (a cut-off last line is redone)" };
        Jobs = training.Common.Register(
            new Option<int>("--jobs", "-j")
            {
                Description = $"Runs trained at once (default: the number of cores, {Environment.ProcessorCount}); the records and summary are the same for any number",
                HelpName = "n",
                DefaultValueFactory = _ => Environment.ProcessorCount,
                CustomParser = result => WholeNumber(result, "--jobs", 1, MaxJobs),
            },
            $"a whole number from 1 to {MaxJobs}");
        Shard = training.Common.Register(
            new Option<(int Shard, int Shards)>("--shard")
            {
                Description = "Run only shard K of N: runs K, K+N, K+2N, … of the list (for several processes or machines; merge with 'sweep summarize')",
                HelpName = "K/N",
                CustomParser = ParseShard,
            },
            "K/N with whole numbers 1 ≤ K ≤ N, such as 2/8");
        Format = training.Common.Choice("--format", "The summary as a table, or as one JSON document", ["text", "json"], "text");
        Plot = training.Common.PathOption(
            "--plot", "Draw the convergence rate and the epochs to converge per setting as SVG", "PATH.svg", "a file path such as sweep.svg");
    }

    public TrainOptions Training { get; }

    public Option<uint[]> Seeds { get; }

    public Option<int[]> Hidden { get; }

    public Option<string[]> Layers { get; }

    public Option<double[]> LearningRates { get; }

    public Option<string[]> Activations { get; }

    public Option<string[]> Inits { get; }

    public Option<string[]> Losses { get; }

    /// <summary>The lists of update rules, their settings and batch sizes.</summary>
    public SweepUpdateOptions Updates { get; }

    /// <summary>The lists of how a generated set is drawn.</summary>
    public SweepPlaneOptions Planes { get; }

    public Option<bool> Full { get; }

    public Option<string> Out { get; }

    public Option<bool> Resume { get; }

    public Option<int> Jobs { get; }

    public Option<(int Shard, int Shards)> Shard { get; }

    public Option<string> Format { get; }

    public Option<string> Plot { get; }

    /// <summary>The options of <c>sweep</c>, in the order help lists them.</summary>
    public IEnumerable<Option> Sweep =>
        [Seeds, Hidden, Layers, Training.Features, LearningRates, Activations, Inits, Losses, .. Updates.All, Training.Epochs, Training.DatasetName, .. Planes.All, Training.Data, Training.Targets,
            Training.TargetLoss, Full, Out, Resume, Jobs, Shard, Format, Plot];

    /// <summary>Options that may be given more than once.</summary>
    public IReadOnlySet<Option> Repeatable => new HashSet<Option> { Layers, Updates.Betas };

    /// <summary>Rejects combinations that contradict each other.</summary>
    public void Validate(CommandResult command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Training.Validate(command);
        if (command.Errors.Any())
        {
            return;
        }

        if (command.GetResult(Resume) is { Implicit: false } && command.GetResult(Out) is null)
        {
            command.AddError("--resume continues the sweep recorded in --out; give --out PATH.csv as well.");
        }
        else if (command.GetResult(Layers) is not null && command.GetResult(Hidden) is { Implicit: false })
        {
            command.AddError("--layers and --hidden cannot be used together: --hidden lists sizes of one hidden layer, each --layers one architecture.");
        }
        else
        {
            Updates.Validate(command);
            Planes.Validate(command);
        }
    }

    /// <summary>
    /// The sweep the parsed options ask for: the grid, then the output files (checking them is cheap, and a mistake
    /// there should not wait for the data), then the data read from its file or <paramref name="input"/>.
    /// </summary>
    /// <exception cref="FormatException">The lists make too many runs.</exception>
    public SweepRequest Request(ParseResult parse, TextReader input)
    {
        ArgumentNullException.ThrowIfNull(parse);
        SweepGrid grid = Grid(parse);
        OutputFile? records = parse.GetValue(Out) is { } outPath ? OutputFile.Check("--out", outPath, "runs.csv") : null;
        OutputFile? plot = SummaryOutput.PlotFile(parse.GetValue(Plot));
        OutputFile[] files = [.. new[] { records, plot }.OfType<OutputFile>()];
        OutputFile.RequireDistinct(files);
        OutputFile.RequireNotInput(files, "--data", parse.GetValue(Training.Data));
        OutputFile.RequireNotStandardOutput(files);

        // Every run learns from the same features (--features, one list a sweep): computed once from a table, from each
        // generated set as it is drawn.
        SweepData data;
        if (grid.Variants.Any(s => s.Plane is not null))
        {
            data = SweepData.Generated(parse.GetValue(Training.DatasetName)!, parse.GetValue(Training.Features));
        }
        else
        {
            Dataset rows = Training.LoadDataset(parse, input);
            data = SweepData.Table(parse.GetValue(Training.Features)?.Of(rows) ?? rows);
        }

        var training = new SweepTraining(
            parse.GetValue(Training.Epochs),
            parse.GetResult(Training.TargetLoss) is null ? Convergence.OutputsOnTargetSide : Convergence.LossAtMost(parse.GetValue(Training.TargetLoss)),
            parse.GetValue(Full));
        return new SweepRequest(
            grid, records, plot, data, training, parse.GetValue(Jobs), parse.GetValue(Shard), parse.GetValue(Resume), CommandLineOptions.OutputFormat(parse, Format));
    }

    /// <summary>The grid of runs the options give.</summary>
    /// <exception cref="FormatException">The product has more than <see cref="SweepGrid.MaxRuns"/> runs.</exception>
    public SweepGrid Grid(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        uint[] seeds = Values(parse, Seeds);
        bool layers = parse.GetResult(Layers) is not null;
        string[] sizes = layers ? parse.GetValue(Layers)! : [.. Values(parse, Hidden).Select(h => h.ToString(CultureInfo.InvariantCulture))];
        double[] rates = Values(parse, LearningRates);
        string[] activations = Values(parse, Activations), inits = Values(parse, Inits), losses = Values(parse, Losses);
        IReadOnlyList<SweepUpdate> updates = Updates.Updates(parse);
        IReadOnlyList<PlaneRecipe>? planes = Planes.Planes(parse);
        long? runs = SweepGrid.Product(seeds.Length, sizes.Length, rates.Length, activations.Length, inits.Length, losses.Length, updates.Count, planes?.Count ?? 1);
        if (runs is not { } count || count > SweepGrid.MaxRuns)
        {
            string size = runs is { } n ? n.ToString("N0", CultureInfo.InvariantCulture) : "more than 9,223,372,036,854,775,807";
            throw new FormatException(
                $"these lists make {size} runs ({Words.Count(seeds.Length, "seed")} × {Words.Count(sizes.Length, "size")} × {Words.Count(rates.Length, "learning rate")} × {Words.Count(activations.Length, "activation")} × {Words.Count(inits.Length, "init")} × {Words.Count(losses.Length, "loss", "losses")}{(updates.Count > 1 ? $" × {Words.Count(updates.Count, "optimizer setting")}" : "")}{(planes?.Count > 1 ? $" × {Words.Count(planes.Count, "generated set")}" : "")}); a sweep runs at most {SweepGrid.MaxRuns.ToString("N0", CultureInfo.InvariantCulture)} (split it with --shard K/N or shorter lists).");
        }

        return new SweepGrid(
            seeds,
            layers ? SweepSetting.LayersColumn : SweepSetting.HiddenColumn,
            sizes,
            rates,
            [.. activations.Select(Network.Activations.Parse)],
            [.. inits.Select(Network.Initializations.Parse)],
            [.. losses.Select(Network.Losses.Parse)],
            updates,
            planes);
    }

    /// <summary>The values of a list option: those given, or its default list.</summary>
    public T[] Values<T>(ParseResult parse, Option<T[]> option) => parse.GetResult(option) is null ? (T[])_defaults[option]() : parse.GetValue(option)!;

    /// <summary>A list option: values separated by commas (and ranges, when <paramref name="ranges"/> bounds them), each at most once.</summary>
    public Option<T[]> List<T>(
        string name, string? alias, string description, string accepted, string defaultText, ValueLists.ElementParser<T> parse, (long, long, Func<long, T>)? ranges)
        where T : notnull
    {
        T[] Parse(string text, ArgumentResult? result)
        {
            (T[]? values, string? error) = ValueLists.Parse(text, parse, ranges, SweepGrid.MaxRuns);
            if (error is not null)
            {
                result?.AddError($"{name} {error}: expected {accepted}.");
                return [];
            }

            return values!;
        }

        Option<T[]> option = alias is null ? new(name) : new(name, alias);
        option.Description = $"{description}: {accepted}";
        option.HelpName = "list";
        _defaults[option] = () => Parse(defaultText, null);
        option.CustomParser = result => result.Tokens.Count == 0 ? [] : Parse(result.Tokens[^1].Value, result);
        return Training.Common.Register(option, accepted);
    }

    /// <summary>A list option of names from <paramref name="choices"/>.</summary>
    public Option<string[]> Choices(string name, string description, IReadOnlyList<string> choices, string defaultValue) => List(
        name,
        null,
        $"{description} (default {defaultValue})",
        $"{string.Join(", ", choices)}, or several separated by commas",
        defaultValue,
        (string text, out string choice) => (choice = text) is not null && choices.Contains(text, StringComparer.Ordinal),
        null);

    private static int WholeNumber(ArgumentResult result, string name, int minimum, int maximum)
    {
        string text = result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= minimum && value <= maximum)
        {
            return value;
        }

        result.AddError($"{name} does not accept '{Excerpt.Of(text)}': expected a whole number from {minimum} to {maximum}.");
        return 0;
    }

    private static (int, int) ParseShard(ArgumentResult result)
    {
        const string Accepted = "K/N with whole numbers 1 ≤ K ≤ N, such as 2/8";
        string text = result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value;
        string[] parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int shard)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int shards))
        {
            if (shards >= 1 && shard >= 1 && shard <= shards)
            {
                return (shard, shards);
            }

            result.AddError(shards < 1
                ? $"--shard {Excerpt.Of(text)} has no shards: N must be at least 1 ({Accepted})."
                : $"--shard {Excerpt.Of(text)} is outside 1..{shards}: K must be from 1 to N ({Accepted}).");
            return default;
        }

        result.AddError($"--shard does not accept '{Excerpt.Of(text)}': expected {Accepted}.");
        return default;
    }
}
