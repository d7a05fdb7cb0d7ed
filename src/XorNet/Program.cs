using System.CommandLine;
using System.CommandLine.Parsing;
using XorNet.CommandLine;
using XorNet.Commands.Data;
using XorNet.Commands.Export;
using XorNet.Commands.Inspect;
using XorNet.Commands.Predict;
using XorNet.Commands.Sweep;
using XorNet.Commands.Train;
using XorNet.Data;
using XorNet.Files;
using XorNet.Models;
using XorNet.Terminal;

namespace XorNet;

/// <summary>The command line: read the options, run training or prediction, print the results.</summary>
public static class Program
{
    /// <summary>The program's name, which starts every message.</summary>
    internal const string Name = CommandNames.Program;

    /// <summary>Runs the command with the process's console, stopping after the current epoch on the first Ctrl+C.</summary>
    public static int Main(string[] args)
    {
        using ProcessStreams streams = ProcessStreams.Open();
        using var interrupt = new CancellationTokenSource();
        using IDisposable onInterrupt = Interruption.Register(interrupt, streams);
        using var input = new StandardInput();
        if (ArgumentBytes.NotText(args) is { } notText)
        {
            return ErrorLine.Fail(streams.Error, notText, ExitCodes.BadInput);
        }

        try
        {
            return Run(
                args, streams.Output, streams.Error, showProgress: streams.ErrorIsTerminal, interrupt.Token, input, inputIsTerminal: !Console.IsInputRedirected);
        }
        catch (OutputClosedException)
        {
            // As 'yes | head -1': the reader has what it wanted, and nothing is said.
            return ExitCodes.OutputClosed;
        }
        catch (IOException e)
        {
            // Typically stdout closed early (a pipe into 'head'): say so in one line rather than with a stack trace.
            return ErrorLine.Fail(streams.Error, $"could not write the output: {FileErrors.Describe(e)}.", ExitCodes.Failed);
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

        var context = new CommandContext(output, error, input, showProgress, cancellationToken);
        var options = new CommandLineOptions();
        var training = new TrainOptions(options);
        // A plain Command: RootCommand would look its name up by reflection, and add options that read resources.
        var root = new Command(
            Name, "Trains the notebook's sigmoid network, or a deeper one, by full-batch gradient descent or another update rule, and prints what the notebook prints.");
        foreach (Option option in training.All)
        {
            root.Options.Add(option);
        }

        root.Validators.Add(training.Validate);
        root.Validators.Add(command => UsageChecks.RejectRepeated(command));
        root.SetAction(parse => Guard(error, () => TrainCommand.Run(training.Request(parse, input), context)));

        var predictOptions = new PredictOptions(options);
        Command predict = Subcommand("predict", "Runs a network saved with --save on input rows or a CSV file.", predictOptions.All);
        predict.Arguments.Add(predictOptions.Rows);
        predict.Validators.Add(UsageChecks.RejectForeignOptions(predictOptions.Rows, training.All, predictOptions.All));
        predict.Validators.Add(command => predictOptions.Validate(command, inputIsTerminal));
        predict.SetAction(parse => Guard(error, () => PredictCommand.Run(predictOptions.Request(parse), context)));
        root.Subcommands.Add(predict);

        var inspectOptions = new InspectOptions(options);
        Command inspect = Subcommand("inspect", "Says what each unit of a network saved with --save computes, as --explain does.", inspectOptions.All);
        inspect.Validators.Add(inspectOptions.Validate);
        inspect.SetAction(parse => Guard(error, () => InspectCommand.Run(inspectOptions.Request(parse), context)));
        root.Subcommands.Add(inspect);

        var exportOptions = new ExportOptions(options);
        Command export = Subcommand("export", "Writes a network saved with --save as an ONNX model, for ONNX Runtime, Netron and other tools.", exportOptions.All);
        export.Validators.Add(exportOptions.Validate);
        export.SetAction(parse => Guard(error, () => ExportCommand.Run(exportOptions.Request(parse), context)));
        root.Subcommands.Add(export);

        var dataOptions = new DataOptions(options);
        Command data = Subcommand("data", "Writes a built-in set as CSV (x1,x2,y): a truth table, or a plane of points drawn as --dataset draws it.", dataOptions.All);
        data.Arguments.Add(dataOptions.Name);
        data.Validators.Add(dataOptions.Validate);
        data.SetAction(parse => Guard(error, () => DataCommand.Run(dataOptions.Request(parse), context)));
        root.Subcommands.Add(data);

        root.Subcommands.Add(SweepCommands(training, options, context));
        UsageChecks.RejectOptionsBeforeSubcommands(root);
        UsageChecks.RejectTerminalInput(root, [training.Data, training.Validation, predictOptions.Data], inputIsTerminal);

        ParseResult parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Errors.Count > 0)
        {
            // An option's own error first: '--data --epochs 5' is about --data, not about the '5' left over.
            ParseError first = parseResult.Errors.FirstOrDefault(e => e.SymbolResult is OptionResult or ArgumentResult) ?? parseResult.Errors[0];
            string message = options.Describe(first, parseResult.UnmatchedTokens);
            string help = $"{CommandNames.Path(parseResult.CommandResult)} --help";
            return ErrorLine.Fail(error, $"{message} Run '{help}' for the options and the values they accept.", ExitCodes.BadInput);
        }

        return parseResult.Invoke(new InvocationConfiguration
        {
            Output = output,
            Error = error,
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        });
    }

    // A subcommand with its options, refusing any option given twice; its own checks and action are added by the caller.
    private static Command Subcommand(string name, string description, IEnumerable<Option> options)
    {
        var command = new Command(name, description);
        foreach (Option option in options)
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result => UsageChecks.RejectRepeated(result));
        return command;
    }

    // 'sweep' and its 'summarize'.
    private static Command SweepCommands(TrainOptions training, CommandLineOptions options, CommandContext context)
    {
        var sweepOptions = new SweepOptions(training);
        var sweep = new Command("sweep", "Trains one run per combination of the values given (seeds, sizes, rates, …) and says how often, and how fast, each setting converges.");
        foreach (Option option in sweepOptions.Sweep)
        {
            sweep.Options.Add(option);
        }

        sweep.Validators.Add(sweepOptions.Validate);
        sweep.Validators.Add(command => UsageChecks.RejectRepeated(command, sweepOptions.Repeatable));
        sweep.SetAction(parse => Guard(context.Error, () => SweepCommand.Run(sweepOptions.Request(parse, context.Input), context)));

        var summarizeOptions = new SummarizeOptions(options);
        Command summarize = Subcommand(
            "summarize", "Prints the summary of runs recorded by 'sweep --out' in one or more files (for instance one per shard).", summarizeOptions.All);
        summarize.Arguments.Add(summarizeOptions.Files);
        summarize.Validators.Add(summarizeOptions.Validate);
        summarize.SetAction(parse => Guard(context.Error, () => SummarizeCommand.Run(summarizeOptions.Request(parse), context)));
        sweep.Subcommands.Add(summarize);
        return sweep;
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
            return ErrorLine.Fail(error, e.Message, ExitCodes.BadInput);
        }
        catch (OutOfMemoryException)
        {
            // Training catches its own; what is left is the input read or the results written.
            return ErrorLine.Fail(error, TrainingMessages.OutOfMemoryOutsideTraining, ExitCodes.Failed);
        }
    }
}
