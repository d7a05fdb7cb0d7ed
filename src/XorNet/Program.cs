using System.CommandLine;
using System.CommandLine.Parsing;
using System.Runtime.InteropServices;
using System.Globalization;
using System.Text.Json;
using XorNet.Cli;
using XorNet.Data;
using XorNet.Files;
using XorNet.Models;
using XorNet.Network;
using XorNet.NumPy;
using XorNet.Plots;

namespace XorNet;

/// <summary>The command line: read the options, run training or prediction, print the results.</summary>
public static class Program
{
    private const string Name = "XorNet";

    /// <summary>Runs the command with the process's console, stopping after the current epoch on the first Ctrl+C.</summary>
    public static int Main(string[] args)
    {
        using ProcessStreams streams = ProcessStreams.Open();
        using var interrupt = new CancellationTokenSource();
        using IDisposable onInterrupt = Interruption.Register(interrupt, streams);
        using var input = new StandardInput();
        try
        {
            return Run(
                args, streams.Output, streams.Error, showProgress: streams.ErrorIsTerminal, interrupt.Token, input, inputIsTerminal: !Console.IsInputRedirected);
        }
        catch (IOException e)
        {
            // Typically stdout closed early (a pipe into 'head'): say so in one line rather than with a stack trace.
            streams.Error.WriteLine($"{Name}: could not write the output: {FileErrors.Describe(e)}.");
            return ExitCodes.Failed;
        }
    }

    /// <summary>Runs the command with the given arguments and writers; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Where results go (standard output).</param>
    /// <param name="error">Where messages go (standard error).</param>
    /// <param name="cancellationToken">Cancelled by Ctrl+C: training stops after its current epoch.</param>
    /// <param name="showProgress">Whether <paramref name="error"/> is a terminal that should show a progress line.</param>
    /// <param name="input">Standard input, read for <c>--data -</c> and by <c>predict</c> without rows; none when null.</param>
    /// <param name="inputIsTerminal">Whether <paramref name="input"/> is a terminal, from which <c>predict</c> does not wait for rows.</param>
    [System.Diagnostics.CodeAnalysis.SuppressMessage(
        "Design", "CA1068:CancellationToken parameters must come last", Justification = "Standard input was added later; callers pass the token by position.")]
    public static int Run(
        IReadOnlyList<string> args, TextWriter output, TextWriter error, bool showProgress = false, CancellationToken cancellationToken = default,
        TextReader? input = null, bool inputIsTerminal = true)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        input ??= TextReader.Null;

        var options = new CommandLineOptions();
        // A plain Command: RootCommand would look its name up by reflection, and add options that read resources.
        var root = new Command(
            Name, "Trains the notebook's sigmoid network, or a deeper one, by full-batch gradient descent and prints what the notebook prints.");
        foreach (Option option in options.Training)
        {
            root.Options.Add(option);
        }

        root.Validators.Add(options.Validate);
        root.Validators.Add(UsageChecks.RejectRepeated);
        root.SetAction(parse => Guard(error, () =>
        {
            // The output paths first: checking them is cheap, and a mistake there should not wait for the data.
            Outputs files = options.Outputs(parse);
            TrainingSettings settings = options.Settings(parse);
            return Train(
                options.LoadDataset(parse, input), settings, CommandLineOptions.OutputFormat(parse, options.Format),
                parse.GetValue(options.CheckGradients), files, parse.GetValue(options.InitFrom), output, error, showProgress, cancellationToken);
        }));

        var predict = new Command("predict", "Runs a network saved with --save on input rows or a CSV file.");
        foreach (Option option in options.Prediction)
        {
            predict.Options.Add(option);
        }

        predict.Arguments.Add(options.Rows);
        predict.Validators.Add(UsageChecks.RejectRepeated);
        predict.Validators.Add(UsageChecks.RejectForeignOptions(options.Rows, options.Training, options.Prediction));
        predict.Validators.Add(command => options.ValidatePredict(command, inputIsTerminal));
        predict.SetAction(parse => Guard(error, () => Predict(
            parse.GetValue(options.Model)!, parse.GetValue(options.Rows) ?? [], parse.GetValue(options.PredictData),
            CommandLineOptions.OutputFormat(parse, options.PredictFormat), output, input)));
        root.Subcommands.Add(predict);

        ParseResult parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Errors.Count > 0)
        {
            // An option's own error first: '--data --epochs 5' is about --data, not about the '5' left over.
            ParseError first = parseResult.Errors.FirstOrDefault(e => e.SymbolResult is OptionResult or ArgumentResult) ?? parseResult.Errors[0];
            string message = options.Describe(first, parseResult.UnmatchedTokens);
            string help = parseResult.CommandResult.Command == predict ? $"{Name} predict --help" : $"{Name} --help";
            error.WriteLine($"{Name}: {message} Run '{help}' for the options and the values they accept.");
            return ExitCodes.BadInput;
        }

        return parseResult.Invoke(new InvocationConfiguration
        {
            Output = output,
            Error = error,
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        });
    }

    // Turns the failures a user can cause into one line and an exit code.
    private static int Guard(TextWriter error, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is DataFileException or ModelFileException or FileOptionException or FormatException)
        {
            error.WriteLine($"{Name}: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (OutOfMemoryException)
        {
            // Training catches its own; what is left is the input read or the results written.
            error.WriteLine($"{Name}: {TrainingMessages.OutOfMemoryOutsideTraining}");
            return ExitCodes.Failed;
        }
    }

    private static int Train(
        Dataset data, TrainingSettings settings, OutputFormat format, bool checkGradients, Outputs files, string? initFrom,
        TextWriter output, TextWriter error, bool showProgress, CancellationToken cancellationToken)
    {
        if (settings.InitialNetwork is { } initial && InitialModel.Mismatch(initial, initFrom!, data) is { } mismatch)
        {
            error.WriteLine($"{Name}: {mismatch}");
            return ExitCodes.BadInput;
        }

        if (TrainingMessages.TooLarge(data, settings, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes) is { } tooLarge)
        {
            error.WriteLine($"{Name}: {tooLarge}");
            return ExitCodes.BadInput;
        }

        if (files.BoundaryPlot is not null && data.Inputs != 2)
        {
            error.WriteLine($"{Name}: --plot-boundary draws two-input data; {data.Name} has {Words.Count(data.Inputs, "input")}.");
            return ExitCodes.BadInput;
        }

        if (checkGradients && GradientCheckStep.Run(data, settings, error, cancellationToken) is { } stop)
        {
            return stop;
        }

        TrainingResult result;
        var losses = new LossHistory();
        try
        {
            using ProgressDisplay? progress = showProgress ? new ProgressDisplay(error, settings.Epochs) : null;
            Action<LogEntry>? onLog = format == OutputFormat.Text ? entry => output.WriteLine(NotebookTranscript.LogLine(entry)) : null;
            Action<int, double>? onEpoch = progress is null ? null : progress.Report;
            if (files.LossPlot is not null)
            {
                onEpoch += losses.Add;
            }

            result = Trainer.Train(data, settings, onLog, onEpoch, cancellationToken);
        }
        catch (TrainingDivergedException diverged)
        {
            output.Flush();
            error.WriteLine($"{Name}: {TrainingMessages.Diverged(diverged, data, settings)}");
            return ExitCodes.Failed;
        }
        catch (OutOfMemoryException)
        {
            error.WriteLine($"{Name}: {TrainingMessages.OutOfMemory(data, settings)}");
            return ExitCodes.Failed;
        }

        if (format == OutputFormat.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(JsonReport.From(data.Name, settings, result, initFrom), XorNetJsonContext.Default.JsonReport));
        }
        else
        {
            if (result.StoppedAtEpoch is { } reached)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Reached loss ≤ {NumPyFormat.Repr(settings.TargetLoss.GetValueOrDefault())} at epoch {reached}."));
            }

            if (result.Interrupted)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Interrupted at epoch {result.EpochsRun - 1}."));
            }

            output.WriteLine();
            output.WriteLine(NotebookTranscript.PredictionsHeading);
            output.WriteLine(NotebookTranscript.Predictions(result.Predictions));
        }

        string title = string.Create(
            CultureInfo.InvariantCulture,
            $"{data.Name}: {(settings.HiddenSizes.Count == 1 ? "hidden" : "layers")} {string.Join(',', settings.HiddenSizes)}, lr {NumPyFormat.Repr(settings.LearningRate)}, seed {settings.Seed}, {Words.Count(result.EpochsRun, "epoch")}");
        // Every file is attempted, so that one that fails costs no other.
        bool written = Write(files.Model, file => ModelFile.Save(file, result.Network, new ModelTraining(
                data.Name, settings.Seed, settings.LearningRate, result.EpochsRun, result.FinalLoss)), error)
            & Write(files.LossPlot, file => file.WriteAllText(LossPlot.Render(losses, $"Loss per epoch, {title}")), error)
            & Write(files.BoundaryPlot, file => file.WriteAllText(BoundaryPlot.Render(result.Network, data, $"Network output, {title}")), error);
        if (!written)
        {
            return ExitCodes.Failed;
        }

        // A Ctrl+C after the last epoch (while the files were written) still says the run was interrupted.
        return result.Interrupted || cancellationToken.IsCancellationRequested ? ExitCodes.Interrupted : ExitCodes.Success;
    }

    // Writes one output file when it was asked for; a failure is reported in one line and returns false.
    private static bool Write(OutputFile? file, Action<OutputFile> write, TextWriter error)
    {
        if (file is null)
        {
            return true;
        }

        try
        {
            write(file);
            return true;
        }
        catch (FileOptionException e)
        {
            error.WriteLine($"{Name}: {e.Message}");
            return false;
        }
    }

    private static int Predict(string modelPath, string[] rows, string? dataPath, OutputFormat format, TextWriter output, TextReader input)
    {
        InputFile.Check("--model", modelPath, "model.json", acceptsStandardInput: false);
        if (dataPath is not null && dataPath != InputFile.StandardInput)
        {
            InputFile.Check("--data", dataPath, "data.csv", acceptsStandardInput: true);
        }

        INetwork network = ModelFile.Load(modelPath);
        int inputs = network.Architecture.Inputs, outputs = network.Architecture.Outputs;
        if (dataPath is null && rows.Length == 0)
        {
            // The validator let this through only because standard input is not a terminal: the rows are there.
            rows = InputRows.Read(input);
            if (rows.Length == 0)
            {
                throw new FormatException("predict read no rows from standard input; give rows such as 0,1, one a line.");
            }
        }

        CsvTable table = dataPath switch
        {
            null => new CsvTable(Predictor.ParseRows(rows, inputs), null),
            InputFile.StandardInput => CsvDataset.ReadTable(input, InputFile.StandardInputName, inputs, outputs),
            _ => CsvDataset.LoadRows(dataPath, inputs, outputs),
        };
        Matrix predictions = network.Predict(table.X);

        if (format == OutputFormat.Json)
        {
            var report = new JsonPrediction(
                predictions.ToRows(),
                table.Y is null ? null : Predictor.MeanSquaredError(predictions, table.Y),
                table.Y is null ? null : Predictor.Accuracy(predictions, table.Y));
            output.WriteLine(JsonSerializer.Serialize(report, XorNetJsonContext.Default.JsonPrediction));
            return ExitCodes.Success;
        }

        for (int r = 0; r < predictions.Rows; r++)
        {
            string row = dataPath is null
                ? rows[r]
                : string.Join(',', table.X.Row(r).ToArray().Select(NumPyFormat.Repr));
            output.WriteLine($"{row} -> {string.Join(' ', predictions.Row(r).ToArray().Select(p => NumPyFormat.Fixed(p, 3)))}");
        }

        if (table.Y is not null)
        {
            double mse = Predictor.MeanSquaredError(predictions, table.Y);
            double accuracy = Predictor.Accuracy(predictions, table.Y);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MSE: {NumPyFormat.Repr(mse)}"));
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Accuracy: {accuracy * 100:0.##}% ({Math.Round(accuracy * predictions.Rows)} of {predictions.Rows} {(outputs == 1 ? "" : "with every output ")}on the right side of 0.5)"));
        }

        return ExitCodes.Success;
    }
}
