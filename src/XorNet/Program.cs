using System.CommandLine;
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
        using PosixSignalRegistration onInterrupt = Interruption.Register(interrupt, streams);
        try
        {
            return Run(args, streams.Output, streams.Error, showProgress: streams.ErrorIsTerminal, interrupt.Token);
        }
        catch (IOException e)
        {
            // Typically stdout closed early (a pipe into 'head'): say so in one line rather than with a stack trace.
            streams.Error.WriteLine($"{Name}: could not write the output: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    /// <summary>Runs the command with the given arguments and writers; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Where results go (standard output).</param>
    /// <param name="error">Where messages go (standard error).</param>
    /// <param name="cancellationToken">Cancelled by Ctrl+C: training stops after its current epoch.</param>
    /// <param name="showProgress">Whether <paramref name="error"/> is a terminal that should show a progress line.</param>
    public static int Run(
        IReadOnlyList<string> args, TextWriter output, TextWriter error, bool showProgress = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var options = new CommandLineOptions();
        // A plain Command: RootCommand would look its name up by reflection, and add options that read resources.
        var root = new Command(
            Name, "Trains the notebook's sigmoid network by full-batch gradient descent and prints what the notebook prints.");
        foreach (Option option in options.Training)
        {
            root.Options.Add(option);
        }

        root.Validators.Add(options.Validate);
        root.Validators.Add(UsageChecks.RejectRepeated);
        root.SetAction(parse => Guard(error, () => Train(
            options.LoadDataset(parse), options.Settings(parse), CommandLineOptions.OutputFormat(parse, options.Format), parse.GetValue(options.CheckGradients),
            options.Outputs(parse), output, error, showProgress, cancellationToken)));

        var predict = new Command("predict", "Runs a network saved with --save on input rows or a CSV file.");
        foreach (Option option in options.Prediction)
        {
            predict.Options.Add(option);
        }

        predict.Arguments.Add(options.Rows);
        predict.Validators.Add(UsageChecks.RejectRepeated);
        predict.Validators.Add(UsageChecks.RejectForeignOptions(options.Rows, options.Training, options.Prediction));
        predict.Validators.Add(options.ValidatePredict);
        predict.SetAction(parse => Guard(error, () => Predict(
            parse.GetValue(options.Model)!, parse.GetValue(options.Rows) ?? [], parse.GetValue(options.PredictData),
            CommandLineOptions.OutputFormat(parse, options.PredictFormat), output)));
        root.Subcommands.Add(predict);

        ParseResult parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Errors.Count > 0)
        {
            string message = options.Describe(parseResult.Errors[0]);
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
        catch (Exception e) when (e is DataFileException or ModelFileException or FormatException)
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
        Dataset data, TrainingSettings settings, OutputFormat format, bool checkGradients, Outputs files,
        TextWriter output, TextWriter error, bool showProgress, CancellationToken cancellationToken)
    {
        if (TrainingMessages.TooLarge(data, settings, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes) is { } tooLarge)
        {
            error.WriteLine($"{Name}: {tooLarge}");
            return ExitCodes.BadInput;
        }

        foreach ((string option, string path) in files.Requested)
        {
            if (!Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(path))))
            {
                error.WriteLine($"{Name}: {option} {path}: the directory does not exist.");
                return ExitCodes.BadInput;
            }
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
            output.WriteLine(JsonSerializer.Serialize(JsonReport.From(data.Name, settings, result), XorNetJsonContext.Default.JsonReport));
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
            $"{data.Name}: hidden {settings.Hidden}, lr {NumPyFormat.Repr(settings.LearningRate)}, seed {settings.Seed}, {Words.Count(result.EpochsRun, "epoch")}");
        try
        {
            if (files.Model is not null)
            {
                ModelFile.Save(files.Model, result.Network, new ModelTraining(
                    data.Name, settings.Seed, settings.LearningRate, result.EpochsRun, result.FinalLoss));
            }

            if (files.LossPlot is not null)
            {
                AtomicFile.WriteAllText(files.LossPlot, LossPlot.Render(losses, $"Loss per epoch, {title}"));
            }

            if (files.BoundaryPlot is not null)
            {
                AtomicFile.WriteAllText(files.BoundaryPlot, BoundaryPlot.Render(result.Network, data, $"Network output, {title}"));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"{Name}: could not write an output file: {e.Message}");
            return ExitCodes.Failed;
        }

        return result.Interrupted ? ExitCodes.Interrupted : ExitCodes.Success;
    }

    private static int Predict(string modelPath, string[] rows, string? dataPath, OutputFormat format, TextWriter output)
    {
        TwoLayerNetwork network = ModelFile.Load(modelPath);
        CsvTable table = dataPath is null
            ? new CsvTable(Predictor.ParseRows(rows, network.Inputs), null)
            : CsvDataset.LoadRows(dataPath, network.Inputs);
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
            string inputs = dataPath is null
                ? rows[r]
                : string.Join(',', table.X.Row(r).ToArray().Select(NumPyFormat.Repr));
            output.WriteLine($"{inputs} -> {NumPyFormat.Fixed(predictions[r, 0], 3)}");
        }

        if (table.Y is not null)
        {
            double mse = Predictor.MeanSquaredError(predictions, table.Y);
            double accuracy = Predictor.Accuracy(predictions, table.Y);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"MSE: {NumPyFormat.Repr(mse)}"));
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Accuracy: {accuracy * 100:0.##}% ({Math.Round(accuracy * predictions.Rows)} of {predictions.Rows} on the right side of 0.5)"));
        }

        return ExitCodes.Success;
    }
}
