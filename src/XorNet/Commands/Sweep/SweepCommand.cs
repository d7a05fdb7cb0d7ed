using System.Globalization;
using System.Text;
using XorNet.CommandLine;
using XorNet.Data;
using XorNet.Files;
using XorNet.Network;
using XorNet.NumPy;
using XorNet.Sweeps;
using XorNet.Terminal;
using XorNet.Text;

namespace XorNet.Commands.Sweep;

/// <summary>
/// <c>XorNet sweep</c>: trains one run per combination of the values given, records each run as it finishes, and
/// prints how often, and how fast, each setting converged.
/// </summary>
internal static class SweepCommand
{
    private const string Name = CommandNames.Program;

    /// <summary>What the first Ctrl+C says during a sweep.</summary>
    public const string InterruptNotice = "XorNet: stopping: no new run starts, the summary of the finished ones follows (press Ctrl+C again to quit now)";

    /// <summary>Runs the sweep <paramref name="request"/> describes; returns the exit code.</summary>
    public static int Run(SweepRequest request, CommandContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        (TextWriter output, TextWriter error, _, bool showProgress, CancellationToken cancellationToken) = context;
        (SweepGrid grid, OutputFile? records, OutputFile? plot, SweepData data, SweepTraining training, int jobs, _, _, _) = request;
        if (TooLarge(grid, data, training, (int)Math.Min(jobs, grid.Count)) is { } tooLarge)
        {
            return ErrorLine.Fail(error, tooLarge, ExitCodes.BadInput);
        }

        (int Shard, int Shards) shard = request.Shard;
        long[] runs = shard.Shards > 0 ? [.. grid.Shard(shard.Shard, shard.Shards)] : [.. Range(grid.Count)];
        if (runs.Length == 0)
        {
            // More shards than runs (a job array larger than the sweep): nothing to do is not a mistake.
            error.WriteLine($"{Name}: shard {shard.Shard}/{shard.Shards} has no runs: the sweep has {Words.Count(grid.Count, "run")}.");
        }

        var summary = new SummaryBuilder();
        long keep = 0;
        RecordFormat format = RecordFormat.FromPath(records?.Path ?? ".csv")!;
        IReadOnlyList<string> columns = RecordFormat.Columns(grid);

        // The file's one writer from here to the end: what it holds is read, kept and continued with no other sweep
        // between, and a second sweep on it is refused rather than splice its lines into this one's.
        using FileStream? stream = records?.OpenAsSoleWriter();
        if (stream is not null && records!.IsRegular && stream.Length > 0)
        {
            // A file of a header alone (a sweep stopped before its first run) holds nothing to lose.
            RecordFile file = RecordFile.Read(stream, format, $"--out {records.Path}");
            if (!request.Resume && file is not { Records.Count: 0, TornLine: false })
            {
                return ErrorLine.Fail(error, $"--out {records.Path} already holds records; add --resume to continue that sweep, or give another path.", ExitCodes.BadInput);
            }

            (runs, keep) = Resume(file, records.Path, grid, runs, summary, data, training, error);
        }

        if (stream is not null && records!.IsRegular)
        {
            stream.SetLength(keep);
            stream.Seek(0, SeekOrigin.End);
        }

        if (stream is not null && keep == 0 && format.Header(columns) is { } header)
        {
            Write(stream, header);
        }

        Interruption.Notice = InterruptNotice;
        long finished;
        using (SweepProgress? progress = showProgress
            ? new SweepProgress(StatusLine.Of(error), summary.Count + runs.Length, summary.Count, summary.Converged, TimeProvider.System)
            : null)
        {
            finished = SweepRunner.Run(
                data,
                grid,
                runs,
                training,
                jobs,
                record =>
                {
                    if (stream is not null)
                    {
                        Write(stream, format.Line(record, columns));
                    }

                    summary.Add(record);
                    progress?.Report(record.Outcome.Converged);
                },
                cancellationToken);
        }

        bool interrupted = finished < runs.Length;
        if (interrupted)
        {
            error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{Name}: interrupted after {Words.Count(summary.Count, "run")} of {summary.Count + runs.Length - finished}{(records is null ? "" : $"; continue with the same command and --resume")}."));
        }

        return SummaryOutput.Print(summary.Summarize(), request.Format, plot, output, error)
            ?? (interrupted ? ExitCodes.Interrupted : ExitCodes.Success);
    }

    // The runs not yet in the --out file (read from path), after counting what it holds into the summary; and how
    // many of its bytes to keep (a torn last line is cut).
    private static (long[] Runs, long Keep) Resume(
        RecordFile file, string path, SweepGrid grid, long[] runs, SummaryBuilder summary, SweepData data, SweepTraining training, TextWriter error)
    {
        if (file.Header is { } header && CsvRecords.SizesColumn(header) != grid.SizesColumn)
        {
            throw new FormatException($"--out {path} records runs by {CsvRecords.SizesColumn(header)}, this sweep by {grid.SizesColumn}; resume it with the options it was started with.");
        }

        if (file.Header is { } named && CsvRecords.ColumnsOf(named) is var held && !held.SequenceEqual(RecordFormat.Columns(grid)))
        {
            // Lines of other columns cannot follow that header.
            throw new FormatException(
                $"--out {path} has the columns {string.Join(',', held)}, this sweep's records {string.Join(',', RecordFormat.Columns(grid))}; resume it with the options it was started with.");
        }

        var wanted = new Dictionary<(uint, SweepSetting), long>(runs.Length);
        foreach (long run in runs)
        {
            wanted[grid[run]] = run;
        }

        var recorded = new HashSet<long>();
        foreach (RunRecord record in file.Records)
        {
            if (!wanted.TryGetValue(record.Key, out long run))
            {
                throw new FormatException(
                    $"--out {path} holds a run this sweep does not have (seed {record.Seed}, {record.Setting.SizesColumn} {record.Setting.Sizes}, learning rate {NumPyFormat.Repr(record.Setting.LearningRate)}{(record.Setting.Plane is { } plane ? $", {plane}" : "")}); resume it with the options it was started with.");
            }

            if (recorded.Add(run))
            {
                summary.Add(record);
            }
        }

        if (Mismatch(file, path, grid, wanted, training, data) is { } mismatch)
        {
            throw new FormatException(mismatch);
        }

        if (file.TornLine)
        {
            ErrorLine.Write(error, $"the last line of --out {path} was cut off; that run is done again.");
        }

        return ([.. runs.Where(run => !recorded.Contains(run))], file.WholeBytes);
    }

    // Why the recorded runs cannot be this sweep's, or null. The records do not name the epochs, data, target loss or
    // --full they were made with, so they are checked against them: every run's epochs must fit, and the first run,
    // trained again now, must come out the same to the bit.
    private static string? Mismatch(
        RecordFile file, string path, SweepGrid grid, Dictionary<(uint, SweepSetting), long> runOf, SweepTraining training, SweepData data)
    {
        string again = "resume it with the options it was started with (--epochs, --dataset or --data, --samples, --noise, --data-seed, --target-loss, --full), or give another --out";
        foreach (RunRecord record in file.Records)
        {
            RunOutcome outcome = record.Outcome;
            bool diverged = !double.IsFinite(outcome.FinalLoss) && outcome.EpochsRun > 0;
            int expected = outcome.ConvergedAtEpoch is { } epoch && !training.Full ? epoch + 1 : training.Epochs;
            if (!diverged && outcome.EpochsRun != expected)
            {
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"--out {path} records seed {record.Seed} ({record.Setting.SizesColumn} {record.Setting.Sizes}) with {Words.Count(outcome.EpochsRun, "epoch")} run, where this sweep runs {expected}; {again}.");
            }
        }

        if (file.Records.Count > 0)
        {
            RunRecord first = file.Records[0];
            if (SweepRunner.Train(data.For(first.Setting), grid, runOf[first.Key], training) is { } now && !now.Outcome.SameAs(first.Outcome))
            {
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"--out {path} records seed {first.Seed} ({first.Setting.SizesColumn} {first.Setting.Sizes}) with another result than this sweep gives it (final loss {NumPyFormat.Repr(first.Outcome.FinalLoss)}, now {NumPyFormat.Repr(now.Outcome.FinalLoss)}); {again}.");
            }
        }

        return null;
    }

    // The first setting too large to train with this many runs at once, as a message, or null. A generated set is
    // drawn for this once per size: its size, not its points, is what the memory depends on.
    private static string? TooLarge(SweepGrid grid, SweepData sweepData, SweepTraining training, int jobs)
    {
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        var sizes = new Dictionary<int, Dataset>();
        for (long setting = 0; setting < grid.Settings; setting++)
        {
            (uint seed, SweepSetting values) = grid[setting * (grid.Count / grid.Settings)];
            int samples = values.Plane?.Samples ?? 0;
            if (!sizes.TryGetValue(samples, out Dataset? data))
            {
                data = sweepData.For(values);
                sizes.Add(samples, data);
            }

            TrainingSettings settings = values.TrainingSettings(seed, training.Epochs, training.Convergence, training.Full);
            if (TrainingMessages.TooLarge(data, settings, available) is { } message)
            {
                return message;
            }

            // Each of the runs in flight has its own network and workspace.
            if (jobs > 1 && TrainingMessages.TooLarge(data, settings, available / jobs) is not null)
            {
                int fits = (int)Math.Clamp(available / Math.Max(TrainingMemory.Bytes(settings.ArchitectureFor(data), data.Rows), 1), 1, jobs - 1);
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"--jobs {jobs} trains {jobs} runs at once, each with {TrainingMessages.HiddenSizesOption(settings)} needing about {TrainingMessages.Size(TrainingMemory.Bytes(settings.ArchitectureFor(data), data.Rows))}: more than the {TrainingMessages.Size(available)} available; give --jobs {fits}{(fits > 1 ? " or fewer" : "")}.");
            }
        }

        return null;
    }

    private static IEnumerable<long> Range(long count)
    {
        for (long i = 0; i < count; i++)
        {
            yield return i;
        }
    }

    // One line, written and flushed at once, so that a killed sweep keeps every line it finished.
    private static void Write(FileStream stream, string line)
    {
        stream.Write(Encoding.UTF8.GetBytes(line + "\n"));
        stream.Flush();
    }
}
