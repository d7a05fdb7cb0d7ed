using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;
using XorNet.Data;
using XorNet.Files;
using XorNet.Network;
using XorNet.NumPy;

namespace XorNet.Cli;

/// <summary>
/// The options of the <c>XorNet</c> command. Each parses its own value so that a bad one is reported as one line
/// naming the option and what it accepts, never as an exception.
/// </summary>
internal sealed class CommandLineOptions
{
    private readonly Dictionary<Option, string> _accepted = [];

    public CommandLineOptions()
    {
        Epochs = WholeNumber("--epochs", "Number of full-batch gradient-descent epochs", TrainingSettings.DefaultEpochs, minimum: 0);
        LearningRate = PositiveNumber("--learning-rate", "--lr", "Gradient-descent step size", TrainingSettings.DefaultLearningRate);
        Seed = SeedOption("--seed");
        Hidden = WholeNumber("--hidden", "Number of hidden units (one hidden layer; --layers gives several)", TrainingSettings.DefaultHidden, minimum: 1);
        Layers = Register(LayerSizes.Option("--layers", LayerSizes.Accepted), LayerSizes.Accepted);
        Activation = Choice("--activation", "The hidden layers' activation (the output stays sigmoid)", Activations.Names, "sigmoid");
        Init = Choice("--init", "How the initial np.random.randn weights are scaled: by 1, sqrt(1/fan_in) or sqrt(2/fan_in)", Initializations.Names, "normal");
        Loss = Choice("--loss", "What training minimises: mean squared error or binary cross-entropy", Losses.Names, "mse");
        Targets = WholeNumber("--targets", "With --data: how many of the last columns are targets", 1, minimum: 1);
        InitFrom = PathOption(
            "--init-from", "Start from the weights of a model saved with --save instead of drawing them; its layers and activation are used, and its loss unless --loss is given", "PATH.json", "a model file written by --save, such as model.json");
        LogEvery = WholeNumber("--log-every", "Print the loss of every epoch divisible by this", TrainingSettings.DefaultLogEvery, minimum: 1);
        Format = Choice("--format", "The notebook's transcript, or one JSON document with log, predictions and weights", ["text", "json"], "text");
        DatasetName = Choice("--dataset", "A built-in truth table to learn", Dataset.Names, "xor");
        Data = PathOption("--data", "Learn from a CSV file instead (- reads standard input): numbers separated by commas, one sample a line, the last column (or the last --targets columns) the targets in [0, 1]", "PATH.csv", "a CSV file such as data.csv, or - for standard input");
        Validation = PathOption(
            ValidationFile.Option, "Also print the loss on this CSV file (- reads standard input), with the training data's columns, at every logged epoch", "PATH.csv", "a CSV file such as validation.csv, or - for standard input");
        Metrics = new Option<bool>("--metrics")
        {
            Description = "After the predictions, print the epochs run, the final loss and the accuracy (the JSON report always has them)",
        };
        TargetLoss = Fraction("--target-loss", "Stop after the first epoch whose loss is at most this");
        Trace = Register(TraceEpochs.Option("--trace", TraceEpochs.Accepted), TraceEpochs.Accepted);
        CheckGradients = new Option<bool>("--check-gradients")
        {
            Description = $"Before training, compare backpropagation with finite differences (stderr); fail if |analytic - numeric| exceeds {NumPyFormat.Repr(GradientCheck.AbsoluteTolerance)} + {NumPyFormat.Repr(GradientCheck.RelativeTolerance)}·|numeric| anywhere",
        };
        Save = PathOption("--save", "Write the trained network to this JSON file (written whole or not at all)", "PATH.json", "a file path such as model.json");
        PlotLoss = PathOption("--plot-loss", "Draw the loss of every epoch as an SVG line chart (log scale) in this file", "PATH.svg", "a file path such as loss.svg");
        PlotBoundary = PathOption(
            "--plot-boundary", "Draw the trained network's output over the plane, its 0.5 contour and the data as SVG, one panel per output (two-input data only)", "PATH.svg", "a file path such as boundary.svg");
        Explain = new Option<bool>("--explain")
        {
            Description = "After the predictions, each unit's weights and bias, outputs on the training rows and, for 0/1 inputs, the Boolean function it computes (output ≥ 0.5 read as 1), layer by layer",
        };
        PlotUnits = PathOption(
            "--plot-units", "Draw each hidden unit's output over the plane as SVG, a row per layer, and the network's output (two-input data only)", "PATH.svg", "a file path such as units.svg");
        PlotNetwork = PathOption(
            "--plot-network", "Draw the trained network as an SVG diagram: edges by weight, biases, and each unit's Boolean function", "PATH.svg", "a file path such as network.svg");
        InspectModel = PathOption("--model", "The saved network to explain (a file written by --save); required", "PATH.json", "a model file written by --save, such as model.json");
        InspectFormat = Choice("--format", "Lines for people, or one JSON document with the explanation", ["text", "json"], "text");
        Animate = PathOption(
            "--animate", "Draw training as an animated SVG that loops in a browser: the output over the plane at about 60 epochs beside the loss curve (two-input data only)", "PATH.svg", "a file path such as training.svg");
        PlotRange = Register(PlotRangeOption.Option("--plot-range", Plots.PlotWindow.Accepted), Plots.PlotWindow.Accepted);
        Optimizers = new OptimizerOptions(this);

        // Required, but checked by ValidatePredict, so that one line says everything predict lacks.
        Model = PathOption("--model", "The saved network to run (a file written by --save); required", "PATH.json", "a model file written by --save, such as model.json");
        PredictData = PathOption(
            "--data", "Predict every row of a CSV file (- reads standard input); with a target column per output also report the MSE and accuracy", "PATH.csv", "a CSV file such as data.csv, or - for standard input");
        PredictFormat = Choice("--format", "Lines 'inputs -> outputs', or one JSON document with the unrounded outputs", ["text", "json"], "text");
        Rows = new Argument<string[]>("rows")
        {
            Description = "Input rows, each the inputs separated by commas, such as 0,1; with no rows and no --data, rows are read from standard input, one a line",
            Arity = ArgumentArity.ZeroOrMore,
        };

        // System.CommandLine's own HelpOption and VersionOption read their descriptions from its resources, which
        // costs a tenth of a default run's time; these are the same options with the text given here.
        Help = new Option<bool>("--help", "-h", "-?")
        {
            Description = "Show help and usage information",
            Arity = ArgumentArity.Zero,
            Recursive = true,
            Action = new HelpAction(),
        };
        Version = new Option<bool>("--version")
        {
            Description = "Show version information",
            Arity = ArgumentArity.Zero,
            Action = new VersionAction(),
        };
        Version.Validators.Add(result =>
        {
            // As System.CommandLine's own --version: it stands alone.
            if (!result.Implicit && result.Parent is CommandResult command
                && command.Children.Any(child => child is not OptionResult { Implicit: true } && child is not OptionResult { Option.Name: "--version" }))
            {
                result.AddError("--version cannot be combined with other arguments.");
            }
        });
    }

    public Option<int> Epochs { get; }

    public Option<double> LearningRate { get; }

    public Option<uint> Seed { get; }

    public Option<int> Hidden { get; }

    public Option<int> LogEvery { get; }

    public Option<int[]> Layers { get; }

    public Option<string> Activation { get; }

    public Option<string> Init { get; }

    public Option<string> Loss { get; }

    public Option<int> Targets { get; }

    public Option<string> InitFrom { get; }

    public Option<string> Format { get; }

    public Option<string> DatasetName { get; }

    public Option<string> Data { get; }

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

    public Option<string> InspectModel { get; }

    public Option<string> InspectFormat { get; }

    public Option<string> Animate { get; }

    public Option<Plots.PlotWindow> PlotRange { get; }

    public Option<string> Model { get; }

    public Option<string> PredictData { get; }

    public Option<string> PredictFormat { get; }

    public Argument<string[]> Rows { get; }

    public Option<bool> Help { get; }

    public Option<bool> Version { get; }

    /// <summary>The update rule's options: <c>--optimizer</c>, <c>--momentum</c>, <c>--betas</c>, <c>--weight-decay</c>, <c>--batch-size</c>.</summary>
    public OptimizerOptions Optimizers { get; }

    public IEnumerable<Option> Training =>
        [Epochs, LearningRate, Seed, Hidden, Layers, Activation, Init, Loss, LogEvery, Format, DatasetName, Data, Targets, InitFrom, TargetLoss,
            .. Optimizers.All, Trace, CheckGradients, Save, PlotLoss, PlotBoundary, Validation, Metrics, Explain, PlotUnits, PlotNetwork, Animate, PlotRange,
            Help, Version];

    /// <summary>The files a training run writes when it ends, each checked (see <see cref="Cli.Outputs.Check"/>).</summary>
    /// <exception cref="FileOptionException">A path cannot be written, or two options name the same file.</exception>
    public Outputs Outputs(ParseResult parse) =>
        Cli.Outputs.Check(
            parse.GetValue(Save), parse.GetValue(PlotLoss), parse.GetValue(PlotBoundary), parse.GetValue(Data), parse.GetValue(Validation),
            parse.GetValue(PlotUnits), parse.GetValue(PlotNetwork), parse.GetValue(Animate))
            with { PlotRange = parse.GetValue(PlotRange) };

    public IEnumerable<Option> Prediction => [Model, PredictData, PredictFormat];

    public IEnumerable<Option> Inspection => [InspectModel, InspectFormat];

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
            return Dataset.Named(parse.GetValue(DatasetName)!);
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

    /// <summary>The training settings the options give, with the <c>--init-from</c> model loaded and checked against them.</summary>
    /// <exception cref="FileOptionException">The --init-from path is empty, a directory, or missing.</exception>
    /// <exception cref="Models.ModelFileException">The --init-from file is not a valid model.</exception>
    /// <exception cref="FormatException">--layers, --hidden, --activation or --init contradict the --init-from model.</exception>
    public TrainingSettings Settings(ParseResult parse)
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
            Layers = parse.GetResult(Layers) is null ? null : parse.GetValue(Layers),
            Activation = Architectures.ParseActivation(parse.GetValue(Activation)!),
            Initialization = Architectures.ParseInitialization(parse.GetValue(Init)!),
            Loss = Architectures.ParseLoss(parse.GetValue(Loss)!),
        };
        settings = Optimizers.Apply(parse, settings);

        return parse.GetValue(InitFrom) is { } path ? InitialModel.Apply(settings, path, Given(parse)) : settings;
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

    // The architecture options given explicitly, which --init-from must agree with.
    private InitialModel.Given Given(ParseResult parse) => new(
        parse.GetResult(Layers) is null ? null : parse.GetValue(Layers),
        parse.GetResult(Hidden) is { Implicit: false } ? parse.GetValue(Hidden) : null,
        parse.GetResult(Activation) is { Implicit: false } ? parse.GetValue(Activation) : null,
        parse.GetResult(Init) is { Implicit: false } ? parse.GetValue(Init) : null,
        parse.GetResult(Loss) is { Implicit: false });

    public static OutputFormat OutputFormat(ParseResult parse, Option<string> option) =>
        parse.GetValue(option) == "json" ? Cli.OutputFormat.Json : Cli.OutputFormat.Text;

    /// <summary>
    /// Rejects a predict command without a model, with both rows and --data, or with neither when standard input
    /// is a terminal (otherwise the rows are read from standard input).
    /// </summary>
    public void ValidatePredict(CommandResult command, bool inputIsTerminal)
    {
        ArgumentNullException.ThrowIfNull(command);
        bool hasModel = command.GetResult(Model) is not null;
        bool hasRows = command.GetResult(Rows) is { Tokens.Count: > 0 };
        bool hasData = command.GetResult(PredictData) is not null;
        if (hasRows && hasData)
        {
            command.AddError("predict takes input rows such as 0,1 or --data PATH.csv, not both.");
        }
        else if (!hasRows && !hasData && inputIsTerminal)
        {
            command.AddError(
                $"predict needs {(hasModel ? "" : "--model PATH.json and ")}input rows such as 0,1, --data PATH.csv, or rows on standard input.");
        }
        else if (!hasModel)
        {
            command.AddError("predict needs --model PATH.json, a network saved with --save.");
        }
    }

    /// <summary>Rejects an inspect command without a model.</summary>
    public void ValidateInspect(CommandResult command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.GetResult(InspectModel) is null)
        {
            command.AddError("inspect needs --model PATH.json, a network saved with --save.");
        }
    }

    /// <summary>A parse error as one line that names the option and what it accepts.</summary>
    public string Describe(ParseError error, IReadOnlyList<string> unmatched)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(unmatched);

        // An option given twice: System.CommandLine says it "expects a single argument but 2 were provided".
        if (error.SymbolResult is OptionResult { IdentifierTokenCount: > 1 } repeated && repeated.Option.Arity.MaximumNumberOfValues <= 1)
        {
            return UsageChecks.Repeated(repeated);
        }

        // The parser reports a missing value before any custom parser runs, and without the accepted range.
        if (error.SymbolResult is OptionResult { Tokens.Count: 0, Implicit: false } missing
            && _accepted.TryGetValue(missing.Option, out string? accepted))
        {
            return $"{missing.Option.Name} needs a value: {accepted}.";
        }

        // A token nothing took: the parser's own text names neither what it is nor what to do.
        if (error.SymbolResult is CommandResult command
            && unmatched.FirstOrDefault(token => error.Message.Contains($"'{token}'", StringComparison.Ordinal)) is { } token)
        {
            return $"{Excerpt.Quoted(token)} is not an option or value {(command.Parent is null ? "XorNet" : Program.CommandPath(command)[(Program.Name.Length + 1)..])} takes.";
        }

        return error.Message.ReplaceLineEndings(" ");
    }

    // A file path. A value that is itself an option (--save --check-gradients) is refused rather than taken as a file
    // name: that is almost always a forgotten path, and a file really named so can be written as ./--check-gradients.
    internal Option<string> PathOption(string name, string description, string helpName, string accepted)
    {
        var option = Register(new Option<string>(name) { Description = description, HelpName = helpName }, accepted);
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && result.Tokens[^1].Value is { Length: > 1 } value && value[0] == '-' && value != InputFile.StandardInput
                && (value.StartsWith("--", StringComparison.Ordinal) || value is "-h" or "-?"))
            {
                result.AddError($"{name} needs a value: {accepted}; '{value}' is an option (for a file of that name, write ./{value}).");
            }
        });
        return option;
    }

    internal Option<int> WholeNumber(string name, string description, int defaultValue, int minimum)
    {
        string accepted = $"a whole number from {minimum} to {int.MaxValue}";
        return Register(new Option<int>(name)
        {
            Description = $"{description}: {accepted}",
            HelpName = "n",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => Parse<int>(result, name, accepted, text =>
                int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= minimum
                    ? value
                    : null),
        }, accepted);
    }

    private Option<double> PositiveNumber(string name, string alias, string description, double defaultValue)
    {
        string accepted = "a finite number greater than 0, such as 0.1 or 1e-3";
        return Register(new Option<double>(name, alias)
        {
            Description = $"{description}: {accepted}",
            HelpName = "rate",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result => Parse<double>(result, name, accepted, text =>
                double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
                && double.IsFinite(value) && value > 0
                    ? value
                    : null),
        }, accepted);
    }

    private Option<double> Fraction(string name, string description)
    {
        string accepted = "a number greater than 0 and less than 1, such as 0.01";
        return Register(new Option<double>(name)
        {
            Description = $"{description}: {accepted}",
            HelpName = "loss",
            CustomParser = result => Parse<double>(result, name, accepted, text =>
                double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value is > 0 and < 1
                    ? value
                    : null),
        }, accepted);
    }

    private Option<uint> SeedOption(string name)
    {
        string accepted = $"a whole number from 0 to {uint.MaxValue}, as np.random.seed takes";
        return Register(new Option<uint>(name)
        {
            Description = $"Random seed for the initial weights: {accepted}",
            HelpName = "n",
            DefaultValueFactory = _ => TrainingSettings.DefaultSeed,
            CustomParser = result => Parse<uint>(result, name, accepted, text =>
                uint.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out uint value) ? value : null),
        }, accepted);
    }

    internal Option<string> Choice(string name, string description, IReadOnlyList<string> choices, string defaultValue)
    {
        string accepted = choices.Count == 2 ? $"{choices[0]} or {choices[1]}" : $"one of {string.Join(", ", choices)}";
        return Register(new Option<string>(name)
        {
            Description = $"{description}: {accepted}",
            HelpName = string.Join('|', choices),
            DefaultValueFactory = _ => defaultValue,
            CustomParser = result =>
            {
                if (result.Tokens.Count == 0)
                {
                    result.AddError($"{name} needs a value: {accepted}.");
                    return null;
                }

                string text = result.Tokens[^1].Value;
                if (choices.Contains(text, StringComparer.Ordinal))
                {
                    return text;
                }

                result.AddError($"{name} does not accept '{text}': expected {accepted}.");
                return null;
            },
        }, accepted);
    }

    /// <summary>Notes what <paramref name="option"/> accepts, for the message when it is given without a value.</summary>
    public T Register<T>(T option, string accepted)
        where T : Option
    {
        _accepted[option] = accepted;
        return option;
    }

    private static T Parse<T>(ArgumentResult result, string name, string accepted, Func<string, T?> parse)
        where T : struct
    {
        if (result.Tokens.Count == 0)
        {
            result.AddError($"{name} needs a value: {accepted}.");
            return default;
        }

        string text = result.Tokens[^1].Value;
        T? value = parse(text);
        if (value is null)
        {
            result.AddError($"{name} does not accept '{text}': expected {accepted}.");
            return default;
        }

        return value.Value;
    }
}
