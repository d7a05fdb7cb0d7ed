using System.Globalization;
using System.Text.Json;
using XorNet.CommandLine;
using XorNet.Commands.Train.Trace;
using XorNet.Data;
using XorNet.Explain;
using XorNet.Files;
using XorNet.Models;
using XorNet.Network;
using XorNet.NumPy;
using XorNet.Plots;
using XorNet.Terminal;
using XorNet.Text;

namespace XorNet.Commands.Train;

/// <summary>
/// The training command (the notebook itself): check what can be checked up front, train, print the transcript or
/// the JSON report, then write the files asked for.
/// </summary>
internal static class TrainCommand
{
    private const string Name = CommandNames.Program;

    /// <summary>
    /// Trains on the request's data as its settings say (from the model it starts from, when given), measuring and
    /// tracing what its additions ask for; returns the exit code. The network learns from the rows' features when the
    /// settings have them; pictures show the rows themselves.
    /// </summary>
    /// <exception cref="FormatException">The settings have features and the data does not have two inputs.</exception>
    public static int Run(TrainRequest request, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        (Dataset data, TrainingSettings settings, OutputFormat format, bool checkGradients, OutputFiles files, InitialModel.Start? start, TranscriptAdditions additions) = request;
        (TextWriter output, TextWriter error, _, bool showProgress, CancellationToken cancellationToken) = context;
        Interruption.Notice = Interruption.Message;
        if (settings.InitialNetwork is { } initial && InitialModel.Mismatch(initial, start!.Path, data) is { } mismatch)
        {
            return ErrorLine.Fail(error, mismatch, ExitCodes.BadInput);
        }

        if (start is not null && InitialModel.DroppedState(settings, start.Path) is { } dropped)
        {
            error.WriteLine($"{Name}: {dropped}");
        }

        Dataset inputs = settings.InputsFor(data);
        Dataset? validationInputs = additions.Validation is { } validationData ? settings.InputsFor(validationData) : null;
        if (TrainingMessages.TooLarge(inputs, settings, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes) is { } tooLarge)
        {
            return ErrorLine.Fail(error, tooLarge, ExitCodes.BadInput);
        }

        if (additions.Trace is not null && TraceEpochs.TooLarge(inputs, settings.ArchitectureFor(inputs)) is { } traceTooLarge)
        {
            return ErrorLine.Fail(error, traceTooLarge, ExitCodes.BadInput);
        }

        OutputFile[] overPlane = [.. new[] { files.BoundaryPlot, files.UnitsPlot, files.Animation }.OfType<OutputFile>()];
        if (overPlane.Length > 0 && data.Inputs != 2)
        {
            error.WriteLine($"{Name}: {overPlane[0].Option} draws two-input data; {data.Name} has {Words.Count(data.Inputs, "input")}.");
            return ExitCodes.BadInput;
        }

        PlotWindow? window = overPlane.Length == 0 ? null : PlotWindow.For(data, files.PlotRange);
        TrainingFrames? frames = files.Animation is null ? null : new TrainingFrames(settings.Epochs, window!);

        if (checkGradients && GradientCheckStep.Run(inputs, settings, error, cancellationToken) is { } stop)
        {
            return stop;
        }

        TrainingResult result;
        var losses = new LossHistory();
        ValidationLosses? validation = validationInputs is null ? null : new ValidationLosses(validationInputs, settings.LogEvery);
        var traces = new List<JsonTrace>();
        EpochTracer? tracer = additions.Trace is not { } trace ? null : new EpochTracer(trace, inputs, format == OutputFormat.Text
            ? epochTrace => output.WriteLine(TraceTranscript.Text(epochTrace))
            : epochTrace => traces.Add(JsonTrace.From(epochTrace)), settings.BatchSize);
        try
        {
            using ProgressDisplay? progress = showProgress ? new ProgressDisplay(error, settings.Epochs) : null;
            Action<LogEntry>? onLog = format == OutputFormat.Text
                ? entry => output.WriteLine(validation?.At(entry.Epoch) is { } v ? NotebookTranscript.LogLine(entry, v) : NotebookTranscript.LogLine(entry))
                : null;
            Action<int, double>? onEpoch = progress is null ? null : progress.Report;
            if (files.LossPlot is not null || frames is not null)
            {
                onEpoch += losses.Add;
            }

            onEpoch += frames is null ? null : frames.AfterEpoch;
            Action<int, INetwork>? beforeEpoch = validation is null ? null : validation.BeforeEpoch;
            if (tracer is not null)
            {
                beforeEpoch += tracer.BeforeEpoch;
            }

            if (frames is not null)
            {
                beforeEpoch += frames.BeforeEpoch;
            }

            Action<int, int, ReadOnlyMemory<int>, Matrix, Matrix, INetwork>? beforeBatch = tracer is null ? null : tracer.BeforeBatch;
            result = Trainer.Train(inputs, settings, onLog, onEpoch, beforeEpoch, beforeBatch, cancellationToken);
            tracer?.Flush();
        }
        catch (TrainingDivergedException diverged)
        {
            // The epoch that diverged, when listed, shows where the non-finite values came from.
            tracer?.Flush();
            output.Flush();
            return ErrorLine.Fail(error, TrainingMessages.Diverged(diverged, inputs, settings), ExitCodes.Failed);
        }
        catch (TraceOutOfMemoryException e)
        {
            output.Flush();
            return ErrorLine.Fail(error, e.Message, ExitCodes.Failed);
        }
        catch (OutOfMemoryException)
        {
            return ErrorLine.Fail(error, TrainingMessages.OutOfMemory(inputs, settings), ExitCodes.Failed);
        }

        // A run that saturated its units ends with a flat loss and exit status 0: say so, once, on stderr. Only a run
        // that did not fit its data is examined, so that a trained network with sharp units is not reported.
        if (result.EpochsRun > 0 && Network.Accuracy.Of(result.Predictions, data.Y) < 1
            && Saturation.SaturatedLayer(result.Network, inputs.X) is { } saturated)
        {
            bool moved = result.Log.Count > 0 && result.FinalLoss is { } last && result.Log[0].Loss != last;
            error.WriteLine($"{Name}: {TrainingMessages.Saturated(saturated, settings, moved)}");
        }

        // The trained weights (those --save writes) on the training rows; the diagram labels units with it too.
        Explanation? explanation = additions.Explain || files.NetworkPlot is not null || files.UnitsPlot is not null
            ? Explainer.Explain(result.Network, data.X, $"the {Words.Count(data.Rows, "training row")}")
            : null;
        if (format == OutputFormat.Json)
        {
            JsonReport report = JsonReport.From(data, settings, result, start?.Path, validation, tracer is null ? null : traces) with { Explanation = additions.Explain ? explanation : null };
            output.WriteLine(JsonSerializer.Serialize(report, JsonReportContext.Default.JsonReport));
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
            if (additions.Metrics)
            {
                output.WriteLine();
                foreach (string line in RunMetrics.Lines(result, data))
                {
                    output.WriteLine(line);
                }
            }

            if (additions.Explain)
            {
                output.WriteLine();
                ExplanationText.Write(output, explanation!);
            }
        }

        string features = result.Network.Architecture.Features is { } f ? $", features {f}" : "";
        string title = string.Create(
            CultureInfo.InvariantCulture,
            $"{data.Name}{features}: {(settings.HiddenSizes.Count == 1 ? "hidden" : "layers")} {HiddenSizesText.Of(settings.HiddenSizes)}, lr {NumPyFormat.Repr(settings.LearningRate)}, seed {settings.Seed}, {Words.Count(result.EpochsRun, "epoch")}");
        var writes = new List<(OutputFile File, Action<Stream> Write)>();
        if (files.Model is { } model)
        {
            ModelTraining training = start is null
                ? new ModelTraining(data.Name, settings.Seed, settings.LearningRate, result.EpochsRun, result.FinalLoss)
                : ModelTraining.Continuing(start.Path, start.Training, data.Name, settings.LearningRate, result.EpochsRun, result.FinalLoss);
            writes.Add((model, ModelFile.Writer(result.Network, training, result.State, settings.BatchSize)));
        }

        if (files.LossPlot is { } lossPlot)
        {
            writes.Add((lossPlot, OutputFile.Utf8Text(LossPlot.Render(
                losses, ValidationHistory(validation), $"Loss per epoch, {title}", LossPlot.NameOf(result.Network.Architecture.Loss)))));
        }

        if (files.BoundaryPlot is { } boundaryPlot)
        {
            writes.Add((boundaryPlot, OutputFile.Utf8Text(BoundaryPlot.Render(result.Network, data, $"Network output, {title}", window))));
        }

        if (files.Animation is { } animation)
        {
            // The trained network's own buffers are free now (its predictions were taken): no second copy of the data's size.
            frames!.Finish(result.Network, result.Network.Loss(inputs.X, inputs.Y), result.EpochsRun);
            writes.Add((animation, OutputFile.Utf8Text(TrainingAnimation.Render(
                frames.Frames, [.. losses.Points(), (result.EpochsRun, frames.Frames[^1].Loss)], data, $"Training, {title}", LossPlot.NameOf(result.Network.Architecture.Loss)))));
        }

        if (files.UnitsPlot is { } unitsPlot)
        {
            writes.Add((unitsPlot, OutputFile.Utf8Text(UnitsPlot.Render(result.Network, data, explanation!, $"Each unit's output over the plane, {title}", window!))));
        }

        if (files.NetworkPlot is { } networkPlot)
        {
            writes.Add((networkPlot, OutputFile.Utf8Text(NetworkDiagram.Render(explanation!, $"Network, {title}"))));
        }

        try
        {
            // All or nothing: a file that cannot be written leaves every other one as it was.
            OutputFile.WriteAll(writes);
        }
        catch (FileOptionException e)
        {
            return ErrorLine.Fail(error, e.Message, ExitCodes.Failed);
        }

        // A Ctrl+C after the last epoch (while the files were written) still says the run was interrupted.
        return result.Interrupted || cancellationToken.IsCancellationRequested ? ExitCodes.Interrupted : ExitCodes.Success;
    }

    // The validation losses as the loss plot's second line, summarised as the training losses are.
    private static LossHistory? ValidationHistory(ValidationLosses? validation)
    {
        if (validation is null)
        {
            return null;
        }

        var history = new LossHistory();
        foreach (LogEntry entry in validation.Entries)
        {
            history.Add(entry.Epoch, entry.Loss);
        }

        return history;
    }
}
