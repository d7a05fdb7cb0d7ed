using System.CommandLine;
using System.CommandLine.Parsing;
using XorNet.CommandLine;
using XorNet.Commands.Train.Trace;
using XorNet.Data;
using XorNet.Files;
using XorNet.Network;
using XorNet.NumPy;
using XorNet.Plots;

namespace XorNet.Commands.Train;

/// <summary>
/// The options of the training command (<c>XorNet</c> itself). Each parses its own value so that a bad one is
/// reported as one line naming the option and what it accepts, never as an exception.
/// </summary>
internal sealed class TrainOptions
{
    public TrainOptions(CommandLineOptions common)
    {
        ArgumentNullException.ThrowIfNull(common);
        Common = common;
        Optimizers = new OptimizerOptions(common);
        Epochs = common.WholeNumber("--epochs", "Number of epochs: passes over the data, one update each (one a batch with --batch-size)", TrainingSettings.DefaultEpochs, minimum: 0);
        LearningRate = common.PositiveNumber("--learning-rate", "--lr", "Step size of the update (Rprop's first step)", TrainingSettings.DefaultLearningRate);
        Seed = common.SeedOption("--seed");
        Hidden = common.WholeNumber("--hidden", "Number of hidden units (one hidden layer; --layers gives several)", TrainingSettings.DefaultHiddenUnits, minimum: 1);
        Layers = common.Register(LayerSizes.Option("--layers", LayerSizes.Accepted), LayerSizes.Accepted);
        Features = common.Register(FeatureOption("--features"), InputFeatures.Accepted);
        Activation = common.Choice("--activation", "The hidden layers' activation (the output stays sigmoid)", Activations.Names, "sigmoid");
        Init = common.Choice("--init", "How the initial weights are made: np.random.randn scaled by 1, sqrt(1/fan_in) or sqrt(2/fan_in), or zeros (nothing drawn)", Initializations.Names, "normal");
        Loss = common.Choice("--loss", "What training minimises: mean squared error or binary cross-entropy", Losses.Names, "mse");
        Targets = common.WholeNumber("--targets", "With --data: how many of the last columns are targets", 1, minimum: 1);
        InitFrom = common.PathOption(
            "--init-from", "Start from the weights of a model saved with --save instead of drawing them; its layers and activation are used, and its loss unless --loss is given; the log counts this run's epochs from 0, and --save records the file and the epochs before", "PATH.json", "a model file written by --save, such as model.json");
        LogEvery = common.WholeNumber("--log-every", "Print the loss of every epoch divisible by this", TrainingSettings.DefaultLogEvery, minimum: 1);
        Format = common.Choice("--format", "The notebook's transcript, or one JSON document with log, predictions and weights", ["text", "json"], "text");
        DatasetName = common.Choice(
            "--dataset", "A built-in set to learn: a truth table, or a plane of points drawn by --samples, --noise and --data-seed", DatasetNames.All, DefaultDataset);
        Planes = new PlaneOptions(common);
        Data = common.PathOption("--data", "Learn from a CSV file instead (- reads standard input): numbers separated by commas, one sample a line, the last column (or the last --targets columns) the targets in [0, 1]", "PATH.csv", "a CSV file such as data.csv, or - for standard input");
        Validation = common.PathOption(
            ValidationFile.Option, "Also print the loss on this CSV file (- reads standard input), with the training data's columns, at every logged epoch", "PATH.csv", "a CSV file such as validation.csv, or - for standard input");
        Metrics = new Option<bool>("--metrics")
        {
            Description = "After the predictions, print the epochs run, the final loss and the accuracy (the JSON report always has them)",
        };
        TargetLoss = common.Fraction("--target-loss", "Stop after the first epoch whose loss is at most this");
        Trace = common.Register(TraceEpochs.Option("--trace", TraceEpochs.Accepted), TraceEpochs.Accepted);
        CheckGradients = new Option<bool>("--check-gradients")
        {
            Description = $"Before training, compare backpropagation with finite differences (stderr); fail if |analytic - numeric| exceeds {NumPyFormat.Repr(GradientCheck.AbsoluteTolerance)} + {NumPyFormat.Repr(GradientCheck.RelativeTolerance)}·|numeric| anywhere",
        };
        Save = common.PathOption("--save", "Write the trained network to this JSON file (written whole or not at all)", "PATH.json", "a file path such as model.json");
        PlotLoss = common.PathOption("--plot-loss", "Draw the loss of every epoch as an SVG line chart (log scale) in this file", "PATH.svg", "a file path such as loss.svg");
        PlotBoundary = common.PathOption(
            "--plot-boundary", "Draw the trained network's output over the plane, its 0.5 contour and the data as SVG, one panel per output (two-input data only)", "PATH.svg", "a file path such as boundary.svg");
        Explain = new Option<bool>("--explain")
        {
            Description = "After the predictions, each unit's weights and bias, outputs on the training rows and, for 0/1 inputs, the Boolean function it computes (an output read as 1 from the middle of its activation's range: ≥ 0.5 sigmoid, ≥ 0 tanh, > 0 relu), layer by layer",
        };
        PlotUnits = common.PathOption(
            "--plot-units", "Draw each hidden unit's output over the plane as SVG, coloured over its activation's range, a row per layer, and the network's output (two-input data only)", "PATH.svg", "a file path such as units.svg");
        PlotNetwork = common.PathOption(
            "--plot-network", "Draw the trained network as an SVG diagram: edges by weight, biases, and each unit's Boolean function", "PATH.svg", "a file path such as network.svg");
        Animate = common.PathOption(
            "--animate", "Draw training as an animated SVG that loops in a browser: the output over the plane at about 60 epochs beside the loss curve (two-input data only)", "PATH.svg", "a file path such as training.svg");
        PlotRange = common.Register(PlotRangeOption.Option("--plot-range", PlotWindow.Accepted), PlotWindow.Accepted);
    }

    /// <summary>The set learned when neither --dataset nor --data is given: the notebook's XOR.</summary>
    public const string DefaultDataset = "xor";

    /// <summary>The options every command shares, and what each option accepts.</summary>
    public CommandLineOptions Common { get; }

    public Option<int> Epochs { get; }

    public Option<double> LearningRate { get; }

    public Option<uint> Seed { get; }

    public Option<int> Hidden { get; }

    public Option<int> LogEvery { get; }

    public Option<int[]> Layers { get; }

    public Option<InputFeatures> Features { get; }

    public Option<string> Activation { get; }

    public Option<string> Init { get; }

    public Option<string> Loss { get; }

    public Option<int> Targets { get; }

    public Option<string> InitFrom { get; }

    public Option<string> Format { get; }

    public Option<string> DatasetName { get; }

    public Option<string> Data { get; }

    /// <summary>How a generated --dataset is drawn: <c>--samples</c>, <c>--noise</c>, <c>--data-seed</c>.</summary>
    public PlaneOptions Planes { get; }

    public Option<string> Validation { get; }

    public Option<bool> Metrics { get; }

    public Option<double> TargetLoss { get; }

    public Option<int[]> Trace { get; }

    public Option<bool> CheckGradients { get; }

    public Option<string> Save { get; }

    public Option<string> PlotLoss { get; }

    public Option<string> PlotBoundary { get; }

    public Option<bool> Explain { get; }

    public Option<string> PlotUnits { get; }

    public Option<string> PlotNetwork { get; }

    public Option<string> Animate { get; }

    public Option<PlotWindow> PlotRange { get; }

    /// <summary>The update rule's options: <c>--optimizer</c>, <c>--momentum</c>, <c>--betas</c>, <c>--weight-decay</c>, <c>--batch-size</c>.</summary>
    public OptimizerOptions Optimizers { get; }

    /// <summary>The options of the training command, in the order help lists them.</summary>
    public IEnumerable<Option> All =>
        [Epochs, LearningRate, Seed, Hidden, Layers, Features, Activation, Init, Loss, LogEvery, Format, DatasetName, .. Planes.All, Data, Targets, InitFrom, TargetLoss,
            .. Optimizers.All, Trace, CheckGradients, Save, PlotLoss, PlotBoundary, Validation, Metrics, Explain, PlotUnits, PlotNetwork, Animate, PlotRange, Common.Help, Common.Version];

    /// <summary>
    /// The training run the parsed options ask for: the output paths first (checking them is cheap, and a mistake
    /// there should not wait for the data), then the settings and the <c>--init-from</c> model, then the data and
    /// the validation data, read from their files or <paramref name="input"/>.
    /// </summary>
    /// <exception cref="FileOptionException">A path cannot be read or written, or two options name the same file.</exception>
    /// <exception cref="DataFileException">A CSV file is malformed.</exception>
    /// <exception cref="Models.ModelFileException">The --init-from file is not a valid model.</exception>
    /// <exception cref="FormatException">The options contradict the --init-from model, or --trace names an epoch the run does not have.</exception>
    public TrainRequest Request(ParseResult parse, TextReader input)
    {
        ArgumentNullException.ThrowIfNull(parse);
        OutputFiles files = OutputFiles(parse);
        TrainingSettings settings = Settings(parse, out InitialModel.Start? start);
        Dataset data = LoadDataset(parse, input);
        var additions = new TranscriptAdditions(LoadValidation(parse, input, data), parse.GetValue(Metrics), TracedEpochs(parse), parse.GetValue(Explain));
        return new TrainRequest(data, settings, CommandLineOptions.OutputFormat(parse, Format), parse.GetValue(CheckGradients), files, start, additions);
    }

    /// <summary>The files a training run writes when it ends, each checked (see <see cref="Train.OutputFiles.Check"/>).</summary>
    /// <exception cref="FileOptionException">A path cannot be written, or two options name the same file.</exception>
    public OutputFiles OutputFiles(ParseResult parse) =>
        Train.OutputFiles.Check(
            parse.GetValue(Save), parse.GetValue(PlotLoss), parse.GetValue(PlotBoundary), parse.GetValue(Data), parse.GetValue(Validation),
            parse.GetValue(PlotUnits), parse.GetValue(PlotNetwork), parse.GetValue(Animate))
            with { PlotRange = parse.GetValue(PlotRange) };

    /// <summary>Rejects combinations of options that contradict each other.</summary>
    public void Validate(CommandResult command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.GetResult(Data) is not null && command.GetResult(DatasetName) is { Implicit: false })
        {
            command.AddError("--data and --dataset cannot be used together: give a file or a built-in dataset, not both.");
        }
        else if (command.GetResult(Layers) is not null && command.GetResult(Hidden) is { Implicit: false })
        {
            command.AddError("--layers and --hidden cannot be used together: --hidden N is one hidden layer, --layers N,M,… lists them all.");
        }
        else if (Planes.Misuse(command, GivenDataset(command), Data) is { } misuse)
        {
            command.AddError(misuse);
        }
        else if (command.GetResult(Targets) is { Implicit: false } && command.GetResult(Data) is null)
        {
            command.AddError("--targets says how many columns of a --data file are targets; the built-in datasets have theirs (drop --targets or give --data PATH.csv).");
        }
        else if (command.GetResult(Data) is { Tokens: [{ Value: InputFile.StandardInput }] }
            && command.GetResult(Validation) is { Tokens: [{ Value: InputFile.StandardInput }] })
        {
            command.AddError("--data and --validation cannot both read standard input (-): give one of them a file.");
        }
        else if (command.GetResult(PlotRange) is not null && command.GetResult(PlotBoundary) is null && command.GetResult(Animate) is null
            && command.GetResult(PlotUnits) is null)
        {
            command.AddError("--plot-range chooses the window of --plot-boundary, --plot-units and --animate; give one of them, or drop --plot-range.");
        }
        else
        {
            Optimizers.Validate(command);
        }
    }

    /// <summary>
    /// The training table the options name: the CSV file given with --data (<paramref name="input"/> for <c>-</c>),
    /// else the --dataset table.
    /// </summary>
    /// <exception cref="FileOptionException">The --data path is empty, a directory, or a missing or unreadable file.</exception>
    /// <exception cref="DataFileException">The CSV text is malformed.</exception>
    public Dataset LoadDataset(ParseResult parse, TextReader input)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(input);
        if (parse.GetValue(Data) is not { } path)
        {
            return DatasetNames.Create(parse.GetValue(DatasetName)!, Planes.Recipe(parse));
        }

        if (path == InputFile.StandardInput)
        {
            return CsvDataset.Read(input, InputFile.StandardInputName, parse.GetValue(Targets));
        }

        InputFile.Check("--data", path, "data.csv", acceptsStandardInput: true);
        return CsvDataset.Load(path, parse.GetValue(Targets));
    }

    /// <summary>The <c>--validation</c> table (<paramref name="input"/> for <c>-</c>), checked against <paramref name="training"/>; null without the option.</summary>
    /// <exception cref="FileOptionException">The path is empty, a directory, or a missing or unreadable file.</exception>
    /// <exception cref="DataFileException">The CSV text is malformed, or its columns are not the training data's.</exception>
    public Dataset? LoadValidation(ParseResult parse, TextReader input, Dataset training)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetValue(Validation) is { } path ? ValidationFile.Load(path, training, input) : null;
    }

    /// <summary>
    /// The training settings the options give, with the <c>--init-from</c> model loaded and checked against them; in
    /// <paramref name="start"/>, that model's file and history (null without <c>--init-from</c>).
    /// </summary>
    /// <exception cref="FileOptionException">The --init-from path is empty, a directory, or missing.</exception>
    /// <exception cref="Models.ModelFileException">The --init-from file is not a valid model.</exception>
    /// <exception cref="FormatException">--layers, --hidden, --activation or --init contradict the --init-from model, or --seed is given with it.</exception>
    public TrainingSettings Settings(ParseResult parse, out InitialModel.Start? start)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var settings = new TrainingSettings(
            parse.GetValue(Seed),
            parse.GetValue(Hidden),
            parse.GetValue(LearningRate),
            parse.GetValue(Epochs),
            parse.GetValue(LogEvery),
            parse.GetResult(TargetLoss) is null ? null : parse.GetValue(TargetLoss))
        {
            ExplicitHiddenSizes = parse.GetResult(Layers) is null ? null : parse.GetValue(Layers),
            Activation = Activations.Parse(parse.GetValue(Activation)!),
            Initialization = Initializations.Parse(parse.GetValue(Init)!),
            Loss = Losses.Parse(parse.GetValue(Loss)!),
            Features = parse.GetValue(Features),
        };
        settings = Optimizers.Apply(parse, settings);

        start = null;
        if (parse.GetValue(InitFrom) is not { } path)
        {
            return settings;
        }

        settings = InitialModel.Apply(settings, path, Given(parse), out InitialModel.Start from);
        start = from;
        return settings;
    }

    /// <summary>The epochs <c>--trace</c> lists, each once and ascending, or null without <c>--trace</c>.</summary>
    /// <exception cref="FormatException">An epoch is not one of the run's (--epochs 10 runs 0 to 9).</exception>
    public SortedSet<int>? TracedEpochs(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        // Without the option, GetValue gives an empty list, not null.
        if (parse.GetResult(Trace) is null || parse.GetValue(Trace) is not { } epochs)
        {
            return null;
        }

        return TraceEpochs.OutOfRange("--trace", epochs, parse.GetValue(Epochs)) is { } outOfRange
            ? throw new FormatException(outOfRange)
            : TraceEpochs.Of(epochs);
    }

    /// <summary>The --dataset name given, or the default; null when the name given is not one (its own error says so).</summary>
    public string? GivenDataset(CommandResult command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.GetResult(DatasetName) switch
        {
            null or { Implicit: true } => DefaultDataset,
            { Tokens: [.., var last] } when DatasetNames.All.Contains(last.Value, StringComparer.Ordinal) => last.Value,
            _ => null,
        };
    }

    // The architecture options given explicitly, which --init-from must agree with.
    private InitialModel.Given Given(ParseResult parse) => new(
        parse.GetResult(Layers) is null ? null : parse.GetValue(Layers),
        parse.GetResult(Hidden) is { Implicit: false } ? parse.GetValue(Hidden) : null,
        parse.GetResult(Activation) is { Implicit: false } ? parse.GetValue(Activation) : null,
        parse.GetResult(Init) is { Implicit: false } ? parse.GetValue(Init) : null,
        parse.GetResult(Loss) is { Implicit: false },
        parse.GetResult(Seed) is { Implicit: false })
    {
        Features = parse.GetValue(Features),
    };

    /// <summary>
    /// The <c>--features</c> option, whose parser reports an unknown or repeated feature as one line naming it and
    /// what is accepted.
    /// </summary>
    internal static Option<InputFeatures> FeatureOption(string name) => new(name)
    {
        Description = $"Train on features computed from the two inputs instead of the inputs themselves; every picture still shows the plane of x1 and x2: {InputFeatures.Accepted}",
        HelpName = "f,f,…",
        CustomParser = result =>
        {
            string text = result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value;
            try
            {
                return InputFeatures.Parse(text);
            }
            catch (FormatException e)
            {
                result.AddError($"{name} {e.Message}.");
                return null;
            }
        },
    };
}
