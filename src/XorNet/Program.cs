using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace XorNet;

/// <summary>The command line: read the options, run the notebook's training, print what the notebook prints.</summary>
public static class Program
{
    private const string Name = "XorNet";

    /// <summary>Runs the command with the process's console, stopping after the current epoch on the first Ctrl+C.</summary>
    public static int Main(string[] args)
    {
        using var interrupt = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // The first Ctrl+C asks training to stop after its epoch; a second one ends the process at once.
            if (!interrupt.IsCancellationRequested)
            {
                e.Cancel = true;
                interrupt.Cancel();
            }
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return Run(args, Console.Out, Console.Error, interrupt.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Runs the command with the given arguments and writers; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var options = new CommandLineOptions();
        var root = new RootCommand(
            "Trains the notebook's sigmoid network by full-batch gradient descent and prints what the notebook prints.");
        foreach (Option option in options.All)
        {
            root.Options.Add(option);
        }

        root.Validators.Add(options.Validate);
        root.SetAction(parse =>
        {
            Dataset data;
            try
            {
                data = options.LoadDataset(parse);
            }
            catch (DataFileException bad)
            {
                error.WriteLine($"{Name}: {bad.Message}");
                return ExitCodes.BadInput;
            }

            return Train(data, options.Settings(parse), options.OutputFormat(parse), output, error, cancellationToken);
        });

        ParseResult parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Errors.Count > 0)
        {
            string message = options.Describe(parseResult.Errors[0]);
            error.WriteLine($"{Name}: {message} Run '{Name} --help' for the options and the values they accept.");
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

    private static int Train(
        Dataset data, TrainingSettings settings, OutputFormat format, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        long needed = TwoLayerNetwork.TrainingBytes(data.Inputs, settings.Hidden, data.Rows);
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (needed > available)
        {
            error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{Name}: --hidden {settings.Hidden} needs about {Gibibytes(needed)} GiB to train, more than the {Gibibytes(available)} GiB available; choose a smaller hidden size."));
            return ExitCodes.BadInput;
        }

        TrainingResult result;
        try
        {
            Action<LogEntry>? onLog = format == OutputFormat.Text ? entry => output.WriteLine(NotebookTranscript.LogLine(entry)) : null;
            result = Trainer.Train(data, settings, onLog, cancellationToken);
        }
        catch (TrainingDivergedException diverged)
        {
            output.Flush();
            error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{Name}: training diverged: {diverged.Message}; try a smaller --learning-rate than {settings.LearningRate:R}."));
            return ExitCodes.Failed;
        }
        catch (OutOfMemoryException)
        {
            error.WriteLine($"{Name}: out of memory training with --hidden {settings.Hidden}; choose a smaller hidden size.");
            return ExitCodes.Failed;
        }

        if (format == OutputFormat.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(JsonReport.From(data.Name, settings, result), XorNetJsonContext.Default.JsonReport));
        }
        else
        {
            if (result.Interrupted)
            {
                output.WriteLine($"Interrupted at epoch {(result.EpochsRun - 1).ToString(CultureInfo.InvariantCulture)}.");
            }

            output.WriteLine();
            output.WriteLine(NotebookTranscript.PredictionsHeading);
            output.WriteLine(NotebookTranscript.Predictions(result.Predictions));
        }

        return result.Interrupted ? ExitCodes.Interrupted : ExitCodes.Success;
    }

    private static string Gibibytes(long bytes) => (bytes / (1024.0 * 1024 * 1024)).ToString("0.#", CultureInfo.InvariantCulture);
}
